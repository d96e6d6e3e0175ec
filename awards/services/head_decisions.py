"""The unit head's own decisions (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động
tiên tiến, Giấy khen: khoản 1 Điều 80 Luật số 06/2022/QH15), recorded on the unit's or the
person's yearly record. They live in ``units`` (``UnitHeadDecision``) but are written here: a
decision is checked by the rules engine (stage ``HEAD_DECISION``) under the regime in force on
its date, and ``units`` may not import ``awards`` (the floors: docs/architecture.md)."""

from django.db import transaction
from django.utils.translation import gettext as _

from awards import rules
from awards.regime import head_decision_regime, same_title_in
from awards.services.common import findings_error, subject_check
from emulation.audit import audit_record
from emulation.errors import DomainError
from units.models import UnitHeadDecision
from units.people_access import can_edit_people


def _check_subject(decision):
    title = decision.award_title
    if not title.is_unit_head:
        raise DomainError(
            _(
                "“%(award)s” do %(level)s quyết định, không phải thủ trưởng đơn vị: đề nghị qua "
                "hồ sơ khen thưởng của cụm."
            )
            % {"award": title.name_vi, "level": title.get_level_display()},
            field="award_title",
        )
    subject_check(decision)
    if decision.dated.year < decision.year:
        raise DomainError(_("Ngày quyết định không thể trước năm thành tích."), field="dated")


def _check_rules(decision):
    """Judge the decision under the regime in force on its date, on the same title (same code)
    of that regime's catalogue: errors refuse it, warnings (missing data) are returned."""
    try:
        regime = head_decision_regime(decision).regime
    except DomainError as error:
        # Before the first stored regime there is nothing to judge by: warn, never guess.
        return [
            rules.Finding(
                rules.WARNING,
                "regime",
                _("%(reason)s Chưa kiểm tra điều kiện %(award)s.")
                % {"reason": error.message, "award": decision.award_title.name_vi},
            )
        ]
    decision.award_title = same_title_in(regime, decision.award_title)
    line = rules.HeadDecisionLine(
        unit=decision.unit,
        person=decision.person,
        award_title=decision.award_title,
        year=decision.year,
    )
    findings = rules.check_head_decision(line, regime=regime, on=decision.dated)
    error = findings_error({None: findings})
    if error:
        raise error
    return findings


@transaction.atomic
def unit_head_decision_record(*, actor, decision):
    """Record a decision of the unit head. Returns ``(decision, warnings)``: the rules'
    warnings (data not entered) do not block, and the page shows them."""
    if not can_edit_people(actor, decision.unit):
        raise DomainError(_("Chỉ cán bộ Vụ hoặc thư ký cụm của đơn vị được ghi quyết định."))
    _check_subject(decision)
    title = decision.award_title
    # The same title (by code, in any regime's catalogue) once per subject and year.
    duplicate = UnitHeadDecision.objects.filter(
        unit=decision.unit_id,
        person=decision.person_id,
        year=decision.year,
        award_title__code=title.code,
    )
    if duplicate.exists():
        raise DomainError(
            _("Đã ghi %(award)s năm %(year)s cho đối tượng này.")
            % {"award": title.name_vi, "year": decision.year},
            field="award_title",
        )
    warnings = _check_rules(decision)
    title = decision.award_title
    decision.save()
    audit_record(
        actor=actor,
        action="unit_head_decision_record",
        obj=decision,
        after={
            "person": decision.person_id,
            "year": decision.year,
            "award_title": title.code,
            "number": decision.number,
            "dated": decision.dated,
        },
    )
    return decision, warnings


@transaction.atomic
def unit_head_decision_delete(*, actor, decision):
    if not can_edit_people(actor, decision.unit):
        raise DomainError(_("Chỉ cán bộ Vụ hoặc thư ký cụm của đơn vị được xóa quyết định."))
    audit_record(
        actor=actor,
        action="unit_head_decision_delete",
        obj=decision,
        before={"number": decision.number, "year": decision.year},
    )
    decision.delete()
