"""The state of a record as a badge: one colour per state, for every page.

{% load states %}{% state_badge proposal id="proposal-state" size="fs-6" %}"""

from django import template
from django.utils.html import format_html

register = template.Library()

# (app_label.model, state) -> Bootstrap colour; anything else is "secondary".
COLOURS = {
    ("clusters.pledge", "open"): "primary",
    ("clusters.pledge", "signed"): "success",
    ("clusters.pledge", "locked"): "dark",
    ("clusters.vote", "open"): "warning",
    ("clusters.vote", "closed"): "success",
    ("clusters.minutes", "signed"): "success",
    ("awards.proposal", "submitted"): "primary",
    ("awards.proposal", "resubmitted"): "primary",
    ("awards.proposal", "in_review"): "info",
    ("awards.proposal", "returned"): "warning",
    ("awards.proposal", "decided"): "success",
    ("awards.upwarddossier", "forwarded"): "primary",
    ("awards.upwarddossier", "resubmitted"): "primary",
    ("awards.upwarddossier", "returned"): "warning",
    ("awards.upwarddossier", "decided"): "success",
    ("awards.upwarddossier", "refused"): "danger",
    ("awards.councilmeeting", "open"): "warning",
    ("awards.councilmeeting", "closed"): "success",
}


def colour_of(record):
    return COLOURS.get((record._meta.label_lower, record.state), "secondary")


@register.simple_tag
def state_badge(record, id="", size=""):
    """``<span class="badge text-bg-…">`` with the state's label; ``id`` for tests and links,
    ``size`` an extra class (``fs-6``)."""
    return format_html(
        '<span class="badge text-bg-{}{}"{}>{}</span>',
        colour_of(record),
        f" {size}" if size else "",
        format_html(' id="{}"', id) if id else "",
        record.get_state_display(),
    )
