"""Signed minutes freeze the scores, ranking and votes of their cluster-year."""

from django.utils.translation import gettext as _

from clusters.models import Minutes
from emulation.errors import DomainError


def cluster_year_is_frozen(*, cluster_year):
    return Minutes.objects.filter(cluster_year=cluster_year, state=Minutes.State.SIGNED).exists()


def ensure_not_frozen(*, cluster_year):
    """Every evaluation service calls this first: a signed year is read-only."""
    if cluster_year_is_frozen(cluster_year=cluster_year):
        raise DomainError(
            _(
                "Biên bản họp năm %(year)s đã ký: điểm, xếp hạng và kết quả bỏ phiếu đã "
                "được khóa. Cần Vụ Thi đua - Khen thưởng mở khóa (kèm lý do) trước khi sửa."
            )
            % {"year": cluster_year.year}
        )
