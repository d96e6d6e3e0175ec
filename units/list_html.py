"""The units list's rows, written by one pass of Python instead of a template loop: the same
markup as the template wrote (``units/unit_list.html`` had the loop), each kind's label
translated once per page instead of once per row (``get_kind_display`` hashes every choice's
lazy label on each call). Every value is escaped (``html.escape``, as Django's ``escape``)."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from emulation.rows import address_pattern
from units.models import Unit


def kind_labels():
    """{kind: its label, translated and escaped}, once per page."""
    return {value: escape(str(label)) for value, label in Unit.Kind.choices}


def unit_rows(units):
    """The ``<tr>`` of each unit (with its ministry), as the list's template wrote them."""
    address = address_pattern("units:detail")
    kinds = kind_labels()
    inactive = escape(_("Ngừng hoạt động"))
    inactive = f' <span class="badge text-bg-secondary">{inactive}</span>'
    rows = []
    for unit in units:
        badge = "" if unit.is_active else inactive
        rows.append(
            "\n  <tr>\n"
            f'    <td><a href="{address.format(unit.pk)}">{escape(unit.name)}</a>{badge}</td>\n'
            f"    <td>{kinds.get(unit.kind, escape(unit.kind))}</td>\n"
            f"    <td>{escape(unit.ministry.name)}</td>\n"
            "  </tr>\n  "
        )
    return mark_safe("".join(rows))  # every value escaped above
