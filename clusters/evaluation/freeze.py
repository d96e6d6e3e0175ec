"""Signed minutes freeze everything the cluster-year's ranking and vote were computed from:
the memberships, the scores and their evidence, the votes and their counts, the minutes.
Only ministry staff reopen the year, with a reason (``minutes_unsign``, audited as an action
of its own). Every service that writes one of these calls ``ensure_not_frozen`` first; it
takes the cluster-year's row lock, so a save and a signature of the same year never
interleave (the second waits, then sees the first)."""

from django.utils.translation import gettext as _

from clusters.models import ClusterYear, Minutes
from emulation.errors import DomainError


def cluster_year_is_frozen(*, cluster_year):
    return Minutes.objects.filter(cluster_year=cluster_year, state=Minutes.State.SIGNED).exists()


def lock_cluster_year(*, cluster_year):
    """Take the cluster-year's row lock until the end of the transaction (PostgreSQL; SQLite
    serialises writers anyway). Group caps, freezes and membership changes are checked under
    it, so two concurrent saves cannot both pass a check that only one may."""
    ClusterYear.objects.select_for_update().filter(pk=cluster_year.pk).values_list("pk").first()


def ensure_not_frozen(*, cluster_year):
    """Every evaluation service calls this first: a signed year is read-only."""
    lock_cluster_year(cluster_year=cluster_year)
    if cluster_year_is_frozen(cluster_year=cluster_year):
        raise DomainError(
            _(
                "Biên bản họp năm %(year)s đã ký: điểm, xếp hạng và kết quả bỏ phiếu đã "
                "được khóa. Cần Vụ Thi đua - Khen thưởng mở khóa (kèm lý do) trước khi sửa."
            )
            % {"year": cluster_year.year}
        )
