"""The yearly records of people and units: people's results, units' figures, staff counts."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.imports.engine import Column, SheetSpec
from units.models import Person, PersonYear, UnitYear
from units.people_services import (
    UNIT_YEAR_FIELDS,
    discipline_dates_problem,
    unit_year_count_problems,
)
from units.sheets.common import (
    UNIT_CODE,
    UNIT_NAME_INFO,
    YEAR,
    other_ministry,
    units_by_code,
    update_changed,
)


class YearlyRecordSheet(SheetSpec):
    """The yearly records of an owner (a person, a unit) known by its code, matched on the
    code and the year. Its columns are the owner's code, its name (shown, not read), the
    year, then the record's fields."""

    model = None  # the yearly record's model
    owner = ""  # its owner's field
    owner_name = ""  # the owner's attribute shown as its name
    in_ministry = ""  # the path from a record to its ministry

    @property
    def fields(self):
        return tuple(c.key for c in self.columns[3:])

    def _values(self, record, owner):
        code, name = (c.key for c in self.columns[:2])
        return {
            code: owner.code,
            name: getattr(owner, self.owner_name),
            "year": record.year,
            **{field: getattr(record, field) for field in self.fields},
        }

    def owners(self, *, ministry, rows):
        """``{code: owner}`` of the codes the rows name; a row naming none of the ministry's
        is refused."""
        raise NotImplementedError

    def problems(self, row, record):
        """[(column, message)]: what refuses the row, ``record`` being its stored one."""
        return []

    def _owner_of(self, row, owners):
        return owners[row.values[self.columns[0].key]]

    def check(self, *, ministry, rows, state):
        owners = state["owners"] = self.owners(ministry=ministry, rows=rows)
        rows = [row for row in rows if not row.errors]
        records = self.model.objects.filter(
            **{f"{self.owner}__in": [self._owner_of(row, owners) for row in rows]},
            year__in={row.values["year"] for row in rows},
        )
        by_key = {(getattr(r, f"{self.owner}_id"), r.year): r for r in records}
        for row in rows:
            owner = self._owner_of(row, owners)
            record = by_key.get((owner.pk, row.values["year"]))
            problems = self.problems(row, record)
            for column, message in problems:
                row.refuse(column, message)
            if record is not None and not problems:
                row.obj, row.old = record, self.rendered(self._values(record, owner))

    def write(self, *, ministry, actor, created, changed, state):
        self.model.objects.bulk_create(
            [
                self.model(
                    **{self.owner: self._owner_of(row, state["owners"])},
                    year=row.values["year"],
                    **{n: row.values[n] for n in self.fields if n in row.values},
                )
                for row in created
            ]
        )
        update_changed(self.model, changed, self.fields)

    def export_rows(self, *, ministry):
        records = (
            self.model.objects.filter(**{self.in_ministry: ministry})
            .select_related(self.owner)
            .order_by(f"{self.owner}__code", f"{self.owner}_id", "year")
        )
        for record in records.iterator(chunk_size=2000):
            yield self._values(record, getattr(record, self.owner))


def _people_by_code(*, ministry, rows):
    codes = {row.values["person_code"] for row in rows}
    found = {p.code: p for p in Person.objects.filter(code__in=codes).select_related("unit")}
    for row in rows:
        person = found.get(row.values["person_code"])
        if person is None:
            row.refuse(
                "person_code",
                _("không có cá nhân mã “%(code)s”: nhập danh sách cán bộ trước")
                % {"code": row.values["person_code"]},
            )
        elif person.unit.ministry_id != ministry.pk:
            row.refuse("person_code", other_ministry(_("Mã cá nhân"), row.values["person_code"]))
    return found


class PersonYearSheet(YearlyRecordSheet):
    slug = "person-years"
    title = gettext_lazy("Kết quả năm của cán bộ")
    description = gettext_lazy(
        "Xếp loại, sáng kiến, đề tài, kỷ luật từng năm: những gì các quy tắc khen thưởng "
        "cá nhân đọc."
    )
    sheet_title = "Kết quả năm"
    columns = (
        Column("person_code", gettext_lazy("Mã cá nhân"), required=True, max_length=30, width=16),
        Column("full_name", gettext_lazy("Họ và tên"), info=True, width=28),
        YEAR,
        Column(
            "task_rating",
            gettext_lazy("Xếp loại nhiệm vụ"),
            kind="choice",
            choices=tuple(PersonYear.Rating.choices),
            width=30,
        ),
        Column(
            "has_initiative", gettext_lazy("Có sáng kiến được công nhận"), kind="bool", width=12
        ),
        Column(
            "initiative_ministry_wide", gettext_lazy("Sáng kiến toàn ngành"), kind="bool", width=12
        ),
        Column("research_accepted", gettext_lazy("Đề tài được nghiệm thu"), kind="bool", width=12),
        Column(
            "discipline_level",
            gettext_lazy("Hình thức kỷ luật"),
            kind="choice",
            choices=tuple(c for c in PersonYear.Discipline.choices if c[0]),
            width=24,
        ),
        Column("discipline_start", gettext_lazy("Kỷ luật từ ngày"), kind="date", width=14),
        Column("discipline_end", gettext_lazy("Kỷ luật đến ngày"), kind="date", width=14),
        Column(
            "pending_review",
            gettext_lazy("Đang bị điều tra, thanh tra, khiếu nại"),
            kind="bool",
            width=14,
        ),
        Column("pending_note", gettext_lazy("Ghi chú"), max_length=300, width=30),
    )
    key = ("person_code", "year")
    model = PersonYear
    owner = "person"
    owner_name = "full_name"
    in_ministry = "person__unit__ministry"

    def owners(self, *, ministry, rows):
        return _people_by_code(ministry=ministry, rows=rows)

    def problems(self, row, record):
        problem = discipline_dates_problem(
            start=row.values.get("discipline_start"), end=row.values.get("discipline_end")
        )
        return [("discipline_end", problem)] if problem else []


class UnitYearSheet(YearlyRecordSheet):
    slug = "unit-years"
    title = gettext_lazy("Số liệu năm của đơn vị")
    description = gettext_lazy(
        "Xếp loại tập thể, số thành viên, số hoàn thành nhiệm vụ, Lao động tiên tiến, Chiến sĩ "
        "thi đua cơ sở, bị kỷ luật: những gì các quy tắc khen thưởng tập thể đọc."
    )
    sheet_title = "Số liệu năm"
    columns = (
        UNIT_CODE,
        UNIT_NAME_INFO,
        YEAR,
        Column(
            "task_rating",
            gettext_lazy("Xếp loại nhiệm vụ của tập thể"),
            kind="choice",
            choices=tuple(PersonYear.Rating.choices),
            width=30,
        ),
        Column("staff_count", gettext_lazy("Tổng số thành viên"), kind="int", width=12),
        Column("completed_count", gettext_lazy("Số hoàn thành nhiệm vụ"), kind="int", width=12),
        Column("advanced_count", gettext_lazy("Số Lao động tiên tiến"), kind="int", width=12),
        Column(
            "grassroots_fighter_count",
            gettext_lazy("Số Chiến sĩ thi đua cơ sở"),
            kind="int",
            width=12,
        ),
        Column(
            "disciplined_count",
            gettext_lazy("Số bị kỷ luật từ cảnh cáo trở lên"),
            kind="int",
            width=12,
        ),
        Column("women_count", gettext_lazy("Số thành viên nữ"), kind="int", width=12),
        Column(
            "pending_review",
            gettext_lazy("Đang bị điều tra, thanh tra, khiếu nại"),
            kind="bool",
            width=14,
        ),
    )
    key = ("unit_code", "year")
    model = UnitYear
    owner = "unit"
    owner_name = "name"
    in_ministry = "unit__ministry"

    def owners(self, *, ministry, rows):
        return units_by_code(ministry=ministry, rows=rows, column="unit_code")

    def problems(self, row, record):
        merged = {n: getattr(record, n) for n in UNIT_YEAR_FIELDS} if record else {}
        merged.update(row.values)
        problems = unit_year_count_problems(staff_count=merged.get("staff_count"), counts=merged)
        return [
            (name if name in row.values else "staff_count", message) for name, message in problems
        ]


class StaffCountSheet(UnitYearSheet):
    """The staff counts alone (the collective titles' percentages are of these): the same
    records as the yearly figures, with their other columns left as they are."""

    slug = "staff-counts"
    title = gettext_lazy("Số thành viên của đơn vị theo năm")
    description = gettext_lazy("Tổng số thành viên của từng đơn vị trong từng năm.")
    sheet_title = "Số thành viên"
    columns = (*UnitYearSheet.columns[:3], UnitYearSheet.columns[4])
