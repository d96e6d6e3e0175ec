"""The state of a record as a badge: one colour per state, for every page.

{% load states %}{% state_badge proposal id="proposal-state" size="fs-6" %}
{% state_badge line field="outcome" %}: a record whose state is not its ``state`` field."""

from django import template
from django.utils.html import format_html

register = template.Library()


def colour_of(record, field="state"):
    """The colour the record's own class gives the state (its ``BADGE_COLOURS``), else grey."""
    return getattr(record, "BADGE_COLOURS", {}).get(getattr(record, field), "secondary")


@register.simple_tag
def state_badge(record, id="", size="", field="state"):
    """``<span class="badge text-bg-…">`` with the state's label; ``id`` for tests and links,
    ``size`` an extra class (``fs-6``), ``field`` the state's field (``status``, ``outcome``)."""
    return format_html(
        '<span class="badge text-bg-{}{}"{}>{}</span>',
        colour_of(record, field),
        f" {size}" if size else "",
        format_html(' id="{}"', id) if id else "",
        getattr(record, f"get_{field}_display")(),
    )
