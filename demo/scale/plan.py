"""How big the national data set is, for a ``--scale`` factor.

Scale 1 is the whole country: 100 ministries and provinces x 20 clusters x 10 units, over
10 years, with a 40-criterion scoring table per ministry-year and every score filled in
(8,000,000 scores). Above one ministry the factor scales the number of ministries; below it,
one ministry keeps fewer clusters (scale 0.001: 2 clusters), so tests stay small."""

from dataclasses import dataclass

FULL_MINISTRIES = 100
FULL_CLUSTERS = 20
UNITS_PER_CLUSTER = 10
YEARS = 10
CRITERIA = 40
CRITERIA_PER_GROUP = 10
COMMITMENTS = 5


@dataclass(frozen=True)
class Plan:
    ministries: int
    clusters: int  # per ministry
    last_year: int
    units: int = UNITS_PER_CLUSTER  # per cluster
    years: int = YEARS
    criteria: int = CRITERIA

    @classmethod
    def for_scale(cls, scale, *, last_year):
        if scale <= 0:
            raise ValueError("scale must be positive")
        ministries = FULL_MINISTRIES * scale
        if ministries >= 1:
            return cls(ministries=round(ministries), clusters=FULL_CLUSTERS, last_year=last_year)
        return cls(
            ministries=1, clusters=max(1, round(FULL_CLUSTERS * ministries)), last_year=last_year
        )

    @property
    def year_range(self):
        return range(self.last_year - self.years + 1, self.last_year + 1)

    @property
    def cluster_count(self):
        return self.ministries * self.clusters

    @property
    def cluster_years(self):
        return self.cluster_count * self.years

    @property
    def scores(self):
        return self.cluster_years * self.units * self.criteria

    def expected_counts(self):
        """Rows per model label, to tell whether a database already holds this plan."""
        return {
            "emulation.Ministry": self.ministries,
            "clusters.Cluster": self.cluster_count,
            "clusters.ClusterYear": self.cluster_years,
            "clusters.Score": self.scores,
            "awards.Proposal": self.cluster_years,
        }
