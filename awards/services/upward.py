"""The track above the Minister: the ministry's own dossier (tờ trình) to the Ministry of Home
Affairs for the lines the council passed whose deciding level is the Prime Minister or the
President; forwarded, returned with a reason, resubmitted, then decided or refused. Only the
recorded decision of that level creates the awards and their money."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Award, Decision, Nomination, UpwardDossier
from awards.regime import regime_on, same_title_in
from awards.rules.money import reward_amount
from clusters.data_version import bump_cluster_years
from emulation.audit import audit_record, event_now
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.data_version import bump_ministry_year
from emulation.errors import DomainError
from emulation.models import AwardTitle
from emulation.rights import require_manager

State = UpwardDossier.State


def _locked(dossier):
    return UpwardDossier.objects.select_for_update().get(pk=dossier.pk)


def _snapshot(dossier):
    return {
        "state": dossier.state,
        "number": dossier.number,
        "dated": dossier.dated,
        "lines": sorted(dossier.lines.values_list("pk", flat=True)),
    }


def _wrong_state(dossier, verb):
    return DomainError(
        _("Hồ sơ trình Bộ Nội vụ ở trạng thái “%(state)s”: không thể %(verb)s.")
        % {"state": dossier.get_state_display(), "verb": verb}
    )


def dossier_regime(dossier):
    """The regime in force on the dossier's date (or today while it has none)."""
    on_date = dossier.dated or timezone.localdate()
    return regime_on(
        on_date=on_date,
        what=_("tờ trình của Bộ trình %(level)s qua Bộ Nội vụ")
        % {"level": dossier.get_level_display()},
    )


def eligible_lines(*, ministry_ids, level=None):
    """Lines the ministries approved (after the council) whose deciding level is ``level``
    (any level above the Minister when None), not yet in a dossier."""
    levels = [level] if level else list(AwardTitle.ABOVE_MINISTER)
    return Nomination.objects.filter(
        proposal__cluster_year__cluster__ministry_id__in=ministry_ids,
        outcome=Nomination.Outcome.APPROVED,
        award_title__level__in=levels,
        upward_dossier__isnull=True,
    ).select_related("award_title", "unit", "person", "proposal__cluster_year__cluster")


@transaction.atomic
def upward_dossier_create(*, actor, ministry, level, year):
    require_manager(actor, ministry.pk)
    dossier = UpwardDossier.objects.create(
        ministry=ministry, level=level, year=year, created_by=actor
    )
    audit_record(actor=actor, action="upward_dossier_create", obj=dossier, after=_snapshot(dossier))
    return dossier


@transaction.atomic
def upward_dossier_update(*, actor, dossier, version, number, dated):
    dossier = _locked(dossier)
    require_manager(actor, dossier.ministry_id)
    if not dossier.is_editable:
        raise _wrong_state(dossier, _("sửa"))
    before = _snapshot(dossier)
    claim_version(dossier, version)
    dossier.number, dossier.dated = number.strip(), dated
    dossier.save()
    audit_record(
        actor=actor,
        action="upward_dossier_update",
        obj=dossier,
        before=before,
        after=_snapshot(dossier),
    )
    return dossier


@transaction.atomic
def upward_dossier_add_lines(*, actor, dossier, line_ids):
    dossier = _locked(dossier)
    require_manager(actor, dossier.ministry_id)
    if not dossier.is_editable:
        raise _wrong_state(dossier, _("thêm dòng"))
    lines = list(
        eligible_lines(ministry_ids=[dossier.ministry_id], level=dossier.level).filter(
            pk__in=line_ids, proposal__cluster_year__year=dossier.year
        )
    )
    if not lines or len(lines) != len(set(line_ids)):
        raise DomainError(
            _(
                "Chỉ đưa vào hồ sơ các dòng của bộ, năm %(year)s, cấp %(level)s, đã được Hội đồng "
                "và Bộ đồng ý và chưa ở hồ sơ trình nào."
            )
            % {"year": dossier.year, "level": dossier.get_level_display()},
            field="lines",
        )
    before = _snapshot(dossier)
    Nomination.objects.filter(pk__in=[line.pk for line in lines]).update(upward_dossier=dossier)
    bump_ministry_year(ministry_id=dossier.ministry_id, year=dossier.year)
    audit_record(
        actor=actor,
        action="upward_dossier_lines",
        obj=dossier,
        before=before,
        after=_snapshot(dossier),
    )
    return lines


@transaction.atomic
def upward_dossier_remove_line(*, actor, dossier, line):
    dossier = _locked(dossier)
    require_manager(actor, dossier.ministry_id)
    if not dossier.is_editable:
        raise _wrong_state(dossier, _("bỏ dòng"))
    before = _snapshot(dossier)
    Nomination.objects.filter(pk=line.pk, upward_dossier=dossier).update(upward_dossier=None)
    bump_ministry_year(ministry_id=dossier.ministry_id, year=dossier.year)
    audit_record(
        actor=actor,
        action="upward_dossier_lines",
        obj=dossier,
        before=before,
        after=_snapshot(dossier),
    )
    return dossier


@transaction.atomic
def upward_dossier_forward(*, actor, dossier):
    """Send (or send again after a return) the dossier to the Ministry of Home Affairs."""
    dossier = _locked(dossier)
    require_manager(actor, dossier.ministry_id)
    if not dossier.is_editable:
        raise _wrong_state(dossier, _("trình"))
    missing = []
    if not dossier.number or not dossier.dated:
        missing.append(_("số và ngày tờ trình"))
    if not dossier.lines.exists():
        missing.append(_("ít nhất một dòng đề nghị"))
    if missing:
        raise DomainError(
            _("Chưa trình được, còn thiếu: %(parts)s.") % {"parts": "; ".join(missing)}
        )
    if dossier.dated > timezone.localdate(event_now()):
        raise DomainError(_("Ngày tờ trình chưa đến."), field="dated")
    dossier_regime(dossier)  # a date no regime covers is refused here
    before = _snapshot(dossier)
    resubmit = dossier.state == State.RETURNED
    dossier.state = State.RESUBMITTED if resubmit else State.FORWARDED
    dossier.version += 1
    dossier.save()
    audit_record(
        actor=actor,
        action="upward_dossier_resubmit" if resubmit else "upward_dossier_forward",
        obj=dossier,
        before=before,
        after=_snapshot(dossier),
    )
    return dossier


@transaction.atomic
def upward_dossier_return(*, actor, dossier, reason):
    """The Ministry of Home Affairs sent the dossier back for correction."""
    dossier = _locked(dossier)
    require_manager(actor, dossier.ministry_id)
    if dossier.state not in UpwardDossier.AWAITING:
        raise _wrong_state(dossier, _("ghi việc trả lại"))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Hãy ghi lý do Bộ Nội vụ trả lại hồ sơ."), field="reason")
    before = _snapshot(dossier)
    dossier.state, dossier.return_reason = State.RETURNED, reason
    dossier.version += 1
    dossier.save()
    audit_record(
        actor=actor,
        action="upward_dossier_return",
        obj=dossier,
        before=before,
        after=_snapshot(dossier),
        reason=reason,
    )
    return dossier


@transaction.atomic
def upward_dossier_refuse(*, actor, dossier, reason):
    dossier = _locked(dossier)
    require_manager(actor, dossier.ministry_id)
    if dossier.state not in UpwardDossier.AWAITING:
        raise _wrong_state(dossier, _("ghi việc không khen thưởng"))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Hãy ghi lý do không khen thưởng."), field="reason")
    before = _snapshot(dossier)
    dossier.state, dossier.refusal_reason = State.REFUSED, reason
    dossier.version += 1
    dossier.save()
    audit_record(
        actor=actor,
        action="upward_dossier_refuse",
        obj=dossier,
        before=before,
        after=_snapshot(dossier),
        reason=reason,
    )
    return dossier


@transaction.atomic
def upward_dossier_decide(
    *, actor, dossier, number, dated, signer_name, signer_position="", granted_ids=None
):
    """Record the Prime Minister's or the President's decision: the granted lines (all by
    default) become awards under the regime in force on the dossier's date, with their money
    at the base salary of the decision date."""
    dossier = _locked(dossier)
    require_manager(actor, dossier.ministry_id)
    if dossier.state not in UpwardDossier.AWAITING:
        raise _wrong_state(dossier, _("ghi quyết định"))
    if dated < dossier.dated:
        raise DomainError(_("Ngày quyết định không thể trước ngày tờ trình."), field="dated")
    taken = _("Số quyết định này đã được ghi trong năm.")
    if Decision.objects.filter(
        ministry_id=dossier.ministry_id, year=dated.year, number=number
    ).exists():
        raise DomainError(taken, field="number")
    lines = list(dossier.lines.select_related("award_title", "unit", "person", "proposal"))
    granted = [line for line in lines if granted_ids is None or line.pk in set(granted_ids)]
    if not granted:
        raise DomainError(_("Hãy chọn ít nhất một dòng được khen thưởng."), field="granted")
    regime = dossier_regime(dossier).regime
    before = _snapshot(dossier)
    with refuse_duplicate(taken, field="number"):
        decision = Decision.objects.create(
            upward_dossier=dossier,
            level=dossier.level,
            number=number,
            dated=dated,
            ministry_id=dossier.ministry_id,
            year=dated.year,
            signer_name=signer_name,
            signer_position=signer_position,
            recorded_by=actor,
        )
    # The counters the awards and the dossier below bump, taken before the first audit entry.
    bump_ministry_year(ministry_id=dossier.ministry_id, year=dossier.year)
    bump_cluster_years(pks=[line.proposal.cluster_year_id for line in granted])
    audit_record(
        actor=actor,
        action="decision_record",
        obj=decision,
        after={
            "number": number,
            "dated": dated,
            "signer_name": signer_name,
            "level": dossier.level,
        },
    )
    for line in granted:
        award_title = same_title_in(regime, line.award_title)
        amount, note = reward_amount(award_title=award_title, on_date=dated)
        award = Award.objects.create(
            decision=decision,
            nomination=line,
            unit=line.unit,
            person=line.person,
            award_title=award_title,
            year=dossier.year,
            amount=amount,
            amount_note=note,
        )
        audit_record(
            actor=actor,
            action="award_grant",
            obj=award,
            after={"decision": number, "amount": amount, "note": note},
        )
    dossier.state = State.DECIDED
    dossier.version += 1
    dossier.save()
    audit_record(
        actor=actor,
        action="upward_dossier_decide",
        obj=dossier,
        before=before,
        after={**_snapshot(dossier), "decision": number, "granted": [x.pk for x in granted]},
    )
    return decision
