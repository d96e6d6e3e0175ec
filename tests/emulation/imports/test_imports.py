"""Ministry staff load their lists from spreadsheets: the round trip export → edit → import
for every list, the same file twice, bad rows, another ministry's codes, the bounds."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from clusters.models import Cluster, Membership
from emulation.bounds import year_bounds
from emulation.models import AuditEntry, ImportBatch
from emulation.roles import Role
from tests.emulation.imports.sheets import export, load, read_xlsx, upload, xlsx
from tests.factories import MinistryFactory, UnitFactory
from tests.html import field_errors
from tests.xlsx_files import bomb, with_rows
from units.models import Person, PersonYear, Unit, UnitYear

Status = ImportBatch.Status
ORDER = ["units", "clusters", "people", "person-years", "unit-years", "staff-counts", "accounts"]


def example(client, kind):
    response = client.get(reverse("import_template", args=[kind]) + "?example=1")
    assert response.status_code == 200
    return response.content


@pytest.fixture
def staff(client_as):
    return client_as("staff")


@pytest.fixture
def loaded(world, staff, django_capture_on_commit_callbacks):
    """Every list of the Cụm thi đua số 2 example, loaded in order (the world's units get
    codes first: a unit without one is exported with an empty code and refused back)."""
    for i, unit in enumerate([*world.units, *world.other_units]):
        unit.code = f"TG-{i}"
        unit.save()
    for kind in ORDER:
        batch = load(
            staff,
            kind,
            example(staff, kind),
            ministry=world.ministry,
            capture=django_capture_on_commit_callbacks,
        )
        assert batch.status in (Status.DONE, Status.CHECKED), (kind, batch.problems)
    return world


def test_the_example_files_load_a_whole_cluster(loaded):
    ministry = loaded.ministry
    assert Unit.objects.filter(ministry=ministry, code__startswith="BTP-").count() == 10
    cluster = Cluster.objects.get(ministry=ministry, kind="cum", number=2)
    members = Membership.objects.filter(cluster_year__cluster=cluster, cluster_year__year=2021)
    # the world's cluster no. 2 had three units; the file adds its ten
    assert members.filter(unit__code__startswith="BTP-").count() == 10
    chau = Person.objects.get(code="BTP-CB-0001")
    assert (chau.full_name, chau.position, chau.unit.short_name) == (
        "Hoàng Xuân Châu",
        "Quyền Hiệu trưởng",
        "CĐLMB",
    )
    record = PersonYear.objects.get(person=chau, year=2021)
    assert (record.task_rating, record.has_initiative) == ("excellent", True)
    figures = UnitYear.objects.get(unit__code="BTP-DHLHN", year=2021)
    assert (figures.staff_count, figures.advanced_count) == (40, 32)


ROUND_TRIPS = (
    ("units", "Tên viết tắt", "ĐHL", lambda: Unit.objects.get(code="BTP-DHLHN").short_name),
    (
        "clusters",
        "Tên cụm, khối",
        "Cụm thi đua số 2 (sửa)",
        lambda: Cluster.objects.get(number=2, kind="cum").name,
    ),
    (
        "people",
        "Chức vụ",
        "Hiệu trưởng",
        lambda: Person.objects.get(code="BTP-CB-0001").position,
    ),
    (
        "person-years",
        "Xếp loại nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        lambda: PersonYear.objects.get(person__code="BTP-CB-0001", year=2021).task_rating,
    ),
    (
        "unit-years",
        "Số Lao động tiên tiến",
        30,
        lambda: UnitYear.objects.get(unit__code="BTP-DHLHN", year=2021).advanced_count,
    ),
    (
        "staff-counts",
        "Tổng số thành viên",
        41,
        lambda: UnitYear.objects.get(unit__code="BTP-DHLHN", year=2021).staff_count,
    ),
)
# Accounts are not in this list: a sheet never changes an existing account (its name or its
# e-mail), see tests/accounts/test_invitations.py.


def test_round_trip_export_edit_import_updates_only_the_edited_cell(
    loaded, staff, django_capture_on_commit_callbacks
):
    for kind, column, value, check in ROUND_TRIPS:
        _round_trip(loaded, staff, django_capture_on_commit_callbacks, kind, column, value, check)


def _round_trip(loaded, staff, django_capture_on_commit_callbacks, kind, column, value, check):
    rows = read_xlsx(export(staff, kind, loaded.ministry))
    header = [str(h).rstrip(" *") for h in rows[0]]
    column_index = header.index(column)
    if kind == "clusters":  # a cluster's name is on each of its rows: rename it on all
        targets = [i for i, row in enumerate(rows) if row[column_index] == "Cụm thi đua số 2"]
    else:
        targets = [
            next(
                i
                for i, row in enumerate(rows[1:], start=1)
                if any(
                    str(c).startswith(("BTP-DHLHN", "BTP-CB-0001", "thuky.cum2")) for c in row if c
                )
            )
        ]
    for target in targets:
        rows[target] = rows[target] + [None] * (len(header) - len(rows[target]))
        rows[target][column_index] = value
    batch = load(
        staff,
        kind,
        xlsx(rows),
        ministry=loaded.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    assert batch.status == Status.DONE, (kind, batch.problems)
    assert batch.counts == {
        "new": 0,
        "changed": len(targets),
        "unchanged": len(rows) - 1 - len(targets),
        "refused": 0,
    }
    expected = {"Hoàn thành tốt nhiệm vụ": "good"}.get(value, value)
    assert check() == expected


def test_the_same_file_twice_changes_nothing(loaded, staff, django_capture_on_commit_callbacks):
    for kind in ORDER:
        _same_file_twice(loaded, staff, django_capture_on_commit_callbacks, kind)


def _same_file_twice(loaded, staff, django_capture_on_commit_callbacks, kind):
    content = export(staff, kind, loaded.ministry)
    before = AuditEntry.objects.count()
    batch = upload(
        staff, kind, content, ministry=loaded.ministry, capture=django_capture_on_commit_callbacks
    )
    batch.refresh_from_db()
    rows = len(read_xlsx(content)) - 1
    assert batch.status == Status.CHECKED
    assert batch.counts == {"new": 0, "changed": 0, "unchanged": rows, "refused": 0}
    page = staff.get(reverse("import_batch", args=[batch.pk])).content.decode()
    assert "Tệp không có gì mới hoặc thay đổi: không cần ghi." in page
    response = staff.post(reverse("import_confirm", args=[batch.pk]), follow=True)
    assert "Tệp không có gì mới hoặc thay đổi: không cần ghi." in response.content.decode()
    assert AuditEntry.objects.count() == before


def test_csv_export_imports_back_unchanged(loaded, staff, django_capture_on_commit_callbacks):
    content = export(staff, "people", loaded.ministry, fmt="csv")
    assert content.startswith("\ufeff".encode())
    batch = upload(
        staff,
        "people",
        content,
        ministry=loaded.ministry,
        name="can-bo.csv",
        capture=django_capture_on_commit_callbacks,
    )
    batch.refresh_from_db()
    assert batch.counts == {"new": 0, "changed": 0, "unchanged": 6, "refused": 0}


def test_a_corrected_file_previews_old_and_new_values_before_writing(
    loaded, staff, django_capture_on_commit_callbacks
):
    rows = read_xlsx(export(staff, "units", loaded.ministry))
    row = next(r for r in rows if r[0] == "BTP-HVTP")
    row[1] = "Học viện Tư pháp Việt Nam"
    rows.append(["BTP-MOI", "Trung tâm Lý lịch tư pháp quốc gia", None, "BTP-HVTP", "Khác"])
    batch = upload(
        staff,
        "units",
        xlsx(rows),
        ministry=loaded.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    batch.refresh_from_db()
    assert batch.status == Status.CHECKED
    assert batch.counts["new"] == 1 and batch.counts["changed"] == 1
    assert Unit.objects.get(code="BTP-HVTP").name == "Học viện Tư pháp"  # nothing written yet
    changed = next(c for c in batch.changes if c["kind"] == "changed")
    assert changed["key"] == "BTP-HVTP"
    assert changed["diffs"] == [["Tên đơn vị", "Học viện Tư pháp", "Học viện Tư pháp Việt Nam"]]
    page = staff.get(reverse("import_batch", args=[batch.pk])).content.decode()
    assert "Học viện Tư pháp → Học viện Tư pháp Việt Nam" in page
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("import_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == Status.DONE
    new = Unit.objects.get(code="BTP-MOI")
    assert (new.parent.code, new.kind, new.ministry) == ("BTP-HVTP", "other", loaded.ministry)
    entry = AuditEntry.objects.filter(action="sheet_import").latest("id")
    assert entry.actor == loaded.users.staff
    assert entry.after == {
        "list": "units",
        "file": "ds.xlsx",
        "ministry": loaded.ministry.pk,
        "new": 1,
        "changed": 1,
        "unchanged": 15,
        "refused": 0,
    }


def test_a_file_with_bad_rows_writes_nothing_and_names_every_bad_cell(
    world, staff, django_capture_on_commit_callbacks
):
    rows = [
        ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Mã cơ quan cấp trên", "Loại hình"],
        ["DV-1", "Viện Một", "", "", "Viện"],
        ["", "Viện Hai", "", "", "Viện"],
        ["DV-3", "Viện Ba", "", "", "Trạm"],
        ["DV-1", "Viện Bốn", "", "", "Viện"],
        ["DV-5", "Viện Năm", "", "DV-9", "Viện"],
        ["DV-6", "x" * 201, "", "", ""],
    ]
    batch = upload(
        staff,
        "units",
        xlsx(rows),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    batch.refresh_from_db()
    assert batch.status == Status.REFUSED
    kinds = (
        "Trường đại học; Học viện; Báo; Viện; Tạp chí; Nhà xuất bản; Trường trung cấp; "
        "Trường cao đẳng; Cục, vụ; Khác"
    )
    assert [(p["row"], p["column"], p["header"], p["message"]) for p in batch.problems] == [
        (3, "A", "Mã đơn vị", "bắt buộc, đang để trống"),
        (4, "E", "Loại hình", f"“Trạm” không có trong danh sách: {kinds}"),
        (5, "A", "Mã đơn vị", "trùng với dòng 2 (cùng Mã đơn vị)"),
        (6, "D", "Mã cơ quan cấp trên", "không có đơn vị mã “DV-9”"),
        (7, "B", "Tên đơn vị", "dài quá 200 ký tự"),
        (7, "E", "Loại hình", "bắt buộc, đang để trống"),
    ]
    assert batch.counts == {"new": 1, "changed": 0, "unchanged": 0, "refused": 5}
    assert not Unit.objects.filter(code__startswith="DV-").exists()
    page = staff.get(reverse("import_batch", args=[batch.pk])).content.decode()
    assert "Xác nhận và ghi" not in page
    assert "trùng với dòng 2 (cùng Mã đơn vị)" in page


def test_rows_refused_at_commit_roll_back_the_whole_file(
    world, staff, django_capture_on_commit_callbacks, monkeypatch
):
    """Between the preview and the confirmation another ministry took one of the codes: the
    chunks written before the refused row are rolled back too."""
    monkeypatch.setattr("emulation.imports.engine.CHUNK", 10)
    rows = [["Mã đơn vị", "Tên đơn vị", "Loại hình"]] + [
        [f"DV-{i}", f"Viện số {i}", "Viện"] for i in range(1, 26)
    ]
    batch = upload(
        staff,
        "units",
        xlsx(rows),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    batch.refresh_from_db()
    assert batch.counts["new"] == 25
    UnitFactory(ministry=world.other_ministry, code="DV-25", name="Viện của bộ khác")
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("import_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == Status.REFUSED
    assert batch.problems[0]["message"] == "Mã đơn vị “DV-25” thuộc bộ, ngành khác."
    assert Unit.objects.filter(ministry=world.ministry, code__startswith="DV-").count() == 0
    assert not AuditEntry.objects.filter(action="sheet_import").exists()


def test_another_ministrys_codes_are_refused(world, staff, django_capture_on_commit_callbacks):
    foreign_unit = UnitFactory(ministry=world.other_ministry, code="KHAC-1", name="Cục Khác")
    Person.objects.create(unit=foreign_unit, code="CB-KHAC", full_name="Người Khác", gender="male")
    UnitFactory(ministry=world.ministry, code="TP-1", name="Cục Tư pháp")
    cases = [
        (
            "units",
            [["Mã đơn vị", "Tên đơn vị", "Loại hình"], ["KHAC-1", "Cục Đổi tên", "Khác"]],
            "Mã đơn vị “KHAC-1” thuộc bộ, ngành khác.",
        ),
        (
            "people",
            [
                ["Mã cá nhân", "Họ và tên", "Giới tính", "Mã đơn vị"],
                ["CB-KHAC", "Người Khác", "Nam", "TP-1"],
            ],
            "Mã cá nhân “CB-KHAC” thuộc bộ, ngành khác.",
        ),
        (
            "people",
            [
                ["Mã cá nhân", "Họ và tên", "Giới tính", "Mã đơn vị"],
                ["CB-MOI", "Người Mới", "Nữ", "KHAC-1"],
            ],
            "Mã đơn vị “KHAC-1” thuộc bộ, ngành khác.",
        ),
        (
            "person-years",
            [["Mã cá nhân", "Năm"], ["CB-KHAC", 2021]],
            "Mã cá nhân “CB-KHAC” thuộc bộ, ngành khác.",
        ),
        (
            "unit-years",
            [["Mã đơn vị", "Năm", "Tổng số thành viên"], ["KHAC-1", 2021, 10]],
            "Mã đơn vị “KHAC-1” thuộc bộ, ngành khác.",
        ),
        (
            "clusters",
            [
                ["Năm", "Loại", "Số cụm, khối", "Tên cụm, khối", "Mã đơn vị"],
                [2021, "Cụm thi đua", 2, "Cụm thi đua số 2", "KHAC-1"],
            ],
            "Mã đơn vị “KHAC-1” thuộc bộ, ngành khác.",
        ),
        (
            "accounts",
            [
                ["Tên đăng nhập", "Họ và tên", "Thư điện tử", "Vai trò"],
                ["vu.khac", "Người Khác", "khac@example.org", "Lãnh đạo"],
            ],
            "tên đăng nhập này đã có người dùng ở nơi khác",
        ),
    ]
    for kind, rows, message in cases:
        batch = upload(
            staff,
            kind,
            xlsx(rows),
            ministry=world.ministry,
            capture=django_capture_on_commit_callbacks,
        )
        batch.refresh_from_db()
        assert (batch.status, [p["message"] for p in batch.problems]) == (
            Status.REFUSED,
            [message],
        ), kind
    foreign_unit.refresh_from_db()
    assert foreign_unit.name == "Cục Khác"
    assert not Person.objects.filter(code="CB-MOI").exists()


def test_staff_cannot_load_into_another_ministry(world, client_as):
    client = client_as("foreign_staff")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("import_upload", args=["units"]),
        {"ministry": world.ministry.pk, "file": SimpleUploadedFile("a.xlsx", xlsx([["Mã"]]))},
    )
    assert response.status_code == 200
    assert field_errors(response, "ministry") == [
        "Hãy chọn một lựa chọn hợp lệ. Lựa chọn đó không phải là một trong các lựa chọn khả thi."
    ]
    assert not ImportBatch.objects.exists()


def test_a_file_without_the_required_columns_is_refused_whole(
    world, staff, django_capture_on_commit_callbacks
):
    batch = upload(
        staff,
        "people",
        xlsx([["Họ tên", "Đơn vị"], ["A", "B"]]),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    batch.refresh_from_db()
    assert batch.status == Status.REFUSED
    assert batch.problems[0]["message"] == (
        "Thiếu cột: Mã cá nhân, Họ và tên, Giới tính, Mã đơn vị. Hãy dùng tệp mẫu."
    )


def test_yearly_records_obey_the_same_rules_as_the_forms(
    world, staff, django_capture_on_commit_callbacks
):
    unit = UnitFactory(ministry=world.ministry, code="TP-1", name="Cục Tư pháp")
    Person.objects.create(unit=unit, code="CB-1", full_name="Người Một", gender="female")
    bad_people = xlsx(
        [
            [
                "Mã cá nhân",
                "Năm",
                "Kỷ luật từ ngày",
                "Kỷ luật đến ngày",
                "Có sáng kiến được công nhận",
            ],
            ["CB-1", 2021, "01/06/2021", "31/05/2021", "x"],
            ["CB-1", 2022, "ngày mai", None, "có lẽ"],
            ["CB-2", 1999, None, None, None],
        ]
    )
    batch = upload(
        staff,
        "person-years",
        bad_people,
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    batch.refresh_from_db()
    assert [(p["row"], p["column"], p["message"]) for p in batch.problems] == [
        (2, "D", "Ngày kết thúc kỷ luật phải sau ngày bắt đầu."),
        (3, "C", "“ngày mai” không phải ngày (ngày/tháng/năm)"),
        (3, "E", "“có lẽ”: ghi “x” (có) hoặc để trống (không)"),
        (4, "B", f"năm 1999 nằm ngoài khoảng 2000–{year_bounds()[1]}"),
    ]
    bad_units = xlsx(
        [
            ["Mã đơn vị", "Năm", "Tổng số thành viên", "Số Lao động tiên tiến"],
            ["TP-1", 2021, 10, 11],  # just above
            ["TP-1", 2022, 10, 10],  # at
            ["TP-1", 2023, 10, 9],  # just below
        ]
    )
    batch = upload(
        staff,
        "unit-years",
        bad_units,
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    batch.refresh_from_db()
    assert [(p["row"], p["column"], p["message"]) for p in batch.problems] == [
        (2, "D", "Không thể lớn hơn tổng số thành viên."),
    ]
    assert batch.counts == {"new": 2, "changed": 0, "unchanged": 0, "refused": 1}
    assert not UnitYear.objects.filter(unit=unit).exists()


def test_units_loaded_before_codes_existed_are_adopted_by_name(
    world, staff, django_capture_on_commit_callbacks
):
    old = world.units[0]
    rows = [["Mã đơn vị", "Tên đơn vị", "Loại hình"], ["TS-1", old.name, "Viện"]]
    batch = load(
        staff,
        "units",
        xlsx(rows),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    assert batch.counts == {"new": 0, "changed": 1, "unchanged": 0, "refused": 0}
    old.refresh_from_db()
    assert old.code == "TS-1"


def test_the_template_has_vietnamese_headers_and_data_validation(staff):
    from io import BytesIO

    from openpyxl import load_workbook

    content = staff.get(reverse("import_template", args=["person-years"])).content
    book = load_workbook(BytesIO(content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == [
        "Mã cá nhân *",
        "Họ và tên",
        "Năm *",
        "Xếp loại nhiệm vụ",
        "Có sáng kiến được công nhận",
        "Sáng kiến toàn ngành",
        "Đề tài được nghiệm thu",
        "Hình thức kỷ luật",
        "Kỷ luật từ ngày",
        "Kỷ luật đến ngày",
        "Đang bị điều tra, thanh tra, khiếu nại",
        "Ghi chú",
    ]
    rules = {
        str(v.sqref).split(":")[0]: (v.type, v.formula1)
        for v in sheet.data_validations.dataValidation
    }
    assert rules["C2"] == ("whole", "2000")
    assert rules["D2"] == ("list", "'Danh mục'!$A$2:$A$5")
    assert rules["E2"] == ("list", '"x"')
    assert rules["I2"][0] == "date"
    lists = book["Danh mục"]
    assert lists.sheet_state == "hidden"
    assert [c.value for c in lists["A"]] == [
        "Xếp loại nhiệm vụ",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ",
    ]


# --- bounds --------------------------------------------------------------------------------


def _post(client, ministry, content, name="ds.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("import_upload", args=["units"]),
        {"ministry": ministry.pk, "file": SimpleUploadedFile(name, content)},
    )


UNITS = [["Mã đơn vị", "Tên đơn vị", "Loại hình"]] + [
    [f"DV-{i}", f"Viện {i}", "Viện"] for i in range(5)
]  # six rows of the sheet, its header included


def _csv(rows):
    return "\n".join(",".join(row) for row in rows).encode()


def _checked(staff, world, content, capture, name="ds.xlsx"):
    batch = upload(staff, "units", content, ministry=world.ministry, capture=capture, name=name)
    batch.refresh_from_db()
    return batch.status, batch.error_message


# The lists are read by the one reader (emulation.spreadsheets) within its worker's limits
# (SPREADSHEET_WORKER_MAX_*); what it refuses before the first row is refused at the upload,
# on the form; what it finds while reading (too many rows) fails the batch with its message.


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize(("extra", "accepted"), [(1, True), (0, True), (-1, False)])
def test_the_upload_size_limit_below_at_and_above(
    world, staff, settings, django_capture_on_commit_callbacks, fmt, extra, accepted
):
    content = xlsx(UNITS) if fmt == "xlsx" else _csv(UNITS)
    settings.SPREADSHEET_WORKER_MAX_BYTES = len(content) + extra
    settings.SPREADSHEET_MAX_BYTES = 1  # the page's limit is not the lists'
    if accepted:
        status = _checked(staff, world, content, django_capture_on_commit_callbacks, f"ds.{fmt}")
        assert status == (Status.CHECKED, "")
        return
    response = _post(staff, world.ministry, content, name=f"ds.{fmt}")
    assert field_errors(response, "file") == ["Tệp lớn hơn 0 MB, mức tối đa được nhận."]
    assert not ImportBatch.objects.exists()


def test_only_xlsx_and_csv_are_accepted(world, staff):
    response = _post(staff, world.ministry, b"MZ\x90\x00", name="virus.xlsx")
    assert field_errors(response, "file") == ["Không đọc được tệp Excel (.xlsx)."]
    response = _post(staff, world.ministry, b"abc", name="ds.xls")
    assert field_errors(response, "file") == ["Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."]
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize(("max_rows", "accepted"), [(7, True), (6, True), (5, False)])
def test_the_row_limit_below_at_and_above(
    world, staff, settings, django_capture_on_commit_callbacks, fmt, max_rows, accepted
):
    settings.SPREADSHEET_WORKER_MAX_ROWS = max_rows
    settings.SPREADSHEET_MAX_ROWS = 1  # the page's limit is not the lists'
    content = xlsx(UNITS) if fmt == "xlsx" else _csv(UNITS)
    status = _checked(staff, world, content, django_capture_on_commit_callbacks, f"ds.{fmt}")
    if accepted:
        assert status == (Status.CHECKED, "")
    else:
        assert status == (Status.FAILED, "Tệp có hơn 5 dòng, mức tối đa được nhận.")
    assert not Unit.objects.filter(code__startswith="DV-").exists()


@pytest.mark.parametrize(("extra", "accepted"), [(1, True), (0, True), (-1, False)])
def test_the_unpacked_size_limit_below_at_and_above(
    world, staff, settings, django_capture_on_commit_callbacks, extra, accepted
):
    content = xlsx(UNITS)
    total = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(content)).infolist())
    settings.SPREADSHEET_WORKER_MAX_UNCOMPRESSED_BYTES = total + extra
    if accepted:
        status = _checked(staff, world, content, django_capture_on_commit_callbacks)
        assert status == (Status.CHECKED, "")
        return
    response = _post(staff, world.ministry, content)
    assert field_errors(response, "file") == [
        "Nội dung tệp khi giải nén lớn hơn 0 MB, mức tối đa được nhận."
    ]
    assert not ImportBatch.objects.exists()


def test_a_zip_bomb_is_refused_at_the_upload(world, staff):
    response = _post(staff, world.ministry, bomb())
    assert field_errors(response, "file") == [
        "Tệp bị nén bất thường (phần “xl/sharedStrings.xml” giải nén lớn gấp "
        f"{_ratio(bomb())} lần); không đọc tệp này."
    ]


def _ratio(content):
    info = zipfile.ZipFile(io.BytesIO(content)).getinfo("xl/sharedStrings.xml")
    return int(info.file_size / info.compress_size)


def test_a_cell_the_reader_cannot_read_is_named_by_row_and_column(
    world, staff, django_capture_on_commit_callbacks
):
    cells = "".join(
        f'<c r="{col}1" t="inlineStr"><is><t>{text}</t></is></c>'
        for col, text in zip("ABC", UNITS[0], strict=True)
    )
    content = with_rows(
        f'<row r="1">{cells}</row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>DV-1</t></is></c>'
        '<c r="B2" t="s"><v>99</v></c>'
        '<c r="C2" t="inlineStr"><is><t>Viện</t></is></c></row>'
    )
    batch = upload(
        staff, "units", content, ministry=world.ministry, capture=django_capture_on_commit_callbacks
    )
    batch.refresh_from_db()
    assert batch.status == Status.REFUSED
    assert [(p["row"], p["column"], p["message"]) for p in batch.problems] == [
        (2, "B", "tham chiếu tới một chuỗi không có trong tệp (“99”)."),
    ]


def test_a_cancelled_file_is_never_written(world, staff, django_capture_on_commit_callbacks):
    rows = [["Mã đơn vị", "Tên đơn vị", "Loại hình"], ["DV-1", "Viện Một", "Viện"]]
    batch = upload(
        staff,
        "units",
        xlsx(rows),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    staff.post(reverse("import_cancel", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == Status.CANCELLED
    response = staff.post(reverse("import_confirm", args=[batch.pk]), follow=True)
    assert "Tệp này không ở trạng thái chờ xác nhận." in response.content.decode()
    assert not Unit.objects.filter(code="DV-1").exists()


def test_a_new_year_opens_for_a_cluster_loaded_from_a_file(
    world, staff, django_capture_on_commit_callbacks
):
    UnitFactory(ministry=world.ministry, code="TP-1", name="Cục Tư pháp")
    rows = [
        ["Năm", "Loại", "Số cụm, khối", "Tên cụm, khối", "Mã đơn vị"],
        [2024, "Khối thi đua", 5, "Khối thi đua số 5", "TP-1"],
    ]
    batch = load(
        staff,
        "clusters",
        xlsx(rows),
        ministry=world.ministry,
        capture=django_capture_on_commit_callbacks,
    )
    assert batch.status == Status.DONE
    membership = Membership.objects.get(unit__code="TP-1")
    assert membership.cluster_year.emulation_year.regime.valid_from == datetime.date(2024, 1, 1)
    assert str(membership.cluster_year.cluster) == "Khối thi đua số 5"


def test_a_second_ministry_starts_from_nothing(db, catalogue, django_capture_on_commit_callbacks):
    """A new ministry: no units, no clusters; staff load the four lists."""
    from django.test import Client

    from accounts.models import RoleAssignment
    from tests.factories import UserFactory, grant

    ministry = MinistryFactory(name="Bộ Mới")
    client = Client()
    client.force_login(grant(UserFactory(), Role.MINISTRY_STAFF, ministry))
    for kind in ORDER:
        batch = load(
            client,
            kind,
            example(client, kind),
            ministry=ministry,
            capture=django_capture_on_commit_callbacks,
        )
        assert batch.status in (Status.DONE, Status.CHECKED), (kind, batch.problems)
    assert Unit.objects.filter(ministry=ministry).count() == 10
    assert RoleAssignment.objects.filter(ministry=ministry).count() == 4


def test_a_name_that_looks_like_a_formula_stays_text_both_ways(
    world, staff, django_capture_on_commit_callbacks
):
    from io import BytesIO

    from openpyxl import load_workbook

    UnitFactory(ministry=world.ministry, code="F-1", name='=HYPERLINK("http://x","y")')
    content = export(staff, "units", world.ministry)
    sheet = load_workbook(BytesIO(content)).worksheets[0]
    cell = next(c for c in sheet["B"] if str(c.value).startswith("=HYPERLINK"))
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x","y")', "s")
    csv_content = export(staff, "units", world.ministry, fmt="csv")
    assert "'=HYPERLINK" in csv_content.decode("utf-8-sig")
    for sent, name in ((content, "ds.xlsx"), (csv_content, "ds.csv")):
        batch = upload(
            staff,
            "units",
            sent,
            ministry=world.ministry,
            name=name,
            capture=django_capture_on_commit_callbacks,
        )
        batch.refresh_from_db()
        # the world's units without a code are refused; the formula-like name is unchanged
        assert (batch.counts["changed"], batch.counts["unchanged"]) == (0, 1), batch.problems
