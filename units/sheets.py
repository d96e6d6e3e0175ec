"""The lists of units and their people that a ministry loads from spreadsheets: units, people,
people's yearly records, units' yearly figures and staff counts (``emulation.imports``).

Units and people are matched on their code, which is unique nationwide (a ministry's unit code
or a person's identifier): a code that belongs to another ministry is refused, so a file can
never write into another ministry."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.imports.engine import Column, SheetSpec, register
from units.models import Person, PersonYear, Unit, UnitYear
from units.people_services import discipline_dates_problem, unit_year_count_problems

CODE_NOTE = gettext_lazy("Mã ổn định, không trùng; nhập lại khớp theo mã này.")
UNIT_CODE = Column(
    "unit_code", gettext_lazy("Mã đơn vị"), required=True, max_length=30, width=14, note=CODE_NOTE
)
UNIT_NAME_INFO = Column("unit_name", gettext_lazy("Tên đơn vị"), info=True, width=40)
YEAR = Column("year", gettext_lazy("Năm"), kind="year", required=True, width=8)


def _other_ministry(what, code):
    return _("%(what)s “%(code)s” thuộc bộ, ngành khác.") % {"what": what, "code": code}


def units_by_code(*, ministry, rows, column, required=True):
    """Resolve the units named in ``column`` of ``rows``; refuse unknown or foreign codes."""
    codes = {row.values[column] for row in rows if row.values.get(column)}
    found = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    for row in rows:
        code = row.values.get(column)
        if not code:
            continue
        unit = found.get(code)
        if unit is None:
            row.refuse(column, _("không có đơn vị mã “%(code)s” trong bộ, ngành") % {"code": code})
        elif unit.ministry_id != ministry.pk:
            row.refuse(column, _other_ministry(_("Mã đơn vị"), code))
    return found


class UnitSheet(SheetSpec):
    slug = "units"
    title = gettext_lazy("Đơn vị")
    description = gettext_lazy("Mã, tên, cơ quan cấp trên và loại hình của từng đơn vị.")
    sheet_title = "Đơn vị"
    columns = (
        Column(
            "code",
            gettext_lazy("Mã đơn vị"),
            required=True,
            max_length=30,
            width=14,
            note=CODE_NOTE,
        ),
        Column("name", gettext_lazy("Tên đơn vị"), required=True, max_length=200, width=45),
        Column("short_name", gettext_lazy("Tên viết tắt"), max_length=50, width=14),
        Column(
            "parent",
            gettext_lazy("Mã cơ quan cấp trên"),
            max_length=30,
            width=16,
            note=gettext_lazy(
                "Mã của một đơn vị khác trong tệp hoặc đã có; để trống nếu trực thuộc bộ."
            ),
        ),
        Column(
            "kind",
            gettext_lazy("Loại hình"),
            kind="choice",
            required=True,
            choices=tuple(Unit.Kind.choices),
            width=20,
        ),
    )
    key = ("code",)

    def _values(self, unit):
        return {
            "code": unit.code,
            "name": unit.name,
            "short_name": unit.short_name,
            "parent": unit.parent.code if unit.parent_id else "",
            "kind": unit.kind,
        }

    def check(self, *, ministry, rows, state):
        codes = [row.values["code"] for row in rows]
        by_code = {u.code: u for u in Unit.objects.filter(code__in=codes).select_related("parent")}
        # A unit loaded before codes existed is adopted by its name.
        names = [row.values["name"] for row in rows if "name" in row.values]
        by_name = {
            u.name: u
            for u in Unit.objects.filter(ministry=ministry, name__in=names).select_related("parent")
        }
        parents = {row.values.get("parent") for row in rows} - {"", None}
        parent_units = {u.code: u for u in Unit.objects.filter(code__in=parents)}
        file_names = state.setdefault("names", {})
        state.setdefault("codes", set()).update(codes)
        pending = state.setdefault("pending_parents", [])
        for row in rows:
            code, name = row.values["code"], row.values.get("name")
            unit = by_code.get(code)
            if unit is not None and unit.ministry_id != ministry.pk:
                row.refuse("code", _other_ministry(_("Mã đơn vị"), code))
                continue
            named = by_name.get(name)
            if named is not None and named.code != code:
                if unit is None and not named.code:
                    unit = named
                else:
                    row.refuse(
                        "name",
                        _("bộ, ngành đã có đơn vị mang tên này (mã “%(code)s”)")
                        % {"code": named.code or "—"},
                    )
                    continue
            if name in file_names:
                row.refuse("name", _("trùng tên với dòng %(row)s") % {"row": file_names[name]})
                continue
            file_names[name] = row.number
            parent = row.values.get("parent")
            if parent:
                if parent == code:
                    row.refuse("parent", _("đơn vị không thể là cấp trên của chính mình"))
                    continue
                found = parent_units.get(parent)
                if found is not None and found.ministry_id != ministry.pk:
                    row.refuse("parent", _other_ministry(_("Mã cơ quan cấp trên"), parent))
                    continue
                if found is None:
                    pending.append((row, parent))
            if unit is not None:
                row.obj, row.old = unit, self.rendered(self._values(unit))

    def write(self, *, ministry, actor, created, changed, state):
        links = state.setdefault("links", [])
        Unit.objects.bulk_create(
            [
                Unit(
                    ministry=ministry,
                    code=row.values["code"],
                    name=row.values["name"],
                    short_name=row.values.get("short_name", ""),
                    kind=row.values["kind"],
                )
                for row in created
            ]
        )
        fields = ["code", "name", "short_name", "kind"]
        for row in changed:
            for name in fields:
                if name in row.values:
                    setattr(row.obj, name, row.values[name])
            row.obj.version += 1
        Unit.objects.bulk_update([row.obj for row in changed], [*fields, "version"])
        links.extend(
            (row.values["code"], row.values["parent"])
            for row in [*created, *changed]
            if "parent" in row.values
        )

    def finish(self, *, ministry, actor, state, commit):
        refused = [
            (row, "parent", _("không có đơn vị mã “%(code)s”") % {"code": parent})
            for row, parent in state.get("pending_parents", [])
            if parent not in state.get("codes", ())
        ]
        if commit and not refused:
            links = state.get("links", [])
            wanted = {c for pair in links for c in pair if c}
            ids = dict(
                Unit.objects.filter(ministry=ministry, code__in=wanted).values_list("code", "pk")
            )
            units = list(Unit.objects.filter(ministry=ministry, code__in=[c for c, _p in links]))
            parent_of = dict(links)
            for unit in units:
                unit.parent_id = ids.get(parent_of[unit.code]) if parent_of[unit.code] else None
            Unit.objects.bulk_update(units, ["parent"], batch_size=1000)
        return refused

    def export_rows(self, *, ministry):
        units = (
            Unit.objects.filter(ministry=ministry).select_related("parent").order_by("code", "name")
        )
        for unit in units.iterator(chunk_size=2000):
            yield self._values(unit)


class PersonSheet(SheetSpec):
    slug = "people"
    title = gettext_lazy("Cán bộ của đơn vị")
    description = gettext_lazy("Mã (hoặc số định danh), họ tên, giới tính, chức vụ, đơn vị.")
    sheet_title = "Cán bộ"
    columns = (
        Column(
            "code",
            gettext_lazy("Mã cá nhân"),
            required=True,
            max_length=30,
            width=16,
            note=gettext_lazy("Mã cán bộ hoặc số định danh cá nhân; không trùng."),
        ),
        Column("full_name", gettext_lazy("Họ và tên"), required=True, max_length=100, width=28),
        Column(
            "gender",
            gettext_lazy("Giới tính"),
            kind="choice",
            required=True,
            choices=tuple(Person.Gender.choices),
            width=10,
        ),
        Column("position", gettext_lazy("Chức vụ"), max_length=150, width=28),
        UNIT_CODE,
        UNIT_NAME_INFO,
    )
    key = ("code",)

    def _values(self, person):
        return {
            "code": person.code,
            "full_name": person.full_name,
            "gender": person.gender,
            "position": person.position,
            "unit_code": person.unit.code,
            "unit_name": person.unit.name,
        }

    def check(self, *, ministry, rows, state):
        units = units_by_code(ministry=ministry, rows=rows, column="unit_code")
        state["units"] = units
        people = Person.objects.filter(code__in=[r.values["code"] for r in rows])
        found = {p.code: p for p in people.select_related("unit")}
        for row in rows:
            person = found.get(row.values["code"])
            if person is None:
                continue
            if person.unit.ministry_id != ministry.pk:
                row.refuse("code", _other_ministry(_("Mã cá nhân"), row.values["code"]))
                continue
            row.obj, row.old = person, self.rendered(self._values(person))

    def write(self, *, ministry, actor, created, changed, state):
        units = state["units"]
        Person.objects.bulk_create(
            [
                Person(
                    code=row.values["code"],
                    unit=units[row.values["unit_code"]],
                    full_name=row.values["full_name"],
                    gender=row.values["gender"],
                    position=row.values.get("position", ""),
                )
                for row in created
            ]
        )
        for row in changed:
            person = row.obj
            for name in ("full_name", "gender", "position"):
                if name in row.values:
                    setattr(person, name, row.values[name])
            if "unit_code" in row.values:
                person.unit = units[row.values["unit_code"]]
            person.version += 1
        Person.objects.bulk_update(
            [row.obj for row in changed], ["full_name", "gender", "position", "unit", "version"]
        )

    def export_rows(self, *, ministry):
        people = (
            Person.objects.filter(unit__ministry=ministry)
            .select_related("unit")
            .order_by("code", "pk")
        )
        for person in people.iterator(chunk_size=2000):
            yield self._values(person)


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
            row.refuse("person_code", _other_ministry(_("Mã cá nhân"), row.values["person_code"]))
    return found


class PersonYearSheet(SheetSpec):
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
    FIELDS = tuple(c.key for c in columns[3:])

    def _values(self, record, person):
        return {
            "person_code": person.code,
            "full_name": person.full_name,
            "year": record.year,
            **{name: getattr(record, name) for name in self.FIELDS},
        }

    def check(self, *, ministry, rows, state):
        people = _people_by_code(ministry=ministry, rows=rows)
        state["people"] = people
        rows = [row for row in rows if not row.errors]
        records = PersonYear.objects.filter(
            Q(person__in=[people[r.values["person_code"]] for r in rows]),
            year__in={r.values["year"] for r in rows},
        )
        by_key = {(r.person_id, r.year): r for r in records}
        for row in rows:
            person = people[row.values["person_code"]]
            problem = discipline_dates_problem(
                start=row.values.get("discipline_start"), end=row.values.get("discipline_end")
            )
            if problem:
                row.refuse("discipline_end", problem)
                continue
            record = by_key.get((person.pk, row.values["year"]))
            if record is not None:
                row.obj, row.old = record, self.rendered(self._values(record, person))

    def write(self, *, ministry, actor, created, changed, state):
        people = state["people"]
        PersonYear.objects.bulk_create(
            [
                PersonYear(
                    person=people[row.values["person_code"]],
                    year=row.values["year"],
                    **{n: row.values[n] for n in self.FIELDS if n in row.values},
                )
                for row in created
            ]
        )
        fields = list(self.FIELDS)
        for row in changed:
            for name in fields:
                if name in row.values:
                    setattr(row.obj, name, row.values[name])
            row.obj.version += 1
        PersonYear.objects.bulk_update([row.obj for row in changed], [*fields, "version"])

    def export_rows(self, *, ministry):
        records = (
            PersonYear.objects.filter(person__unit__ministry=ministry)
            .select_related("person")
            .order_by("person__code", "person_id", "year")
        )
        for record in records.iterator(chunk_size=2000):
            yield self._values(record, record.person)


UNIT_YEAR_FIELDS = (
    "task_rating",
    "staff_count",
    "completed_count",
    "advanced_count",
    "grassroots_fighter_count",
    "disciplined_count",
    "women_count",
    "pending_review",
)


class UnitYearSheet(SheetSpec):
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

    @property
    def fields(self):
        return tuple(c.key for c in self.columns[3:])

    def _values(self, record, unit):
        return {
            "unit_code": unit.code,
            "unit_name": unit.name,
            "year": record.year,
            **{name: getattr(record, name) for name in self.fields},
        }

    def check(self, *, ministry, rows, state):
        units = units_by_code(ministry=ministry, rows=rows, column="unit_code")
        state["units"] = units
        rows = [row for row in rows if not row.errors]
        records = UnitYear.objects.filter(
            unit__in=[units[r.values["unit_code"]] for r in rows],
            year__in={r.values["year"] for r in rows},
        )
        by_key = {(r.unit_id, r.year): r for r in records}
        for row in rows:
            unit = units[row.values["unit_code"]]
            record = by_key.get((unit.pk, row.values["year"]))
            merged = {n: getattr(record, n) for n in UNIT_YEAR_FIELDS} if record else {}
            merged.update(row.values)
            problems = unit_year_count_problems(
                staff_count=merged.get("staff_count"), counts=merged
            )
            for name, message in problems:
                row.refuse(name if name in row.values else "staff_count", message)
            if problems:
                continue
            if record is not None:
                row.obj, row.old = record, self.rendered(self._values(record, unit))

    def write(self, *, ministry, actor, created, changed, state):
        units = state["units"]
        UnitYear.objects.bulk_create(
            [
                UnitYear(
                    unit=units[row.values["unit_code"]],
                    year=row.values["year"],
                    **{n: row.values[n] for n in self.fields if n in row.values},
                )
                for row in created
            ]
        )
        for row in changed:
            for name in self.fields:
                if name in row.values:
                    setattr(row.obj, name, row.values[name])
            row.obj.version += 1
        UnitYear.objects.bulk_update([row.obj for row in changed], [*self.fields, "version"])

    def export_rows(self, *, ministry):
        records = (
            UnitYear.objects.filter(unit__ministry=ministry)
            .select_related("unit")
            .order_by("unit__code", "unit_id", "year")
        )
        for record in records.iterator(chunk_size=2000):
            yield self._values(record, record.unit)


class StaffCountSheet(UnitYearSheet):
    """The staff counts alone (the collective titles' percentages are of these): the same
    records as the yearly figures, with their other columns left as they are."""

    slug = "staff-counts"
    title = gettext_lazy("Số thành viên của đơn vị theo năm")
    description = gettext_lazy("Tổng số thành viên của từng đơn vị trong từng năm.")
    sheet_title = "Số thành viên"
    columns = (*UnitYearSheet.columns[:3], UnitYearSheet.columns[4])


def register_sheets():
    for spec in (UnitSheet(), PersonSheet(), PersonYearSheet(), UnitYearSheet(), StaffCountSheet()):
        register(spec)
