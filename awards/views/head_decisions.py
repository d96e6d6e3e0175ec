"""The unit head's decisions (on the unit's or a person's yearly record), judged by the rules:
recorded here, in ``awards``, because the rules engine lives here; shown on the unit's people
page (units/people_list.html)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.services import head_decisions
from emulation.pages import form_page, form_saved, post_action
from units.models import UnitHeadDecision
from units.people_access import get_unit_for_people
from units.people_forms import UnitHeadDecisionForm


def head_decision_create(request, pk):
    """Record a decision of the unit head on the unit's or a person's yearly record; the
    service (in ``awards``: the rules judge it) refuses what the title's criteria forbid."""
    unit = get_unit_for_people(request.user, pk, write=True)
    form = UnitHeadDecisionForm(
        request.POST or None, instance=UnitHeadDecision(unit=unit), unit=unit
    )

    def record(*, actor, decision):
        _decision, warnings = head_decisions.unit_head_decision_record(
            actor=actor, decision=decision
        )
        for finding in warnings:
            messages.warning(request, finding.message)

    if form_saved(request, form, record, _("Đã lưu.")):
        return redirect("units:people", pk=unit.pk)
    return form_page(
        request,
        form,
        title=_("Quyết định của thủ trưởng đơn vị – %(unit)s") % {"unit": unit.name},
        back_url=reverse("units:people", args=[unit.pk]),
        submit=_("Lưu"),
    )


@require_POST
def head_decision_delete(request, pk, decision_pk):
    unit = get_unit_for_people(request.user, pk, write=True)
    decision = get_object_or_404(UnitHeadDecision, pk=decision_pk, unit=unit)
    return post_action(
        request,
        head_decisions.unit_head_decision_delete,
        _("Đã xóa quyết định."),
        then=reverse("units:people", args=[unit.pk]),
        decision=decision,
    )
