"""Year-end summary reports (báo cáo tổng kết): the narrative and document settings a
secretary edits, and every PDF generated from them (one ``ReportVersion`` per request)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models.builds import BuildVersion, DocumentSettings
from emulation.bounds import validate_year


class YearEndReport(DocumentSettings):
    """The report of a cluster-year, or the ministry-wide report of a ministry's year.

    Document settings left blank fall back to defaults drawn from the ministry, the cluster
    and its leadership record (see ``documents.reports.data.document_settings``)."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Báo cáo tổng kết của cụm")
        MINISTRY = "ministry", _("Báo cáo tổng kết toàn bộ, ngành")

    kind = models.CharField(_("loại"), max_length=10, choices=Kind)
    ministry = models.ForeignKey(
        "emulation.Ministry", on_delete=models.CASCADE, related_name="year_end_reports"
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_year])
    cluster_year = models.OneToOneField(
        "clusters.ClusterYear",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="year_end_report",
    )
    # Narrative sections, plain text; a blank line separates paragraphs.
    organisation = models.TextField(_("Công tác tổ chức các phong trào thi đua"), blank=True)
    results = models.TextField(_("Kết quả đạt được"), blank=True)
    shortcomings = models.TextField(_("Tồn tại, hạn chế và nguyên nhân"), blank=True)
    lessons = models.TextField(_("Bài học kinh nghiệm"), blank=True)
    direction = models.TextField(_("Phương hướng, nhiệm vụ năm tới"), blank=True)
    # More document settings (the rest: DocumentSettings); blank = default.
    superior_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo tổng kết")
        verbose_name_plural = _("báo cáo tổng kết")
        ordering = ["-year", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ministry", "year"],
                condition=models.Q(kind="ministry"),
                name="one_ministry_report_per_year",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="ministry", cluster_year__isnull=True)
                | models.Q(kind="cluster", cluster_year__isnull=False),
                name="report_kind_matches_scope",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.CLUSTER:
            return f"{_('Báo cáo tổng kết')} {self.cluster_year}"
        return f"{_('Báo cáo tổng kết')} {self.ministry} – {self.year}"


class ReportVersion(BuildVersion):
    """One generation of a report's PDF. Old versions are kept."""

    # The colour of each status's badge (``state_badge``); any other status's is grey.
    BADGE_COLOURS = {BuildVersion.Status.READY: "success", BuildVersion.Status.FAILED: "danger"}

    report = models.ForeignKey(YearEndReport, on_delete=models.CASCADE, related_name="versions")
    file = models.FileField(_("tệp PDF"), upload_to="reports/", blank=True)
    # Who asked for it, named as they were then (as the audit trail names its actors): the
    # report page lists it, cached by the versions' states, which a renamed account leaves.
    requested_by_name = models.CharField(_("người yêu cầu"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("bản báo cáo")
        verbose_name_plural = _("các bản báo cáo")
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.report} #{self.pk}"
