"""The lists of units and of their people."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.imports.engine import Column, SheetSpec
from units.models import Person, Unit
from units.sheets.common import (
    CODE_NOTE,
    UNIT_CODE,
    UNIT_NAME_INFO,
    other_ministry,
    units_by_code,
    update_changed,
)


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
                row.refuse("code", other_ministry(_("Mã đơn vị"), code))
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
                    row.refuse("parent", other_ministry(_("Mã cơ quan cấp trên"), parent))
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
        update_changed(Unit, changed, ["code", "name", "short_name", "kind"])
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
                row.refuse("code", other_ministry(_("Mã cá nhân"), row.values["code"]))
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
            if "unit_code" in row.values:
                row.obj.unit = units[row.values["unit_code"]]
        update_changed(Person, changed, ["full_name", "gender", "position"], also=["unit"])

    def export_rows(self, *, ministry):
        people = (
            Person.objects.filter(unit__ministry=ministry)
            .select_related("unit")
            .order_by("code", "pk")
        )
        for person in people.iterator(chunk_size=2000):
            yield self._values(person)
