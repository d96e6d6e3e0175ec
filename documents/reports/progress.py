"""Where each cluster-year stands: the steps of the year (leadership, pledge, registrations,
signatures, scores, vote, minutes, proposal, report), each with its state, its deadline and
the next action. The secretary's home shows them as a task list, the leader's dashboard as
tiles. Read for many cluster-years at once in a fixed number of queries (the reports layer
reads every app)."""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from awards.models import Award, Proposal
from clusters.evaluation.selectors import scoring_tables_for
from clusters.models import (
    ClusterYear,
    Membership,
    Minutes,
    Pledge,
    PledgeSignature,
    Score,
    ScoringTable,
    TitleRegistration,
    Vote,
)
from documents.models import ReportVersion

TILE_KEYS = ("leadership", "pledge", "scores", "vote", "minutes", "proposal", "report")
# A deadline this close (or passed) puts its cluster-year at the top of the list.
NEAR_DAYS = 14

DONE, DOING, TODO, WAITING, RETURNED = "done", "doing", "todo", "waiting", "returned"
STATE_LABELS = {
    DONE: gettext_lazy("Xong"),
    DOING: gettext_lazy("Đang làm"),
    TODO: gettext_lazy("Chưa làm"),
    WAITING: gettext_lazy("Chờ Bộ xét"),
    RETURNED: gettext_lazy("Bị trả lại"),
}


class PdfState(NamedTuple):
    """What the progress reads of a report's PDF version: its id (the download link), its
    build's state and its cluster-year."""

    pk: int
    status: str
    cluster_year_id: int

    # A build's states mean what they mean on the version itself.
    Status = ReportVersion.Status
    FINAL = ReportVersion.FINAL
    is_ready = ReportVersion.is_ready
    is_final = ReportVersion.is_final


@dataclass
class Step:
    key: str
    label: str
    state: str
    detail: str = ""
    action: str = ""  # the next thing to do, as a button text
    url: str = ""
    action_url: str = ""  # where the action leads, when not the step's own page
    post: bool = False  # the action is a POST (it creates something)
    deadline: datetime.date | None = None
    overdue: bool = False
    near: bool = False

    @property
    def target(self):
        return self.action_url or self.url

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def is_done(self):
        return self.state in (DONE, WAITING)

    @property
    def is_returned(self):
        """Sent back by the ministry: first on the secretary's list."""
        return self.state == RETURNED


@dataclass
class YearProgress:
    cluster_year: ClusterYear
    steps: list = field(default_factory=list)
    proposal: Proposal | None = None
    ready_version: PdfState | None = None
    awards_count: int = 0
    reward_total: int = 0

    @property
    def cluster(self):
        return self.cluster_year.cluster

    @property
    def next_step(self):
        """The first step not done: a returned proposal comes before everything."""
        for step in self.steps:
            if step.is_returned:
                return step
        return next((step for step in self.steps if not step.is_done), None)

    @property
    def tiles(self):
        """The leader's tiles: the steps without the secretary's per-unit entry work."""
        return [step for step in self.steps if step.key in TILE_KEYS]

    @property
    def returned(self):
        return any(step.is_returned for step in self.steps)

    @property
    def overdue(self):
        return [step for step in self.steps if step.overdue]

    @property
    def near(self):
        return [step for step in self.steps if step.near]

    @property
    def done_count(self):
        return sum(1 for step in self.steps if step.is_done)

    def step(self, key):
        return next(step for step in self.steps if step.key == key)

    def sort_key(self):
        """Returned proposals first, then overdue or near deadlines (soonest first)."""
        deadlines = [s.deadline for s in self.steps if (s.overdue or s.near) and s.deadline]
        return (
            not self.returned,
            not deadlines,
            min(deadlines) if deadlines else datetime.date.max,
            self.cluster.number,
        )


def _counts(queryset, key):
    return dict(queryset.order_by().values_list(key).annotate(n=Count("id")))


def _score_totals(cluster_years):
    """(agreed cells, cells to score) per cluster-year: members × criteria of its table
    (the cluster's own table for the year, else the ministry's)."""
    tables = scoring_tables_for(
        cluster_years=cluster_years,
        tables=ScoringTable.objects.annotate(criteria=Count("groups__criteria")),
    )
    agreed = dict(
        Score.objects.filter(cluster_year__in=cluster_years, agreed_score__isnull=False)
        .order_by()
        .values_list("cluster_year")
        .annotate(n=Count("id"))
    )
    totals = {}
    for cy in cluster_years:
        table = tables[cy.pk]
        totals[cy.pk] = (agreed.get(cy.pk, 0), table.criteria if table else None)
    return totals


def _deadline(step, deadline, today):
    if deadline is None or step.is_done:
        step.deadline = deadline
        return step
    step.deadline = deadline
    step.overdue = deadline < today
    step.near = not step.overdue and (deadline - today).days <= NEAR_DAYS
    return step


def report_versions_of(cluster_years):
    """The PDF versions of the cluster-years' reports, newest first, as ``PdfState`` rows
    (the home page keys its fragments by them on every request: nothing more is read)."""
    versions = ReportVersion.objects.filter(
        report__cluster_year__in=[cy.pk for cy in cluster_years]
    )
    rows = versions.order_by("-requested_at", "-id").values_list(
        "pk", "status", "report__cluster_year_id"
    )
    return [PdfState(*row) for row in rows]


def year_progress(*, cluster_years, can_write=lambda cluster: False, today=None, pdfs=None):
    """The progress of each cluster-year, most urgent first. ``can_write(cluster)`` says
    whether the reader may act (the next action is offered only then); ``pdfs``: their
    ``report_versions_of``, when already read."""
    cluster_years = list(
        ClusterYear.objects.filter(pk__in=[cy.pk for cy in cluster_years]).select_related(
            "cluster__ministry",
            "emulation_year",
            "leadership__head_unit",
            "leadership__deputy_unit",
        )
    )
    if not cluster_years:
        return []
    today = today or timezone.localdate()
    members = _counts(Membership.objects.filter(cluster_year__in=cluster_years), "cluster_year")
    pledges = {p.cluster_year_id: p for p in Pledge.objects.filter(cluster_year__in=cluster_years)}
    signed = _counts(
        PledgeSignature.objects.filter(pledge__cluster_year__in=cluster_years),
        "pledge__cluster_year",
    )
    registered = dict(
        TitleRegistration.objects.filter(pledge__cluster_year__in=cluster_years)
        .order_by()
        .values_list("pledge__cluster_year")
        .annotate(n=Count("unit", distinct=True))
    )
    votes = {}
    for cy_id, state in Vote.objects.filter(cluster_year__in=cluster_years).values_list(
        "cluster_year", "state"
    ):
        votes.setdefault(cy_id, []).append(state)
    minutes = {m.cluster_year_id: m for m in Minutes.objects.filter(cluster_year__in=cluster_years)}
    proposals = {
        p.cluster_year_id: p
        for p in Proposal.objects.filter(cluster_year__in=cluster_years).annotate(
            line_count=Count("nominations")
        )
    }
    awards = {
        row["nomination__proposal__cluster_year"]: row
        for row in Award.objects.filter(
            nomination__proposal__cluster_year__in=cluster_years, revoked_at__isnull=True
        )
        .order_by()
        .values("nomination__proposal__cluster_year")
        .annotate(n=Count("id"), money=Sum("amount"))
    }
    versions = {}
    for version in pdfs if pdfs is not None else report_versions_of(cluster_years):
        versions.setdefault(version.cluster_year_id, []).append(version)
    scores = _score_totals(cluster_years)

    result = []
    for cy in cluster_years:
        urls = _Urls(cy)
        writes = can_write(cy.cluster)
        total = members.get(cy.pk, 0)
        progress = YearProgress(cluster_year=cy, proposal=proposals.get(cy.pk))
        ready = [v for v in versions.get(cy.pk, []) if v.is_ready]
        progress.ready_version = ready[0] if ready else None
        row = awards.get(cy.pk)
        progress.awards_count = row["n"] if row else 0
        progress.reward_total = (row["money"] or 0) if row else 0
        ey = cy.emulation_year
        progress.steps = [
            _leadership_step(cy, urls),
            _deadline(_pledge_step(pledges.get(cy.pk), urls), ey.pledge_deadline, today),
            _registration_step(pledges.get(cy.pk), registered.get(cy.pk, 0), total, urls),
            _signature_step(pledges.get(cy.pk), signed.get(cy.pk, 0), total, urls),
            _deadline(_score_step(scores[cy.pk], total, urls), ey.scores_deadline, today),
            _vote_step(votes.get(cy.pk, []), urls),
            _minutes_step(minutes.get(cy.pk), urls),
            _deadline(_proposal_step(progress.proposal, urls), ey.proposals_deadline, today),
            _report_step(versions.get(cy.pk, []), urls),
        ]
        if not writes:
            for step in progress.steps:
                step.action, step.post = "", False
        result.append(progress)
    return sorted(result, key=YearProgress.sort_key)


class _Urls:
    def __init__(self, cluster_year):
        self.args = [cluster_year.cluster_id, cluster_year.year]

    def __call__(self, name):
        return reverse(name, args=self.args)


def _leadership_step(cy, urls):
    label = _("Cụm trưởng, Cụm phó")
    term = getattr(cy, "leadership", None)
    if term is None:
        return Step(
            "leadership",
            label,
            TODO,
            _("Chưa ghi Cụm trưởng, Cụm phó."),
            _("Ghi Cụm trưởng, Cụm phó"),
            urls("clusters:leadership_edit"),
        )
    return Step(
        "leadership",
        label,
        DONE,
        f"{term.head_unit.name} / {term.deputy_unit.name}",
        url=urls("clusters:leadership_edit"),
    )


def _pledge_step(pledge, urls):
    label = _("Giao ước thi đua")
    if pledge is None:
        return Step(
            "pledge",
            label,
            TODO,
            _("Chưa lập giao ước."),
            _("Lập giao ước"),
            urls("clusters:pledge_create"),
            post=True,
        )
    state = {
        Pledge.State.DRAFT: DOING,
        Pledge.State.OPEN: DOING,
        Pledge.State.SIGNED: DOING,
        Pledge.State.LOCKED: DONE,
    }[pledge.state]
    action = {
        Pledge.State.DRAFT: _("Sửa nội dung, mở ký"),
        Pledge.State.OPEN: _("Ghi chữ ký"),
        Pledge.State.SIGNED: _("Khóa giao ước"),
    }.get(pledge.state, "")
    # Signatures are written in the one-table board: the action goes there at once.
    board = urls("clusters:pledge_board") if pledge.state == Pledge.State.OPEN else ""
    return Step(
        "pledge",
        label,
        state,
        pledge.get_state_display(),
        action,
        urls("clusters:pledge"),
        action_url=board,
    )


def _of_units(done, total):
    return ngettext("%(done)s/%(total)s đơn vị", "%(done)s/%(total)s đơn vị", total) % {
        "done": done,
        "total": total,
    }


def _registration_step(pledge, registered, total, urls):
    label = _("Đăng ký danh hiệu")
    if pledge is None:
        return Step("registrations", label, TODO, _("Cần lập giao ước trước."))
    state = DONE if total and registered >= total else (DOING if registered else TODO)
    action = "" if state == DONE or pledge.is_locked else _("Nhập đăng ký")
    return Step(
        "registrations",
        label,
        state,
        _of_units(registered, total),
        action,
        urls("clusters:pledge_board"),
    )


def _signature_step(pledge, signed, total, urls):
    label = _("Ký giao ước")
    if pledge is None or pledge.is_draft:
        return Step("signatures", label, TODO, _("Giao ước chưa mở ký."))
    state = DONE if total and signed >= total else (DOING if signed else TODO)
    action = "" if state == DONE or pledge.is_locked else _("Nhập chữ ký")
    return Step(
        "signatures", label, state, _of_units(signed, total), action, urls("clusters:pledge_board")
    )


def _score_step(totals, members, urls):
    label = _("Chấm điểm")
    agreed, criteria = totals
    if criteria is None:
        return Step("scores", label, TODO, _("Chưa có bảng tiêu chí cho năm này."))
    cells = criteria * members
    state = DONE if cells and agreed >= cells else (DOING if agreed else TODO)
    detail = ngettext(
        "%(agreed)s/%(cells)s ô đã có điểm cụm chấm",
        "%(agreed)s/%(cells)s ô đã có điểm cụm chấm",
        cells,
    ) % {"agreed": agreed, "cells": cells}
    action = "" if state == DONE else _("Chấm điểm")
    return Step("scores", label, state, detail, action, urls("clusters:scores"))


def _vote_step(states, urls):
    label = _("Bỏ phiếu suy tôn")
    closed = states.count(Vote.State.CLOSED)
    if not states:
        return Step(
            "vote", label, TODO, _("Chưa có cuộc bỏ phiếu."), _("Bỏ phiếu"), urls("clusters:votes")
        )
    state = DONE if closed == len(states) else DOING
    detail = ngettext(
        "%(closed)s/%(n)s cuộc bỏ phiếu đã kết thúc",
        "%(closed)s/%(n)s cuộc bỏ phiếu đã kết thúc",
        len(states),
    ) % {"closed": closed, "n": len(states)}
    action = "" if state == DONE else _("Kiểm phiếu")
    return Step("vote", label, state, detail, action, urls("clusters:votes"))


def _minutes_step(minutes, urls):
    label = _("Biên bản họp")
    if minutes is None:
        return Step(
            "minutes",
            label,
            TODO,
            _("Chưa lập biên bản."),
            _("Lập biên bản"),
            urls("clusters:minutes_edit"),
        )
    if minutes.is_signed:
        return Step(
            "minutes", label, DONE, minutes.get_state_display(), url=urls("clusters:minutes")
        )
    return Step(
        "minutes",
        label,
        DOING,
        minutes.get_state_display(),
        _("Ký biên bản"),
        urls("clusters:minutes"),
    )


def _proposal_step(proposal, urls):
    label = _("Hồ sơ đề nghị khen thưởng")
    if proposal is None:
        return Step(
            "proposal",
            label,
            TODO,
            _("Chưa lập hồ sơ."),
            _("Lập hồ sơ"),
            urls("awards:create"),
            post=True,
        )
    url = proposal.get_absolute_url()
    if proposal.is_returned:
        return Step(
            "proposal",
            label,
            RETURNED,
            _("Bộ trả lại: %(reason)s") % {"reason": proposal.return_reason},
            _("Sửa và gửi lại"),
            url,
        )
    if proposal.state == Proposal.State.DRAFT:
        detail = ngettext(
            "Dự thảo, %(n)s dòng đề nghị", "Dự thảo, %(n)s dòng đề nghị", proposal.line_count
        ) % {"n": proposal.line_count}
        return Step("proposal", label, DOING, detail, _("Hoàn thiện và gửi"), url)
    if proposal.is_decided:
        return Step("proposal", label, DONE, proposal.get_state_display(), url=url)
    return Step("proposal", label, WAITING, proposal.get_state_display(), url=url)


def _report_step(versions, urls):
    label = _("Báo cáo tổng kết")
    url = urls("reports:cluster")
    if any(v.is_ready for v in versions):
        return Step("report", label, DONE, _("Đã có bản PDF."), url=url)
    if any(not v.is_final for v in versions):
        return Step("report", label, DOING, _("Đang tạo bản PDF."), url=url)
    return Step("report", label, TODO, _("Chưa có bản PDF."), _("Viết và tạo báo cáo"), url)


def overdue_deadlines(progress_list):
    """Every overdue step of the listed cluster-years: (progress, step)."""
    return [(p, s) for p in progress_list for s in p.steps if s.overdue]
