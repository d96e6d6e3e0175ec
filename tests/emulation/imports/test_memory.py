"""The big import streams: its memory grows by a few hundred bytes a row, not with what the
rows hold (measured here at a small size with tracemalloc; at full size, 200,000 people-year
rows, by ``python -m bench.onboard``)."""

import tracemalloc

import pytest

from bench.onboard import make_files
from emulation.imports import services
from emulation.models import ImportBatch
from units.models import PersonYear


def _peak_kib(function):
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] // 1024
    finally:
        tracemalloc.stop()


def _load(world, kind, path):
    with open(path, "rb") as handle:
        from django.core.files import File

        batch = ImportBatch(
            ministry=world.ministry, kind=kind, file_name=path.name, created_by=world.users.staff
        )
        batch.file.save(path.name, File(handle), save=False)
        batch.save()
    check = _peak_kib(lambda: services.import_check(batch_id=batch.pk))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED, batch.problems[:3]
    services.import_confirm(actor=world.users.staff, batch=batch)
    commit = _peak_kib(lambda: services.import_commit(batch_id=batch.pk))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    return check, commit


@pytest.mark.timeout(180)  # tracemalloc slows the run about threefold
def test_memory_of_the_big_import_stays_flat_as_the_file_grows(world, tmp_path, monkeypatch):
    monkeypatch.setattr("emulation.imports.engine.CHUNK", 50)
    # The page's list of new and changed rows is capped (500 at full size): reached here too,
    # so what is measured is what grows with the file.
    monkeypatch.setattr("emulation.imports.engine.MAX_CHANGES", 20)
    everyone = make_files(tmp_path / "all", n_units=10, n_people=200)
    for kind in ("units", "people"):
        _load(world, kind, everyone[kind])
    small = _load(
        world, "person-years", make_files(tmp_path / "s", n_units=10, n_people=50)["person-years"]
    )
    PersonYear.objects.all().delete()
    large = _load(world, "person-years", everyone["person-years"])  # four times as many rows
    print("peak KiB (check, commit):", small, large)
    assert PersonYear.objects.count() == 1000
    # Rows are read and written a chunk at a time; what grows with the file is the index of
    # keys seen (duplicates are named by row) and the .xlsx's shared-string table: a few hundred
    # bytes a row (measured 300 to 600 from run to run), never the rows themselves (a
    # PersonYear held in memory costs several kilobytes).
    extra_rows = 1000 - 250
    for before, after in zip(small, large, strict=True):
        assert (after - before) * 1024 / extra_rows < 900
