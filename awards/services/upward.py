"""The track above the Minister: the ministry's own dossier (tờ trình) to the Ministry of Home
Affairs for the lines the council passed whose deciding level is the Prime Minister or the
President; forwarded, returned with a reason, resubmitted, then decided or refused. Only the
recorded decision of that level creates the awards and their money."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.models import Nomination, UpwardDossier
from awards.regime import regime_on, same_title_in
from awards.rules.money import reward_amount
from awards.selectors.upward import dossier_candidates
from awards.services.decisions import record_decision
from clusters.data_version import bump_cluster_years
from emulation.audit import audit_record, event_now, save_version, snapshot
from emulation.concurrency import claim_version
from emulation.data_version import bump_ministry_year
from emulation.errors import DomainError
from emulation.rights import require_manager

State = UpwardDossier.State

# What the audit trail keeps of a dossier (emulation.audit.snapshot).
FIELDS = ("state", "number", "dated", "lines")


def _locked(dossier, actor, doing, *, awaiting=False):
    """The dossier under its row lock, once the actor is found to manage it and its state to
    allow ``doing``: editable, or (``awaiting``) awaiting the answer of the level above."""
    dossier = UpwardDossier.objects.select_for_update().get(pk=dossier.pk)
    require_manager(actor, dossier.ministry_id)
    allowed = dossier.is_awaiting if awaiting else dossier.is_editable
    if not allowed:
        raise DomainError(
            _("Hồ sơ trình Bộ Nội vụ ở trạng thái “%(state)s”: không thể %(verb)s.")
            % {"state": dossier.get_state_display(), "verb": doing}
        )
    return dossier


def _move_lines(actor, dossier, lines, to):
    """Put ``lines`` (a queryset) into the dossier ``to``, or out of any with None."""
    before = snapshot(dossier, FIELDS)
    lines.update(upward_dossier=to)
    audit_record(
        actor=actor, action="upward_dossier_lines", obj=dossier, before=before, fields=FIELDS
    )


def dossier_regime(dossier):
    """The regime in force on the dossier's date (or today while it has none)."""
    on_date = dossier.dated or timezone.localdate()
    return regime_on(
        on_date=on_date,
        what=_("tờ trình của Bộ trình %(level)s qua Bộ Nội vụ")
        % {"level": dossier.get_level_display()},
    )


@transaction.atomic
def upward_dossier_create(*, actor, ministry, level, year):
    require_manager(actor, ministry.pk)
    dossier = UpwardDossier.objects.create(
        ministry=ministry, level=level, year=year, created_by=actor
    )
    audit_record(actor=actor, action="upward_dossier_create", obj=dossier, fields=FIELDS)
    return dossier


@transaction.atomic
def upward_dossier_update(*, actor, dossier, version, number, dated):
    dossier = _locked(dossier, actor, _("sửa"))
    before = snapshot(dossier, FIELDS)
    claim_version(dossier, version)
    dossier.number, dossier.dated = number.strip(), dated
    dossier.save()
    audit_record(
        actor=actor, action="upward_dossier_update", obj=dossier, before=before, fields=FIELDS
    )
    return dossier


@transaction.atomic
def upward_dossier_add_lines(*, actor, dossier, line_ids):
    dossier = _locked(dossier, actor, _("thêm dòng"))
    lines = list(dossier_candidates(dossier=dossier).filter(pk__in=line_ids))
    if not lines or len(lines) != len(set(line_ids)):
        raise DomainError(
            _(
                "Chỉ đưa vào hồ sơ các dòng của bộ, năm %(year)s, cấp %(level)s, đã được Hội đồng "
                "và Bộ đồng ý và chưa ở hồ sơ trình nào."
            )
            % {"year": dossier.year, "level": dossier.get_level_display()},
            field="lines",
        )
    bump_ministry_year(ministry_id=dossier.ministry_id, year=dossier.year)
    _move_lines(actor, dossier, Nomination.objects.filter(pk__in=[x.pk for x in lines]), dossier)
    return lines


@transaction.atomic
def upward_dossier_remove_line(*, actor, dossier, line):
    dossier = _locked(dossier, actor, _("bỏ dòng"))
    bump_ministry_year(ministry_id=dossier.ministry_id, year=dossier.year)
    _move_lines(actor, dossier, Nomination.objects.filter(pk=line.pk, upward_dossier=dossier), None)
    return dossier


@transaction.atomic
def upward_dossier_forward(*, actor, dossier):
    """Send (or send again after a return) the dossier to the Ministry of Home Affairs."""
    dossier = _locked(dossier, actor, _("trình"))
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
    resubmit = dossier.is_returned
    save_version(
        dossier,
        actor=actor,
        action="upward_dossier_resubmit" if resubmit else "upward_dossier_forward",
        fields=FIELDS,
        state=State.RESUBMITTED if resubmit else State.FORWARDED,
    )
    return dossier


# What the Ministry of Home Affairs may answer without a decision, by the action recorded:
# the state the dossier takes, the field that keeps the reason, what is being recorded (for
# a refusal in the wrong state) and the question when no reason is given.
ANSWERS = {
    "upward_dossier_return": (
        State.RETURNED,
        "return_reason",
        gettext_lazy("ghi việc trả lại"),
        gettext_lazy("Hãy ghi lý do Bộ Nội vụ trả lại hồ sơ."),
    ),
    "upward_dossier_refuse": (
        State.REFUSED,
        "refusal_reason",
        gettext_lazy("ghi việc không khen thưởng"),
        gettext_lazy("Hãy ghi lý do không khen thưởng."),
    ),
}


@transaction.atomic
def upward_dossier_answer(*, actor, dossier, answer, reason):
    """The Ministry of Home Affairs sent the dossier back for correction
    (``upward_dossier_return``), or the deciding level refused the award
    (``upward_dossier_refuse``), with a reason."""
    state, reason_field, doing, ask = ANSWERS[answer]
    dossier = _locked(dossier, actor, doing, awaiting=True)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(ask, field="reason")
    return save_version(
        dossier,
        actor=actor,
        action=answer,
        fields=FIELDS,
        reason=reason,
        state=state,
        **{reason_field: reason},
    )


@transaction.atomic
def upward_dossier_decide(
    *, actor, dossier, number, dated, signer_name, signer_position="", granted_ids=None
):
    """Record the Prime Minister's or the President's decision: the granted lines (all by
    default) become awards under the regime in force on the dossier's date, with their money
    at the base salary of the decision date."""
    dossier = _locked(dossier, actor, _("ghi quyết định"), awaiting=True)
    if dated < dossier.dated:
        raise DomainError(_("Ngày quyết định không thể trước ngày tờ trình."), field="dated")
    lines = list(dossier.lines.select_related("award_title", "unit", "person", "proposal"))
    granted = [line for line in lines if granted_ids is None or line.pk in set(granted_ids)]
    if not granted:
        raise DomainError(_("Hãy chọn ít nhất một dòng được khen thưởng."), field="granted")
    regime = dossier_regime(dossier).regime
    # The counters the awards and the dossier below bump, taken before the first audit entry.
    bump_ministry_year(ministry_id=dossier.ministry_id, year=dossier.year)
    bump_cluster_years(pks=[line.proposal.cluster_year_id for line in granted])
    titles = [same_title_in(regime, line.award_title) for line in granted]
    decision = record_decision(
        actor=actor,
        taken=_("Số quyết định này đã được ghi trong năm."),
        year=dossier.year,
        awards=[
            (line, title, *reward_amount(award_title=title, on_date=dated))
            for line, title in zip(granted, titles, strict=True)
        ],
        upward_dossier=dossier,
        level=dossier.level,
        number=number,
        dated=dated,
        ministry_id=dossier.ministry_id,
        signer_name=signer_name,
        signer_position=signer_position,
    )
    save_version(
        dossier,
        actor=actor,
        action="upward_dossier_decide",
        fields=FIELDS,
        after={"decision": number, "granted": [x.pk for x in granted]},
        state=State.DECIDED,
    )
    return decision
