"""What the lists of units and people share: the unit's code and name columns, the year, the
lookup of units by code, the writing of changed rows."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.imports.engine import Column
from units.models import Unit

CODE_NOTE = gettext_lazy("Mã ổn định, không trùng; nhập lại khớp theo mã này.")
UNIT_CODE = Column(
    "unit_code", gettext_lazy("Mã đơn vị"), required=True, max_length=30, width=14, note=CODE_NOTE
)
UNIT_NAME_INFO = Column("unit_name", gettext_lazy("Tên đơn vị"), info=True, width=40)
YEAR = Column("year", gettext_lazy("Năm"), kind="year", required=True, width=8)


def other_ministry(what, code):
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
            row.refuse(column, other_ministry(_("Mã đơn vị"), code))
    return found


def update_changed(model, changed, fields, also=()):
    """Write the changed rows' values of ``fields`` (those the file has) to their records,
    each as its next version, in one query (with ``also``, fields the caller has set)."""
    for row in changed:
        for name in fields:
            if name in row.values:
                setattr(row.obj, name, row.values[name])
        row.obj.version += 1
    model.objects.bulk_update([row.obj for row in changed], [*fields, *also, "version"])
