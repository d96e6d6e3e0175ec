"""What every document holds (its Decree 30 settings) and what every generated file records
(the build's state, its lease and the result's checksum; ``documents.pipeline`` drives it)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentSettings(models.Model):
    """What Decree 30/2020/NĐ-CP prints around a document's text (Art. 8 and Annex I): place
    and date, summary line, signing authority, signer, recipients. Blank = a default drawn
    from the data."""

    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    summary = models.CharField(_("trích yếu"), max_length=300, blank=True)
    signer_on_behalf = models.CharField(_("thẩm quyền ký"), max_length=200, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)

    class Meta:
        abstract = True


class BuildVersion(models.Model):
    """One generation of a file. Old versions are kept."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        BUILDING = "building", _("Đang tạo")
        READY = "ready", _("Đã xong")
        FAILED = "failed", _("Lỗi")

    FINAL = (Status.READY, Status.FAILED)

    request_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status, default=Status.QUEUED)
    error_message = models.TextField(_("lỗi"), blank=True)
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
        abstract = True

    @property
    def is_final(self):
        return self.status in self.FINAL

    @property
    def is_ready(self):
        return self.status == self.Status.READY

    @property
    def is_failed(self):
        return self.status == self.Status.FAILED
