from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models.core import Cluster, ClusterYear
from emulation.bounds import validate_year
from emulation.models import Ministry
from units.models import Unit


class ScoringTable(models.Model):
    """Bảng tiêu chí chấm điểm of a ministry for a year, optionally one cluster's own."""

    ministry = models.ForeignKey(Ministry, on_delete=models.CASCADE, related_name="scoring_tables")
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_year])
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scoring_tables",
        verbose_name=_("riêng cho cụm"),
    )
    name = models.CharField(_("tên bảng"), max_length=200)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("bảng tiêu chí chấm điểm")
        verbose_name_plural = _("bảng tiêu chí chấm điểm")
        ordering = ["ministry", "-year", "cluster"]
        constraints = [
            models.UniqueConstraint(
                fields=["ministry", "year", "cluster"], name="one_table_per_scope"
            ),
            models.UniqueConstraint(
                fields=["ministry", "year"],
                condition=models.Q(cluster__isnull=True),
                name="one_ministry_table_per_year",
            ),
        ]

    def __str__(self):
        return self.name


class CriterionGroup(models.Model):
    class Kind(models.TextChoices):
        CAPPED = "capped", _("Nhóm tiêu chí")
        BONUS = "bonus", _("Điểm thưởng")
        PENALTY = "penalty", _("Điểm trừ")

    table = models.ForeignKey(ScoringTable, on_delete=models.CASCADE, related_name="groups")
    code = models.CharField(_("số TT"), max_length=10)
    title = models.CharField(_("tên nhóm"), max_length=300)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind, default=Kind.CAPPED)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm tiêu chí")
        verbose_name_plural = _("nhóm tiêu chí")
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.code}. {self.title}"


class Criterion(models.Model):
    group = models.ForeignKey(CriterionGroup, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("số TT"), max_length=10)
    text = models.TextField(_("tiêu chí"))
    max_points = models.DecimalField(_("điểm chuẩn"), max_digits=6, decimal_places=2)
    evidence_required = models.BooleanField(_("bắt buộc minh chứng"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.code}. {self.text[:60]}"


class CriterionLevel(models.Model):
    """A graded level of a criterion, e.g. on time 2 / late 1–2 days 1.5."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField(_("mức"), max_length=200)
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.label}: {self.points}"


class Score(models.Model):
    """One cell of the grid: a unit's self score and the cluster-agreed score on a criterion."""

    # No index of its own: one_score_per_cell (cluster_year, unit, criterion) serves lookups by
    # cluster-year; a second index cost 52 MB and slower writes at 8 million scores.
    cluster_year = models.ForeignKey(
        ClusterYear, on_delete=models.CASCADE, related_name="scores", db_index=False
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    self_score = models.DecimalField(
        _("điểm tự chấm"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    agreed_score = models.DecimalField(
        _("điểm cụm chấm"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    comment = models.TextField(_("nhận xét"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("điểm")
        verbose_name_plural = _("điểm")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "unit", "criterion"], name="one_score_per_cell"
            )
        ]

    def __str__(self):
        return f"{self.unit} / {self.criterion.code}"


class Evidence(models.Model):
    """Tài liệu minh chứng for a score, stored outside the web root."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to="evidence/%Y/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("tài liệu minh chứng")
        verbose_name_plural = _("tài liệu minh chứng")

    def __str__(self):
        return self.original_name
