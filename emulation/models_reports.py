"""Year-end summary reports (báo cáo tổng kết): the narrative and document settings a
secretary edits, and every PDF generated from them (one ``ReportVersion`` per request)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from emulation.bounds import validate_year


class YearEndReport(models.Model):
    """The report of a cluster-year, or the ministry-wide report of a ministry's year.

    Document settings left blank fall back to defaults drawn from the ministry, the cluster
    and its leadership record (see ``emulation.reports.data.document_settings``)."""

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
    # Document settings (Decree 30/2020/NĐ-CP); blank = default.
    superior_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    summary = models.CharField(_("trích yếu"), max_length=300, blank=True)
    signer_on_behalf = models.CharField(_("thẩm quyền ký"), max_length=200, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
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


class ReportVersion(models.Model):
    """One generation of a report's PDF. Old versions are kept."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        BUILDING = "building", _("Đang tạo")
        READY = "ready", _("Đã xong")
        FAILED = "failed", _("Lỗi")

    FINAL = (Status.READY, Status.FAILED)

    report = models.ForeignKey(YearEndReport, on_delete=models.CASCADE, related_name="versions")
    request_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status, default=Status.QUEUED)
    error_message = models.TextField(_("lỗi"), blank=True)
    file = models.FileField(_("tệp PDF"), upload_to="reports/", blank=True)
    requested_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    generated_at = models.DateTimeField(_("tạo xong lúc"), null=True, blank=True)
    data_version = models.CharField(_("phiên bản dữ liệu"), max_length=64, blank=True)
    sha256 = models.CharField(_("mã kiểm tra SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("dung lượng (byte)"), null=True, blank=True)
    # The lease of the build in progress: who holds it (host:pid of the worker process), since
    # when, until when; a build whose lease lapsed or whose holder died is taken over.
    lease_holder = models.CharField(_("tiến trình đang tạo"), max_length=200, blank=True)
    lease_token = models.UUIDField(null=True, blank=True, editable=False)
    leased_at = models.DateTimeField(_("bắt đầu tạo lúc"), null=True, blank=True)
    lease_expires_at = models.DateTimeField(_("hết hạn giữ lúc"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần tạo"), default=0)

    class Meta:
        verbose_name = _("bản báo cáo")
        verbose_name_plural = _("các bản báo cáo")
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.report} #{self.pk}"

    @property
    def is_final(self):
        return self.status in self.FINAL

    @property
    def is_ready(self):
        return self.status == self.Status.READY
