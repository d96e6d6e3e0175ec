"""The cluster's side: create and edit a proposal and its lines, then submit it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards import rules
from awards.models import Nomination, Proposal
from awards.regime import proposal_regime, same_title_in
from awards.rules.levels import unit_head_refusal
from awards.services.common import (
    LINE_FIELDS,
    PROPOSAL_FIELDS,
    findings_error,
    locked_proposal,
    notify_on_commit,
    require_writer,
    subject_check,
)
from clusters.data_version import bump_cluster_year
from clusters.evaluation.ranking import cluster_year_ranking, ranking_by_unit
from clusters.evaluation.votes import vote_shares_for
from clusters.models import Minutes
from emulation.audit import audit_record, event_now, save_version, snapshot, stored_snapshot
from emulation.concurrency import claim_version, lock_existing, refuse_duplicate
from emulation.dates import short_date
from emulation.errors import DomainError
from emulation.roles import scope_of
from emulation.uploads import DOSSIER, validated_upload


def _require_editable(proposal):
    if not proposal.is_editable:
        raise DomainError(
            _("Hồ sơ ở trạng thái “%(state)s”: không sửa được.")
            % {"state": proposal.get_state_display()}
        )


def _lock_editable(proposal):
    """The proposal's row lock, then its state as it is now: its lines are written one
    request after the other, and never once it has been sent (``proposal_submit`` and the
    decisions take the same lock), so two identical requests cannot both add the same line
    and a line cannot leave a proposal that is being sent."""
    Proposal.objects.select_for_update().filter(pk=proposal.pk).values_list("pk").first()
    proposal.refresh_from_db(fields=["state"])
    _require_editable(proposal)


def _signed_minutes(cluster_year):
    return Minutes.objects.filter(cluster_year=cluster_year, state=Minutes.State.SIGNED).first()


@transaction.atomic
def proposal_create(*, actor, cluster_year):
    if not scope_of(actor).writes_cluster(cluster_year.cluster):
        raise DomainError(_("Chỉ thư ký của cụm hoặc cán bộ Vụ được lập hồ sơ."))
    exists = _("Cụm đã có hồ sơ khen thưởng năm này.")
    if Proposal.objects.filter(cluster_year=cluster_year).exists():
        raise DomainError(exists)
    with refuse_duplicate(exists):
        proposal = Proposal.objects.create(
            cluster_year=cluster_year, created_by=actor, minutes=_signed_minutes(cluster_year)
        )
    audit_record(actor=actor, action="proposal_create", obj=proposal, fields=PROPOSAL_FIELDS)
    return proposal


@transaction.atomic
def proposal_update(*, actor, proposal, version, number, dated, cover_file=None):
    require_writer(actor, proposal)
    _require_editable(proposal)
    before = snapshot(proposal, PROPOSAL_FIELDS)
    claim_version(proposal, version)
    proposal.number = number
    proposal.dated = dated
    _follow_regime(actor, proposal)
    if cover_file is not None:
        proposal.cover_content_type, proposal.cover_name = validated_upload(
            cover_file, kind=DOSSIER, field="cover_file"
        )
        proposal.cover_file = cover_file
    proposal.save()
    audit_record(
        actor=actor, action="proposal_update", obj=proposal, before=before, fields=PROPOSAL_FIELDS
    )
    return proposal


def proposal_cover_issued(*, actor, cluster_year, number):
    """The cluster's tờ trình was issued under ``number`` ("15/TTr-CTĐ2"): the cluster-year's
    proposal takes it as its number, whatever its state (the number is a fact of issue). The
    caller has checked that ``actor`` issues the cluster's papers."""
    proposal = Proposal.objects.select_for_update().filter(cluster_year=cluster_year).first()
    if proposal is None or proposal.number == number:
        return proposal
    before = snapshot(proposal, PROPOSAL_FIELDS)
    claim_version(proposal, proposal.version)  # a form opened before asks to be reloaded
    proposal.number = number
    proposal.save(update_fields=["number"])
    audit_record(
        actor=actor, action="proposal_update", obj=proposal, before=before, fields=PROPOSAL_FIELDS
    )
    return proposal


def _follow_regime(actor, proposal):
    """The date of the cover submission decides the regime: move every line to the same
    title in that regime's catalogue (refused when that regime has no such title)."""
    regime = proposal_regime(proposal).regime
    lines = list(
        proposal.nominations.select_related("award_title").exclude(award_title__regime=regime)
    )
    for line in lines:
        before = line.award_title_id
        line.award_title = same_title_in(regime, line.award_title)
        line.save(update_fields=["award_title"])
        audit_record(
            actor=actor,
            action="nomination_update",
            obj=line,
            before={"award_title": before},
            after={"award_title": line.award_title_id},
            reason=_("Chế độ pháp lý áp dụng theo ngày tờ trình: %(regime)s")
            % {"regime": regime.name},
        )


def _check_line(proposal, line):
    cluster_year = proposal.cluster_year
    if line.award_title.is_unit_head:
        raise DomainError(unit_head_refusal(line.award_title), field="award_title")
    applicable = proposal_regime(proposal).regime
    if line.award_title.regime_id != applicable.pk:
        raise DomainError(
            _("Danh hiệu này không thuộc danh mục của chế độ áp dụng cho hồ sơ (%(regime)s).")
            % {"regime": applicable.name},
            field="award_title",
        )
    if not cluster_year.memberships.filter(unit_id=line.unit_id).exists():
        raise DomainError(_("Đơn vị không phải thành viên của cụm năm này."), field="unit")
    subject_check(line)


def _fill_from_vote(proposal, lines):
    """Vote share and rank come from the closed vote and the ranking, never typed: the
    scoring feature's one ranking and one vote share. An unscored unit has no rank."""
    ranking = ranking_by_unit(cluster_year_ranking(cluster_year=proposal.cluster_year))
    shares = vote_shares_for(cluster_year=proposal.cluster_year)
    for line in lines:
        line.vote_share = shares.get((line.award_title.code, line.unit_id))
        row = ranking.get(line.unit_id)
        line.rank = row.rank if row is not None else None
        line.rank_tied = row.tied if row is not None else False


@transaction.atomic
def nomination_save(*, actor, proposal, line, version=None, report_file=None):
    require_writer(actor, proposal)
    _lock_editable(proposal)
    before = stored_snapshot(line, LINE_FIELDS)
    if before is not None:
        claim_version(line, version)
    line.proposal = proposal
    _check_line(proposal, line)
    twin = Nomination.objects.filter(
        proposal=proposal,
        unit_id=line.unit_id,
        person_id=line.person_id,
        award_title_id=line.award_title_id,
    ).exclude(pk=line.pk)
    if twin.exists():
        raise DomainError(_("Hồ sơ đã có dòng đề nghị này."), field="award_title")
    if report_file is not None:
        line.report_content_type, line.report_name = validated_upload(
            report_file, kind=DOSSIER, field="report_file"
        )
        line.report_file = report_file
    _fill_from_vote(proposal, [line])
    line.save()
    audit_record(
        actor=actor,
        action="nomination_create" if before is None else "nomination_update",
        obj=line,
        before=before,
        fields=LINE_FIELDS,
    )
    return line


@transaction.atomic
def nomination_delete(*, actor, line):
    proposal = line.proposal
    require_writer(actor, proposal)
    _lock_editable(proposal)
    lock_existing(line, _("Dòng đề nghị này đã được xóa."))
    audit_record(
        actor=actor, action="nomination_delete", obj=line, before=snapshot(line, LINE_FIELDS)
    )
    line.delete()


def missing_parts(proposal, lines):
    """What still stops the proposal from being sent, in Vietnamese."""
    missing = []
    if not proposal.number or not proposal.dated:
        missing.append(_("số và ngày tờ trình"))
    if not proposal.cover_file:
        missing.append(_("tệp tờ trình"))
    if proposal.minutes_id is None or not proposal.minutes.is_signed:
        missing.append(_("biên bản họp đã ký của cụm"))
    if not lines:
        missing.append(_("ít nhất một dòng đề nghị"))
    missing += [
        _("báo cáo thành tích của %(name)s") % {"name": line.subject_name}
        for line in lines
        if not line.report_file
    ]
    return missing


@transaction.atomic
def proposal_submit(*, actor, proposal):
    proposal = locked_proposal(proposal)
    require_writer(actor, proposal)
    if proposal.state not in Proposal.EDITABLE:
        raise DomainError(
            _("Hồ sơ ở trạng thái “%(state)s”: không gửi được.")
            % {"state": proposal.get_state_display()}
        )
    before = snapshot(proposal, PROPOSAL_FIELDS)
    if proposal.dated and proposal.dated > timezone.localdate(event_now()):
        raise DomainError(
            _("Ngày tờ trình %(date)s chưa đến: hồ sơ được gửi vào ngày ghi trên tờ trình.")
            % {"date": short_date(proposal.dated)},
            field="dated",
        )
    proposal.minutes = _signed_minutes(proposal.cluster_year)
    if proposal.dated:
        _follow_regime(actor, proposal)
    lines = list(proposal.nominations.select_related("award_title", "unit", "person"))
    missing = missing_parts(proposal, lines)
    if missing:
        raise DomainError(
            _("Chưa gửi được hồ sơ, còn thiếu: %(parts)s.") % {"parts": "; ".join(missing)}
        )
    _fill_from_vote(proposal, lines)
    error = findings_error(rules.check_proposal(proposal, stage=rules.SUBMISSION, lines=lines))
    if error:
        raise error
    Nomination.objects.bulk_update(lines, ["vote_share", "rank", "rank_tied"])
    bump_cluster_year(pk=proposal.cluster_year_id)
    resubmit = proposal.state == Proposal.State.RETURNED
    save_version(
        proposal,
        actor=actor,
        action="proposal_resubmit" if resubmit else "proposal_submit",
        fields=PROPOSAL_FIELDS,
        before=before,
        state=Proposal.State.RESUBMITTED if resubmit else Proposal.State.SUBMITTED,
        submitted_at=event_now(),
    )
    notify_on_commit("submitted", proposal.pk)
    return proposal
