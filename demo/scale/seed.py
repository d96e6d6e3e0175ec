"""Build the national data set (see ``plan``) with ids chosen up front, so each table is
written in one stream and rows can point at rows not yet written."""

import datetime
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import RoleAssignment
from clusters.models import (
    Cluster,
    ClusterYear,
    Criterion,
    CriterionGroup,
    Membership,
    Minutes,
    Pledge,
    RotationPolicy,
    RotationSlot,
    ScoringTable,
    Vote,
)
from demo.scale import awards, names, records, scoring
from demo.scale.plan import CRITERIA_PER_GROUP
from demo.scale.writer import BulkWriter
from emulation.models import AwardTitle, EmulationYear, LegalRegime, Ministry
from emulation.roles import Role, roles_changed
from units.models import Unit

BENCH_PASSWORD = "thidua-bench"  # known on purpose: benchmark accounts only
REGISTERED_TITLE = "tt-lao-dong-xuat-sac"
VOTED_TITLE = "co-thi-dua-bo"


class _Seed:
    def __init__(self, plan, log):
        self.plan = plan
        self.log = log
        self.writer = BulkWriter()
        self.now = timezone.now()
        p = plan
        ids = self.writer.ids
        self.ministry = ids(Ministry, p.ministries)
        self.cluster = ids(Cluster, p.cluster_count)
        self.unit = ids(Unit, p.cluster_count * p.units)
        self.emulation_year = ids(EmulationYear, p.ministries * p.years)
        self.cluster_year = ids(ClusterYear, p.cluster_years)
        self.user = ids(get_user_model(), p.ministries * (2 + p.clusters))
        self.table = ids(ScoringTable, p.ministries * p.years)
        self.group = ids(CriterionGroup, p.ministries * p.years * p.criteria // CRITERIA_PER_GROUP)
        self.criterion = ids(Criterion, p.ministries * p.years * p.criteria)
        self.pledge = ids(Pledge, p.cluster_years)
        self.vote = ids(Vote, p.cluster_years)
        self.minute = ids(Minutes, p.cluster_years)
        self.policy = ids(RotationPolicy, p.cluster_count)
        self.titles = self._titles()

    # ---- index arithmetic: m ministry, c cluster (in its ministry), u unit, y year --------
    def cluster_index(self, m, c):
        return m * self.plan.clusters + c

    def unit_id(self, m, c, u):
        return self.unit[self.cluster_index(m, c) * self.plan.units + u]

    def cluster_year_index(self, m, c, y):
        return self.cluster_index(m, c) * self.plan.years + y

    def secretary_id(self, m, c):
        return self.user[m * (2 + self.plan.clusters) + 2 + c]

    def criterion_id(self, m, y, k):
        return self.criterion[(m * self.plan.years + y) * self.plan.criteria + k]

    def cells(self):
        """Every (m, c, y, year, i) of the plan, i the cluster-year's index, in id order."""
        p = self.plan
        for m in range(p.ministries):
            for c in range(p.clusters):
                for y, year in enumerate(p.year_range):
                    yield m, c, y, year, self.cluster_year_index(m, c, y)

    def _titles(self):
        regimes = {year: LegalRegime.for_year(year) for year in self.plan.year_range}
        if None in regimes.values():
            raise ValueError("no legal regime for some year: run migrate first")
        by_regime = {
            (t.regime_id, t.code): t.pk
            for t in AwardTitle.objects.filter(code__in=[REGISTERED_TITLE, VOTED_TITLE])
        }
        return {
            year: (
                regime.pk,
                by_regime[(regime.pk, REGISTERED_TITLE)],
                by_regime[(regime.pk, VOTED_TITLE)],
            )
            for year, regime in regimes.items()
        }

    def insert(self, model, fields, rows):
        self.writer.insert(model, fields, rows)

    def run(self):
        steps = [
            _Seed.organisations,
            _Seed.accounts,
            _Seed.years,
            records.leadership,
            records.pledges,
            scoring.scoring_tables,
            scoring.scores,
            records.votes,
            records.minutes,
            _seed_awards,
        ]
        for step in steps:
            started = time.monotonic()
            before = dict(self.writer.counts)
            step(self)
            rows = sum(self.writer.counts.values()) - sum(before.values())
            self.log(f"{step.__name__:<15} {rows:>10,} rows {time.monotonic() - started:7.1f} s")
        started = time.monotonic()
        self.writer.finish()
        self.log(f"{'sequences, ANALYZE':<32} {time.monotonic() - started:7.1f} s")
        return self.writer.counts

    # ---- steps -----------------------------------------------------------------------------
    def organisations(self):
        p = self.plan
        self.insert(
            Ministry,
            ["id", "name", "short_name", "kind", "place"],
            (
                (
                    self.ministry[m],
                    names.ministry_name(m),
                    names.ministry_name(m)[0] + f"{m + 1:03d}",
                    Ministry.Kind.MINISTRY if m % 2 == 0 else Ministry.Kind.PROVINCE,
                    "Hà Nội",
                )
                for m in range(p.ministries)
            ),
        )
        self.insert(
            Cluster,
            ["id", "ministry_id", "number", "name", "kind", "description"],
            (
                (
                    self.cluster[self.cluster_index(m, c)],
                    self.ministry[m],
                    c + 1,
                    f"Cụm thi đua số {c + 1}",
                    Cluster.Kind.CLUSTER,
                    "",
                )
                for m in range(p.ministries)
                for c in range(p.clusters)
            ),
        )
        self.insert(
            Unit,
            ["id", "ministry_id", "name", "short_name", "kind", "is_active"],
            (
                (
                    self.unit_id(m, c, u),
                    self.ministry[m],
                    names.unit_name(c, u),
                    f"ĐV{c + 1:02d}{u + 1:02d}",
                    names.UNIT_KINDS[u % len(names.UNIT_KINDS)].value,
                    True,
                )
                for m in range(p.ministries)
                for c in range(p.clusters)
                for u in range(p.units)
            ),
        )
        self.insert(
            RotationPolicy,
            ["id", "cluster_id", "method", "no_repeat_years", "version"],
            (
                (self.policy[n], pk, RotationPolicy.Method.ROTATION, 0, 1)
                for n, pk in enumerate(self.cluster)
            ),
        )
        self.insert(
            RotationSlot,
            ["policy_id", "unit_id", "position"],
            (
                (self.policy[self.cluster_index(m, c)], self.unit_id(m, c, u), u + 1)
                for m in range(p.ministries)
                for c in range(p.clusters)
                for u in range(p.units)
            ),
        )

    def accounts(self):
        p = self.plan
        password = make_password(BENCH_PASSWORD)  # hashed once: the same for every account
        users, roles = [], []
        for m in range(p.ministries):
            base = m * (2 + p.clusters)
            users.append((self.user[base], names.staff_username(m), names.person(base)))
            roles.append((self.user[base], Role.MINISTRY_STAFF, self.ministry[m], None))
            users.append((self.user[base + 1], names.leader_username(m), names.person(base + 1)))
            roles.append((self.user[base + 1], Role.LEADER, self.ministry[m], None))
            for c in range(p.clusters):
                pk = self.secretary_id(m, c)
                users.append((pk, names.secretary_username(m, c), names.person(base + 2 + c)))
                cluster = self.cluster[self.cluster_index(m, c)]
                roles.append((pk, Role.CLUSTER_SECRETARY, self.ministry[m], cluster))
        self.insert(
            get_user_model(),
            [
                "id",
                "username",
                "first_name",
                "last_name",
                "email",
                "password",
                "is_staff",
                "is_active",
                "is_superuser",
                "date_joined",
            ],
            (
                (pk, username, name, "", "", password, False, True, False, self.now)
                for pk, username, name in users
            ),
        )
        self.insert(RoleAssignment, ["user_id", "role", "ministry_id", "cluster_id"], roles)
        roles_changed()  # a bulk write sends no signal

    def years(self):
        p = self.plan
        self.insert(
            EmulationYear,
            [
                "id",
                "ministry_id",
                "year",
                "regime_id",
                "movement",
                "pledge_deadline",
                "scores_deadline",
                "proposals_deadline",
            ],
            (
                (
                    self.emulation_year[m * p.years + y],
                    self.ministry[m],
                    year,
                    self.titles[year][0],
                    f"Phong trào thi đua năm {year}",
                    datetime.date(year, 3, 31),
                    datetime.date(year, 11, 30),
                    datetime.date(year + 1, 1, 15),
                )
                for m in range(p.ministries)
                for y, year in enumerate(p.year_range)
            ),
        )
        self.insert(
            ClusterYear,
            ["id", "cluster_id", "emulation_year_id", "year"],
            (
                (
                    self.cluster_year[i],
                    self.cluster[self.cluster_index(m, c)],
                    self.emulation_year[m * p.years + y],
                    year,
                )
                for m, c, y, year, i in self.cells()
            ),
        )
        self.insert(
            Membership,
            ["cluster_year_id", "unit_id", "joined_on"],
            (
                (self.cluster_year[i], self.unit_id(m, c, u), None)
                for m, c, y, year, i in self.cells()
                for u in range(p.units)
            ),
        )


def _seed_awards(seed):
    """Proposals with their lines, decisions and awards; then the year-end reports."""
    awards.proposals(seed)
    awards.reports(seed)


def seed_scale(plan, *, log=print):
    """Write the whole data set of ``plan`` in one transaction; returns rows per model."""
    with transaction.atomic():
        counts = _Seed(plan, log).run()
        started = time.monotonic()
    log(f"{'commit':<32} {time.monotonic() - started:7.1f} s")
    return counts
