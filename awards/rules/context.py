"""Everything the rules read for one proposal, loaded in a bounded number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from awards.models import Award, Nomination, Proposal
from clusters.models import VoteCount
from emulation.models import MinistryAwardSetting
from units.models import PersonYear, UnitHeadDecision, UnitYear


@dataclass
class RuleContext:
    proposal: Proposal
    regime: object
    year: int
    lines: list
    person_years: dict = field(default_factory=dict)  # (person_id, year) -> PersonYear
    person_disciplines: dict = field(default_factory=dict)  # person_id -> [PersonYear]
    person_titles: dict = field(default_factory=dict)  # person_id -> {year: {codes}}
    unit_titles: dict = field(default_factory=dict)  # unit_id -> {year: {codes}}
    unit_years: dict = field(default_factory=dict)  # unit_id -> UnitYear (this year)
    vote_nominated: dict = field(default_factory=dict)  # (code, unit_id) -> bool
    elsewhere: list = field(default_factory=list)  # lines of other proposals, same year
    ministry_settings: dict = field(default_factory=dict)  # code -> MinistryAwardSetting
    council_results: dict = field(default_factory=dict)  # line_id -> latest MeetingLine.result

    def quota_for(self, award_title):
        """The ministry's own quota per cluster for the title, else the national catalogue's."""
        setting = self.ministry_settings.get(award_title.code)
        if setting is not None and setting.quota_per_cluster is not None:
            return setting.quota_per_cluster
        return award_title.quota_per_cluster

    def titles_of(self, line):
        if line.person_id:
            return self.person_titles.get(line.person_id, {})
        return self.unit_titles.get(line.unit_id, {})

    def person_year(self, line, year=None):
        return self.person_years.get((line.person_id, year or self.year))

    def live_lines(self):
        return [line for line in self.lines if line.outcome != Nomination.Outcome.REJECTED]


def rule_context(proposal, lines=None):
    cluster_year = proposal.cluster_year
    year = cluster_year.year
    if lines is None:
        lines = list(
            proposal.nominations.select_related("award_title", "unit", "person").order_by("id")
        )
    person_ids = {line.person_id for line in lines if line.person_id}
    unit_ids = {line.unit_id for line in lines}
    from awards.regime import proposal_regime

    ctx = RuleContext(
        proposal=proposal, regime=proposal_regime(proposal).regime, year=year, lines=lines
    )
    person_titles = defaultdict(lambda: defaultdict(set))
    unit_titles = defaultdict(lambda: defaultdict(set))
    records = PersonYear.objects.filter(person_id__in=person_ids).prefetch_related("prior_titles")
    for record in records:
        ctx.person_years[(record.person_id, record.year)] = record
        if record.discipline_level:
            ctx.person_disciplines.setdefault(record.person_id, []).append(record)
        for title in record.prior_titles.all():
            person_titles[record.person_id][record.year].add(title.code)
    # Awards this very proposal produced are its outcome, not earlier history.
    awards = Award.active.filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids)).exclude(
        nomination__proposal=proposal
    )
    for award_year, person_id, unit_id, code in awards.values_list(
        "year", "person_id", "unit_id", "award_title__code"
    ):
        if person_id:
            if person_id in person_ids:
                person_titles[person_id][award_year].add(code)
        else:
            unit_titles[unit_id][award_year].add(code)
    # The unit head's own decisions (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …).
    head_decisions = UnitHeadDecision.objects.filter(
        Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids, person__isnull=True)
    ).values_list("year", "person_id", "unit_id", "award_title__code")
    for decision_year, person_id, unit_id, code in head_decisions:
        if person_id:
            person_titles[person_id][decision_year].add(code)
        else:
            unit_titles[unit_id][decision_year].add(code)
    ctx.person_titles = person_titles
    ctx.unit_titles = unit_titles
    ctx.unit_years = {
        r.unit_id: r for r in UnitYear.objects.filter(unit_id__in=unit_ids, year=year)
    }
    counts = VoteCount.objects.filter(
        vote__cluster_year=cluster_year, vote__state="closed"
    ).values_list("vote__award_title__code", "unit_id", "nominated")
    ctx.vote_nominated = {(code, unit_id): nominated for code, unit_id, nominated in counts}
    ctx.elsewhere = list(
        Nomination.objects.filter(proposal__cluster_year__year=year)
        .filter(Q(person_id__in=person_ids) | Q(unit_id__in=unit_ids, person__isnull=True))
        .exclude(proposal=proposal)
        .exclude(proposal__state=Proposal.State.DRAFT)
        .exclude(outcome=Nomination.Outcome.REJECTED)
        .values_list("person_id", "unit_id", "award_title__code")
    )
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
