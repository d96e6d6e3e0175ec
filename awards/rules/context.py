"""Everything the rules read for one proposal, or for one unit head's decision, loaded in a
bounded number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from awards.models import Award, Nomination, Proposal
from awards.rules.base import CO_BO, CO_CP, TTLDTT
from clusters.models import VoteCount
from emulation.models import MinistryAwardSetting
from emulation.selectors import quota_per_cluster
from units.models import PersonYear, UnitHeadDecision, UnitYear

# Discipline at cảnh cáo (warning) or above; khiển trách (reprimand) is below it.
WARNING_OR_ABOVE = frozenset(
    {
        PersonYear.Discipline.WARNING,
        PersonYear.Discipline.DEMOTION,
        PersonYear.Discipline.DISMISSAL,
    }
)


@dataclass
class RuleContext:
    proposal: Proposal | None  # None for a unit head's decision
    regime: object
    year: int
    lines: list
    on: datetime.date = None  # the date of this check (today, or the decision's date)
    person_years: dict = field(default_factory=dict)  # (person_id, year) -> PersonYear
    person_disciplines: dict = field(default_factory=dict)  # person_id -> [PersonYear]
    person_pending: dict = field(default_factory=dict)  # person_id -> [years]
    person_titles: dict = field(default_factory=dict)  # person_id -> {year: {codes}}
    unit_titles: dict = field(default_factory=dict)  # unit_id -> {year: {codes}}
    unit_years: dict = field(default_factory=dict)  # unit_id -> UnitYear (this year)
    unit_pending: dict = field(default_factory=dict)  # unit_id -> [years]
    unit_warned: dict = field(default_factory=dict)  # unit_id -> members warned or worse
    vote_nominated: dict = field(default_factory=dict)  # (code, unit_id) -> bool
    elsewhere: list = field(default_factory=list)  # (person, unit, code) of other proposals
    kinds: dict = field(default_factory=dict)  # award code -> title / form (codes seen)
    names: dict = field(default_factory=dict)  # award code -> Vietnamese name (codes seen)
    flag_units: dict = field(default_factory=dict)  # CO_BO / CO_CP -> unit ids, whole ministry
    ministry_settings: dict = field(default_factory=dict)  # code -> MinistryAwardSetting
    council_results: dict = field(default_factory=dict)  # line_id -> latest MeetingLine.result

    def quota_for(self, award_title):
        return quota_per_cluster(award_title=award_title, settings=self.ministry_settings)

    def titles_of(self, line):
        if line.person_id:
            return self.person_titles.get(line.person_id, {})
        return self.unit_titles.get(line.unit_id, {})

    def person_year(self, line, year=None):
        return self.person_years.get((line.person_id, year or self.year))

    def live_lines(self):
        return [line for line in self.lines if not line.is_rejected]

    def check_dates(self):
        """The dates a pending matter is checked on: the proposal's own date (when it was
        made) and the date of this check (review or decision)."""
        dates = {self.on}
        if self.proposal and self.proposal.dated:
            dates.add(self.proposal.dated)
        return sorted(dates)


def _flag_units(cluster_year, proposal, lines):
    """Units of the ministry holding, or proposed for, each flag in the year."""
    year = cluster_year.year
    ministry_id = cluster_year.cluster.ministry_id
    found = {CO_BO: set(), CO_CP: set()}
    awards = Award.active.filter(
        year=year,
        award_title__code__in=found,
        person__isnull=True,
        decision__proposal__cluster_year__cluster__ministry_id=ministry_id,
    ).values_list("award_title__code", "unit_id")
    proposed = (
        Nomination.objects.filter(
            proposal__cluster_year__year=year,
            proposal__cluster_year__cluster__ministry_id=ministry_id,
            award_title__code__in=found,
            person__isnull=True,
        )
        .exclude(proposal=proposal)
        .exclude(proposal__state=Proposal.State.DRAFT)
        .exclude(outcome=Nomination.Outcome.REJECTED)
        .values_list("award_title__code", "unit_id")
    )
    for code, unit_id in [*awards, *proposed]:
        found[code].add(unit_id)
    for line in lines:
        if line.award_title.code in found and not line.person_id:
            found[line.award_title.code].add(line.unit_id)
    return found


def _titles_by_year():
    return defaultdict(lambda: defaultdict(set))


def _load_people(ctx, person_ids):
    """The people's yearly records: ratings, disciplines, pending matters, prior titles."""
    records = PersonYear.objects.filter(person_id__in=person_ids).prefetch_related("prior_titles")
    for record in records:
        ctx.person_years[(record.person_id, record.year)] = record
        if record.discipline_level:
            ctx.person_disciplines.setdefault(record.person_id, []).append(record)
        if record.pending_review and record.year >= ctx.year:
            ctx.person_pending.setdefault(record.person_id, []).append(record.year)
        for title in record.prior_titles.all():
            ctx.person_titles[record.person_id][record.year].add(title.code)
            ctx.kinds[title.code], ctx.names[title.code] = title.kind, title.name_vi


def _load_titles_held(ctx, person_ids, unit_ids, awards):
    """The titles held by year: ``awards`` (the active awards to count) and the unit head's
    decisions (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …)."""
    awards = awards.filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids))
    for award_year, person_id, unit_id, code, kind, name in awards.values_list(
        "year",
        "person_id",
        "unit_id",
        "award_title__code",
        "award_title__kind",
        "award_title__name_vi",
    ):
        ctx.kinds[code], ctx.names[code] = kind, name
        if person_id:
            if person_id in person_ids:
                ctx.person_titles[person_id][award_year].add(code)
        else:
            ctx.unit_titles[unit_id][award_year].add(code)
    head_decisions = UnitHeadDecision.objects.filter(
        Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids, person__isnull=True)
    ).values_list("year", "person_id", "unit_id", "award_title__code")
    for decision_year, person_id, unit_id, code in head_decisions:
        if person_id:
            ctx.person_titles[person_id][decision_year].add(code)
        else:
            ctx.unit_titles[unit_id][decision_year].add(code)


def _load_units(ctx, unit_ids):
    """The units' figures of the year, their pending matters, and for each Tập thể lao động
    tiên tiến line the members disciplined at cảnh cáo or above in the year."""
    for record in UnitYear.objects.filter(unit_id__in=unit_ids, year__gte=ctx.year):
        if record.year == ctx.year:
            ctx.unit_years[record.unit_id] = record
        if record.pending_review:
            ctx.unit_pending.setdefault(record.unit_id, []).append(record.year)
    collective_units = {
        line.unit_id for line in ctx.lines if not line.person_id and line.award_title.code == TTLDTT
    }
    if collective_units:
        warned = PersonYear.objects.filter(
            person__unit_id__in=collective_units,
            year=ctx.year,
            discipline_level__in=WARNING_OR_ABOVE,
        ).values_list("person__unit_id", flat=True)
        for unit_id in warned:
            ctx.unit_warned[unit_id] = ctx.unit_warned.get(unit_id, 0) + 1


def _load_subjects(ctx, awards):
    """What the rules read about the lines' people and units (shared by both contexts)."""
    person_ids = {line.person_id for line in ctx.lines if line.person_id}
    unit_ids = {line.unit_id for line in ctx.lines}
    ctx.person_titles, ctx.unit_titles = _titles_by_year(), _titles_by_year()
    _load_people(ctx, person_ids)
    _load_titles_held(ctx, person_ids, unit_ids, awards)
    _load_units(ctx, unit_ids)
    return person_ids, unit_ids


def _name_lines(ctx):
    for line in ctx.lines:
        ctx.kinds[line.award_title.code] = line.award_title.kind
        ctx.names[line.award_title.code] = line.award_title.name_vi


@dataclass(frozen=True)
class HeadDecisionLine:
    """A unit head's decision as the rules see a line: its subject, title and year."""

    unit: object
    person: object
    award_title: object
    year: int
    pk = None  # not a line of any proposal
    outcome = None

    @property
    def person_id(self):
        return self.person.pk if self.person else None

    @property
    def unit_id(self):
        return self.unit.pk

    @property
    def subject_name(self):
        return self.person.full_name if self.person else self.unit.name


def head_decision_context(line, *, regime, on):
    """Everything the rules of the ``HEAD_DECISION`` stage read for one unit head's decision
    (a ``HeadDecisionLine``), judged under ``regime`` on the decision's date ``on``."""
    ctx = RuleContext(proposal=None, regime=regime, year=line.year, lines=[line], on=on)
    _load_subjects(ctx, Award.active.all())
    _name_lines(ctx)
    return ctx


def rule_context(proposal, lines=None, *, on=None):
    cluster_year = proposal.cluster_year
    year = cluster_year.year
    if lines is None:
        lines = list(
            proposal.nominations.select_related("award_title", "unit", "person").order_by("id")
        )
    from awards.regime import proposal_regime

    ctx = RuleContext(
        proposal=proposal,
        regime=proposal_regime(proposal).regime,
        year=year,
        lines=lines,
        on=on or timezone.localdate(),
    )
    # Awards this very proposal produced are its outcome, not earlier history.
    person_ids, unit_ids = _load_subjects(ctx, Award.active.exclude(nomination__proposal=proposal))
    counts = VoteCount.objects.filter(
        vote__cluster_year=cluster_year, vote__state="closed"
    ).values_list("vote__award_title__code", "unit_id", "nominated")
    ctx.vote_nominated = {(code, unit_id): nominated for code, unit_id, nominated in counts}
    elsewhere = (
        Nomination.objects.filter(proposal__cluster_year__year=year)
        .filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids, person__isnull=True))
        .exclude(proposal=proposal)
        .exclude(proposal__state=Proposal.State.DRAFT)
        .exclude(outcome=Nomination.Outcome.REJECTED)
        .values_list(
            "person_id", "unit_id", "award_title__code", "award_title__kind", "award_title__name_vi"
        )
    )
    for person_id, unit_id, code, kind, name in elsewhere:
        ctx.elsewhere.append((person_id, unit_id, code))
        ctx.kinds[code], ctx.names[code] = kind, name
    _name_lines(ctx)
    if any(line.award_title.code == CO_CP for line in lines):
        ctx.flag_units = _flag_units(cluster_year, proposal, ctx.live_lines())
    from awards.models import MeetingLine

    ctx.council_results = dict(
        MeetingLine.objects.filter(nomination_id__in=[line.pk for line in lines if line.pk])
        .order_by("meeting__held_on", "meeting_id")
        .values_list("nomination_id", "result")
    )
    ctx.ministry_settings = {
        setting.code: setting
        for setting in MinistryAwardSetting.objects.filter(
            ministry__clusters__id=cluster_year.cluster_id
        )
    }
    return ctx
