"""Every page of the spreadsheet imports for every role: only the ministry's own staff; out
of scope is 404, in scope without the right 403; pages hold their query count."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.models import ImportBatch
from tests.emulation.imports.sheets import upload, xlsx
from tests.html import link_texts

ROWS = [["Mã đơn vị", "Tên đơn vị", "Loại hình"], ["DV-1", "Viện Một", "Viện"]]


@pytest.fixture
def batch(world, client_as, django_capture_on_commit_callbacks):
    return upload(
        client_as("staff"),
        "units",
        xlsx(ROWS),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )


def pages(world, batch):
    return [
        ("get", reverse("imports_home")),
        ("get", reverse("import_upload", args=["units"])),
        ("get", reverse("import_template", args=["units"])),
        ("get", reverse("import_template", args=["people"]) + "?example=1"),
        ("get", reverse("import_export", args=["people", world.ministry.pk])),
        ("get", reverse("import_batch", args=[batch.pk])),
        ("get", reverse("import_batch_status", args=[batch.pk])),
        ("post", reverse("import_confirm", args=[batch.pk])),
        ("post", reverse("import_cancel", args=[batch.pk])),
    ]


@pytest.mark.parametrize("role", ["secretary", "other_secretary", "leader"])
def test_secretaries_and_leaders_are_refused_every_page(world, client_as, batch, role):
    client = client_as(role)
    for method, url in pages(world, batch):
        assert getattr(client, method)(url).status_code == 403, url
    response = client.post(
        reverse("import_upload", args=["units"]),
        {"ministry": world.ministry.pk, "file": SimpleUploadedFile("a.xlsx", xlsx(ROWS))},
    )
    assert response.status_code == 403
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED
    assert ImportBatch.objects.count() == 1


def test_another_ministrys_staff_do_not_find_the_batch_nor_the_export(world, client_as, batch):
    client = client_as("foreign_staff")
    for method, url in pages(world, batch)[4:]:
        assert getattr(client, method)(url).status_code == 404, url
    home = client.get(reverse("imports_home"))
    assert "ds.xlsx" not in home.content.decode()
    for method, url in pages(world, batch)[:4]:
        assert getattr(client, method)(url).status_code == 200, url
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED


def test_anonymous_users_are_sent_to_login(world, client_as, batch):
    for method, url in pages(world, batch):
        response = getattr(client_as(None), method)(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/"), url


def test_staff_see_every_page(world, client_as, batch):
    client = client_as("staff")
    for _method, url in pages(world, batch)[:7]:
        assert client.get(url).status_code == 200, url
    home = client.get(reverse("imports_home"))
    assert link_texts(home, r"/imports/batches/\d+/$") == ["ds.xlsx"]
    assert link_texts(home, r"/imports/[a-z-]+/upload/$") == ["Nhập tệp"] * 7
    assert client.get(reverse("import_upload", args=["nothing"])).status_code == 404


def test_the_import_link_is_in_the_menu_of_staff_only(client_as):
    assert "/imports/" in client_as("staff").get("/").content.decode()
    for role in ["secretary", "leader"]:
        assert "/imports/" not in client_as(role).get("/").content.decode()


def test_invitation_pages_are_public_but_refuse_a_bad_link(client_as):
    response = client_as(None).get("/accounts/invitation/MQ/abc-def/")
    assert response.status_code == 200
    assert "Liên kết không dùng được" in response.content.decode()
    assert client_as(None).get(reverse("invitation_done")).status_code == 200


def _batches(world, user, n):
    for i in range(n):
        ImportBatch.objects.create(
            ministry=world.ministry,
            kind="units",
            file_name=f"t{i}.xlsx",
            created_by=user,
            counts={"new": 1, "changed": 0, "unchanged": 0, "refused": 0},
            changes=[{"row": 2, "kind": "new", "key": "X", "diffs": [["Tên", "", "X"]]}],
        )


@pytest.mark.parametrize("n", [1, 12])
def test_pages_hold_their_query_count(world, client_as, django_assert_max_num_queries, n):
    _batches(world, world.users.staff, n)
    client = client_as("staff")
    last = ImportBatch.objects.latest("id")
    with django_assert_max_num_queries(9):
        assert client.get(reverse("imports_home")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("import_batch", args=[last.pk])).status_code == 200
