"""A spreadsheet uploaded by ministry staff to load its organisation (units, clusters, people,
yearly records, accounts): checked first (the preview), written only when confirmed."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ kiểm tra")
        CHECKING = "checking", _("Đang kiểm tra")
        CHECKED = "checked", _("Đã kiểm tra, chờ xác nhận")
        REFUSED = "refused", _("Có dòng bị từ chối")
        COMMITTING = "committing", _("Chờ ghi")
        WRITING = "writing", _("Đang ghi")
        DONE = "done", _("Đã ghi")
        FAILED = "failed", _("Lỗi")
        CANCELLED = "cancelled", _("Đã hủy")

    # The colour of each state's badge (``state_badge``); any other state's is grey.
    BADGE_COLOURS = {
        Status.DONE: "success",
        Status.REFUSED: "danger",
        Status.FAILED: "danger",
    }

    RUNNING = (Status.QUEUED, Status.CHECKING, Status.COMMITTING, Status.WRITING)
    CANCELLABLE = (Status.CHECKED, Status.REFUSED)

    request_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ministry = models.ForeignKey(
        "emulation.Ministry",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("bộ, ngành"),
    )
    kind = models.CharField(_("danh sách"), max_length=30)
    file = models.FileField(_("tệp"), upload_to="imports/")
    file_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(_("số dòng"), default=0)
    processed_rows = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    counts = models.JSONField(_("số dòng theo loại"), default=dict)
    # Capped lists (see emulation.imports.engine): the first refused cells and changed rows.
    problems = models.JSONField(_("dòng bị từ chối"), default=list)
    changes = models.JSONField(_("thay đổi"), default=list)
    error_message = models.TextField(_("lỗi"), blank=True)
    peak_memory_kib = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    committed_at = models.DateTimeField(_("ghi lúc"), null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lần nhập Excel")
        verbose_name_plural = _("các lần nhập Excel")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.file_name} ({self.kind})"

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def is_checked(self):
        """Checked with no row refused: waiting for staff to confirm the write."""
        return self.status == self.Status.CHECKED

    @property
    def is_refused(self):
        return self.status == self.Status.REFUSED

    @property
    def is_done(self):
        return self.status == self.Status.DONE

    @property
    def is_failed(self):
        return self.status == self.Status.FAILED

    @property
    def can_cancel(self):
        """Dropped by staff: checked, and nothing of it written."""
        return self.status in self.CANCELLABLE

    @property
    def progress_percent(self):
        if not self.total_rows:
            return 0
        return min(100, self.processed_rows * 100 // self.total_rows)
