"""What each status of an import allows, asked by name: read back from the database at every
status."""

import pytest

from emulation.models_imports import ImportBatch
from tests.states import holds

Status = ImportBatch.Status
BATCH = ("is_running", "is_checked", "is_refused", "is_done", "is_failed", "can_cancel")
BATCH_TABLE = {
    Status.QUEUED: ["is_running"],
    Status.CHECKING: ["is_running"],
    Status.CHECKED: ["is_checked", "can_cancel"],
    Status.REFUSED: ["is_refused", "can_cancel"],
    Status.COMMITTING: ["is_running"],
    Status.WRITING: ["is_running"],
    Status.DONE: ["is_done"],
    Status.FAILED: ["is_failed"],
    Status.CANCELLED: [],
}


def test_every_import_status_is_in_the_table():
    assert set(BATCH_TABLE) == set(Status.values)


@pytest.mark.parametrize(("status", "expected"), BATCH_TABLE.items())
def test_what_an_import_allows_at_each_status(world, status, expected):
    batch = ImportBatch.objects.create(
        ministry=world.ministry,
        kind="units",
        file="imports/don-vi.xlsx",
        file_name="don-vi.xlsx",
        created_by=world.users.staff,
        status=status,
    )
    assert holds(ImportBatch.objects.get(pk=batch.pk), BATCH) == expected
