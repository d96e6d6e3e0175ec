"""The state of a record as a badge: one colour per state, for every page.

{% load states %}{% state_badge proposal id="proposal-state" size="fs-6" %}
{% state_badge line field="outcome" %}: a record whose state is not its ``state`` field."""

from django import template
from django.utils.html import format_html

register = template.Library()

# (app_label.model, state) -> Bootstrap colour; anything else is "secondary".
COLOURS = {
    ("emulation.importbatch", "done"): "success",
    ("emulation.importbatch", "refused"): "danger",
    ("emulation.importbatch", "failed"): "danger",
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
    ("awards.nomination", "approved"): "success",
    ("awards.nomination", "rejected"): "danger",
    ("awards.meetingline", "passed"): "success",
    ("awards.meetingline", "tie"): "warning",
    ("awards.meetingline", "failed"): "danger",
    ("awards.meetingline", "outranked"): "danger",
    ("documents.reportversion", "ready"): "success",
    ("documents.reportversion", "failed"): "danger",
    ("documents.verification", "valid"): "success",
    ("documents.verification", "replaced"): "warning",
    ("documents.verification", "revoked"): "danger",
}


def kind_of(record):
    """``app_label.model`` of a model; of a plain object (a public verification), its app's
    name and its class's."""
    meta = getattr(record, "_meta", None)
    if meta is not None:
        return meta.label_lower
    return f"{type(record).__module__.split('.')[0]}.{type(record).__name__.lower()}"


def colour_of(record, field="state"):
    return COLOURS.get((kind_of(record), getattr(record, field)), "secondary")


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
