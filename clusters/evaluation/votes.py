"""The nomination vote (bình xét, suy tôn) of a cluster-year, one per title.

THE vote share: a candidate's share is its votes over the members ENTITLED to vote
(``voters_entitled``), not over the ballots cast or the valid ballots — docs/domain.md §3.4 counts
the share of all members (absentees vote in writing), so an absent member cannot lower the
bar. ``vote_share`` is the only place it is computed; the vote page, the proposal lines
(``vote_shares_for``), the Excel export (from the lines) and the year-end report read it.
The threshold test compares whole numbers (votes × 100 ≥ threshold × entitled), never the
rounded share. The share is compared with the title's ``vote_threshold`` (%) of the year's
regime.

A unit never votes for itself (docs/domain.md §3.5): a candidate's votes cannot exceed the valid
ballots cast by the *other* units present (``self_vote_bound``). A tie at the quota boundary
goes first to women (``units.women``), then to the chair.
The number nominated is held to ``Vote.quota`` (default ``AwardTitle.quota_per_cluster``);
with no quota configured the vote cannot be closed (a warning, never a guess). When more
candidates pass than the quota allows, they are ranked by votes; a tie at the boundary is
broken by the chair, whose choice is recorded (``won_tie_break``, ``tie_break_note``).
A ballot may approve several candidates (the usual paper ballot crosses out the names the
voter does not agree with), so only each candidate's votes are bounded by the valid ballots.

While a vote is open its running totals are visible to, and entered by, the cluster's
secretary only (not ministry staff, not leaders); once closed everyone who sees the cluster
sees the result."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from clusters.data_version import bump_cluster_year
from clusters.evaluation.freeze import ensure_not_frozen
from clusters.models import MinutesAttendance, Vote, VoteCount
from emulation.audit import audit_record, snapshot
from emulation.concurrency import claim_version, refuse_duplicate
from emulation.errors import DomainError
from emulation.rights import require_cluster_secretary
from emulation.roles import scope_of
from emulation.selectors import ministry_award_settings, quota_per_cluster
from units.women import CITATION as WOMEN_FIRST_CITATION
from units.women import unit_women_priority, women_first

SHARE_PLACES = Decimal("0.01")
SELF_VOTE_BASIS = _(
    "một đơn vị không bỏ phiếu cho chính mình (nguyên tắc bình xét, suy tôn trong Cụm, "
    "Khối thi đua)"
)


def can_see_running_totals(user, vote):
    if vote.is_closed:
        return True
    return is_cluster_secretary(user, vote.cluster_year.cluster_id)


def is_cluster_secretary(user, cluster_id):
    return scope_of(user).acts_as_secretary(cluster_id)


@dataclass
class Outcome:
    passing: list = field(default_factory=list)
    nominated: list = field(default_factory=list)
    tied: list = field(default_factory=list)  # candidates the chair must choose among
    seats_left: int = 0
    warnings: list = field(default_factory=list)
    women_first: list = field(default_factory=list)  # seats taken by the women-first rule

    @property
    def needs_tie_break(self):
        return bool(self.tied)


def vote_share(*, votes, voters_entitled):
    """The share (%) of the members entitled to vote, to 2 places (half up); None when
    nobody is entitled."""
    if not voters_entitled:
        return None
    return (Decimal(votes) * 100 / Decimal(voters_entitled)).quantize(
        SHARE_PLACES, rounding=ROUND_HALF_UP
    )


def vote_shares_for(*, cluster_year):
    """``{(award_code, unit_id): share}`` from the closed votes of the cluster-year."""
    counts = VoteCount.objects.filter(
        vote__cluster_year=cluster_year, vote__state=Vote.State.CLOSED
    ).select_related("vote__award_title")
    return {
        (count.vote.award_title.code, count.unit_id): vote_share(
            votes=count.votes, voters_entitled=count.vote.voters_entitled
        )
        for count in counts
    }


def self_vote_bound(*, valid_ballots, ballots_cast, candidate_voted):
    """The most votes a candidate can have: the valid ballots cast by the other units.
    When the candidate's unit cast a ballot, the others cast ``ballots_cast − 1``, of which
    at most ``valid_ballots`` are valid."""
    if not candidate_voted:
        return valid_ballots
    return max(min(valid_ballots, ballots_cast - 1), 0)


def _absent_units(cluster_year):
    """Units the minutes record as absent (they cast no ballot)."""
    return set(
        MinutesAttendance.objects.filter(
            minutes__cluster_year=cluster_year, present=False
        ).values_list("unit_id", flat=True)
    )


def vote_women_priority(*, vote, counts):
    """``{unit_id: True/False/None}``: collectives with ≥ 70 % women, from the year's records."""
    return unit_women_priority(unit_ids=[c.unit_id for c in counts], year=vote.cluster_year.year)


def vote_outcome(*, vote, counts, priority=None):
    """Who passes the threshold and who is nominated within the quota. A tie at the
    boundary goes first to collectives with ≥ 70 % women (``priority``: unit id → True,
    False or None, see ``vote_women_priority``), then to the chair."""
    threshold = vote.award_title.vote_threshold
    outcome = Outcome()
    if vote.quota is None:
        outcome.warnings.append(
            _(
                "Chưa cấu hình số lượng được suy tôn cho danh hiệu này: nhập số lượng trước "
                "khi kết thúc bỏ phiếu."
            )
        )
    if threshold is None:
        outcome.warnings.append(
            _("Danh hiệu chưa có ngưỡng tỷ lệ phiếu: không kiểm tra được tỷ lệ.")
        )
    outcome.passing = sorted(
        (
            c
            for c in counts
            if c.votes > 0
            and (threshold is None or c.votes * 100 >= threshold * vote.voters_entitled)
        ),
        key=lambda c: -c.votes,
    )
    if vote.quota is None:
        return outcome
    if len(outcome.passing) <= vote.quota:
        outcome.nominated = list(outcome.passing)
        return outcome
    boundary = outcome.passing[vote.quota - 1].votes if vote.quota else None
    sure = [c for c in outcome.passing if boundary is not None and c.votes > boundary]
    at_boundary = [c for c in outcome.passing if c.votes == boundary]
    outcome.seats_left = vote.quota - len(sure)
    outcome.nominated = sure
    if len(at_boundary) <= outcome.seats_left:
        outcome.nominated += at_boundary
        return outcome
    flags = priority or {}
    tie = women_first(
        tied=at_boundary, seats=outcome.seats_left, priority=lambda c: flags.get(c.unit_id)
    )
    outcome.women_first = tie.chosen
    outcome.nominated += tie.chosen
    outcome.tied = tie.tied
    outcome.seats_left = tie.seats
    if tie.missing:
        outcome.warnings.append(
            _(
                "Chưa có số thành viên nữ trong số liệu năm của: %(units)s. Không áp dụng được "
                "quy tắc %(rule)s; chủ trì quyết định."
            )
            % {
                "units": "; ".join(c.unit.name for c in tie.missing),
                "rule": WOMEN_FIRST_CITATION,
            }
        )
    return outcome


def _counts(vote):
    return list(vote.counts.select_related("unit").order_by("unit__name"))


FIELDS = ("state", "voters_entitled", "ballots_cast", "valid_ballots", "quota", "tie_break_note")


def _snapshot(vote, counts):
    return {
        **snapshot(vote, FIELDS),
        "counts": {str(c.unit_id): c.votes for c in counts},
        "nominated": sorted(c.unit_id for c in counts if c.nominated),
        "won_tie_break": sorted(c.unit_id for c in counts if c.won_tie_break),
        "won_women_first": sorted(c.unit_id for c in counts if c.won_women_first),
    }


def _ensure_open(vote):
    ensure_not_frozen(cluster_year=vote.cluster_year)
    if not vote.is_open:
        raise DomainError(_("Cuộc bỏ phiếu này đã kết thúc."))


@transaction.atomic
def vote_create(*, actor, cluster_year, award_title):
    require_cluster_secretary(actor, cluster_year.cluster_id)
    ensure_not_frozen(cluster_year=cluster_year)
    if award_title.regime_id != cluster_year.emulation_year.regime_id:
        raise DomainError(
            _("Danh hiệu không thuộc chế độ pháp lý áp dụng cho năm này."), field="award_title"
        )
    exists = _("Đã có cuộc bỏ phiếu cho danh hiệu này.")
    if Vote.objects.filter(cluster_year=cluster_year, award_title=award_title).exists():
        raise DomainError(exists, field="award_title")
    unit_ids = list(cluster_year.memberships.values_list("unit_id", flat=True))
    with refuse_duplicate(exists, field="award_title"):
        vote = Vote.objects.create(
            cluster_year=cluster_year,
            award_title=award_title,
            voters_entitled=len(unit_ids),
            quota=quota_per_cluster(
                award_title=award_title,
                settings=ministry_award_settings(ministry_id=cluster_year.cluster.ministry_id),
            ),
        )
    VoteCount.objects.bulk_create(VoteCount(vote=vote, unit_id=pk) for pk in unit_ids)
    bump_cluster_year(pk=cluster_year.pk)
    audit_record(actor=actor, action="vote_create", obj=vote, after=_snapshot(vote, _counts(vote)))
    return vote


@transaction.atomic
def vote_record_counts(
    *, actor, vote, expected_version, voters_entitled, ballots_cast, valid_ballots, quota, votes
):
    """``votes`` maps unit id → votes for every candidate (member) of the vote."""
    require_cluster_secretary(actor, vote.cluster_year.cluster_id)
    _ensure_open(vote)
    counts = _counts(vote)
    before = _snapshot(vote, counts)
    if ballots_cast > voters_entitled:
        raise DomainError(
            _("Số phiếu phát ra không được lớn hơn số thành viên có quyền bỏ phiếu."),
            field="ballots_cast",
        )
    if valid_ballots > ballots_cast:
        raise DomainError(
            _("Số phiếu hợp lệ không được lớn hơn số phiếu phát ra."), field="valid_ballots"
        )
    if quota is not None and quota > len(counts):
        raise DomainError(_("Số lượng suy tôn lớn hơn số đơn vị ứng cử."), field="quota")
    by_unit = {c.unit_id: c for c in counts}
    if set(votes) - set(by_unit):
        raise DomainError(_("Chỉ đơn vị thành viên của cụm mới được bầu."))
    absent = _absent_units(vote.cluster_year) if ballots_cast < voters_entitled else set()
    for unit_id, number in votes.items():
        if number > valid_ballots:
            raise DomainError(
                _("%(unit)s: số phiếu bầu (%(n)s) không được lớn hơn số phiếu hợp lệ (%(v)s).")
                % {"unit": by_unit[unit_id].unit.name, "n": number, "v": valid_ballots},
                field=f"unit_{unit_id}",
            )
        bound = self_vote_bound(
            valid_ballots=valid_ballots,
            ballots_cast=ballots_cast,
            candidate_voted=unit_id not in absent,
        )
        if number > bound:
            raise DomainError(
                _(
                    "%(unit)s: số phiếu bầu (%(n)s) không được lớn hơn số phiếu hợp lệ của các "
                    "đơn vị khác có mặt (tối đa %(bound)s), vì %(basis)s. Nếu đơn vị này vắng "
                    "mặt, ghi vắng mặt trong biên bản họp trước."
                )
                % {
                    "unit": by_unit[unit_id].unit.name,
                    "n": number,
                    "bound": bound,
                    "basis": SELF_VOTE_BASIS,
                },
                field=f"unit_{unit_id}",
            )
    claim_version(vote, expected_version)
    vote.voters_entitled, vote.ballots_cast = voters_entitled, ballots_cast
    vote.valid_ballots, vote.quota = valid_ballots, quota
    vote.save(update_fields=["voters_entitled", "ballots_cast", "valid_ballots", "quota"])
    for unit_id, number in votes.items():
        by_unit[unit_id].votes = number
    VoteCount.objects.bulk_update(counts, ["votes"])
    bump_cluster_year(pk=vote.cluster_year_id)
    audit_record(
        actor=actor, action="vote_counts", obj=vote, before=before, after=_snapshot(vote, counts)
    )
    return vote


@transaction.atomic
def vote_close(*, actor, vote, expected_version, tie_break_unit_ids=(), tie_break_note=""):
    """Close the vote and mark the nominated units. A tie at the quota boundary needs the
    chair's choice (exactly the number of seats left, among the tied) and a note."""
    require_cluster_secretary(actor, vote.cluster_year.cluster_id)
    _ensure_open(vote)
    counts = _counts(vote)
    before = _snapshot(vote, counts)
    if vote.ballots_cast == 0:
        raise DomainError(_("Chưa nhập kết quả kiểm phiếu."))
    outcome = vote_outcome(
        vote=vote, counts=counts, priority=vote_women_priority(vote=vote, counts=counts)
    )
    if vote.quota is None:
        raise DomainError(outcome.warnings[0], field="quota")
    chosen = set()
    if outcome.needs_tie_break:
        tied_ids = {c.unit_id for c in outcome.tied}
        chosen = set(tie_break_unit_ids)
        if len(chosen) != outcome.seats_left or not chosen <= tied_ids:
            raise DomainError(
                _(
                    "Có %(n)s đơn vị bằng phiếu ở vị trí cuối; chủ trì cần chọn đúng %(seats)s "
                    "đơn vị trong số đó."
                )
                % {"n": len(tied_ids), "seats": outcome.seats_left},
                field="tie_break_units",
            )
        if not tie_break_note.strip():
            raise DomainError(
                _("Ghi lại quyết định của chủ trì khi bằng phiếu."), field="tie_break_note"
            )
    elif tie_break_unit_ids:
        raise DomainError(
            _("Không có trường hợp bằng phiếu cần chủ trì quyết định."), field="tie_break_units"
        )
    claim_version(vote, expected_version)
    nominated = {c.unit_id for c in outcome.nominated} | chosen
    women = {c.unit_id for c in outcome.women_first}
    for count in counts:
        count.nominated = count.unit_id in nominated
        count.won_tie_break = count.unit_id in chosen
        count.won_women_first = count.unit_id in women
    VoteCount.objects.bulk_update(counts, ["nominated", "won_tie_break", "won_women_first"])
    bump_cluster_year(pk=vote.cluster_year_id)
    vote.state = Vote.State.CLOSED
    vote.tie_break_note = tie_break_note.strip() if chosen else ""
    vote.save(update_fields=["state", "tie_break_note"])
    audit_record(
        actor=actor,
        action="vote_close_tie_break" if chosen else "vote_close",
        obj=vote,
        before=before,
        after=_snapshot(vote, counts),
        reason=vote.tie_break_note,
    )
    return vote


@transaction.atomic
def vote_reopen(*, actor, vote, expected_version):
    require_cluster_secretary(actor, vote.cluster_year.cluster_id)
    ensure_not_frozen(cluster_year=vote.cluster_year)
    if not vote.is_closed:
        raise DomainError(_("Cuộc bỏ phiếu đang mở."))
    counts = _counts(vote)
    before = _snapshot(vote, counts)
    claim_version(vote, expected_version)
    VoteCount.objects.filter(vote=vote).update(
        nominated=False, won_tie_break=False, won_women_first=False
    )
    bump_cluster_year(pk=vote.cluster_year_id)
    vote.state, vote.tie_break_note = Vote.State.OPEN, ""
    vote.save(update_fields=["state", "tie_break_note"])
    audit_record(
        actor=actor,
        action="vote_reopen",
        obj=vote,
        before=before,
        after=_snapshot(vote, _counts(vote)),
    )
    return vote
