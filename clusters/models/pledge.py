from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models.core import ClusterYear
from emulation.models import AwardTitle
from units.models import Unit


class Pledge(models.Model):
    """The emulation pledge (giao ước thi đua) the members sign for a year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        OPEN = "open", _("Đang ký")
        SIGNED = "signed", _("Đã ký đủ")
        LOCKED = "locked", _("Đã khóa")

    # The colour of each state's badge (``state_badge``); any other state's is grey.
    BADGE_COLOURS = {
        State.OPEN: "primary",
        State.SIGNED: "success",
        State.LOCKED: "dark",
    }

    cluster_year = models.OneToOneField(
        ClusterYear, on_delete=models.CASCADE, related_name="pledge"
    )
    state = models.CharField(_("trạng thái"), max_length=10, choices=State, default=State.DRAFT)
    signed_at_place = models.CharField(_("địa điểm ký"), max_length=200, blank=True)
    conference_date = models.DateField(_("ngày hội nghị ký kết"), null=True, blank=True)
    note = models.TextField(
        _("ghi chú về nguồn số liệu"),
        blank=True,
        help_text=_("Ví dụ: phần nào theo văn bản gốc, phần nào là số liệu minh họa."),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")

    def __str__(self):
        return f"{_('Giao ước')} {self.cluster_year}"

    @property
    def is_draft(self):
        """Its text is still being written: opened for signing next."""
        return self.state == self.State.DRAFT

    @property
    def is_locked(self):
        """Nothing changes any more unless ministry staff reopen it."""
        return self.state == self.State.LOCKED

    @property
    def can_sign(self):
        """Members' signatures are recorded: opened, and not locked."""
        return self.state in (self.State.OPEN, self.State.SIGNED)

    @property
    def can_lock(self):
        """Signed by every member (as last counted; locking counts again)."""
        return self.state == self.State.SIGNED


class Commitment(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="commitments")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("nội dung giao ước")
        verbose_name_plural = _("nội dung giao ước")
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.order}. {self.text[:60]}"


class TitleRegistration(models.Model):
    """A unit registers the title it aims for, for itself or for a named person."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="registrations")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, verbose_name=_("đơn vị"))
    award_title = models.ForeignKey(
        AwardTitle, on_delete=models.PROTECT, verbose_name=_("danh hiệu đăng ký")
    )
    person_name = models.CharField(
        _("họ tên cá nhân"), max_length=100, blank=True, help_text=_("Để trống nếu là tập thể.")
    )

    class Meta:
        verbose_name = _("đăng ký danh hiệu")
        verbose_name_plural = _("đăng ký danh hiệu")
        ordering = ["unit__name", "id"]

    def __str__(self):
        return f"{self.unit}: {self.award_title}"


class PledgeSignature(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="signatures")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, verbose_name=_("đơn vị"))
    signer_name = models.CharField(_("người ký"), max_length=100)
    signer_position = models.CharField(_("chức vụ"), max_length=150)
    signed_on = models.DateField(_("ngày ký"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("chữ ký giao ước")
        verbose_name_plural = _("chữ ký giao ước")
        constraints = [
            models.UniqueConstraint(fields=["pledge", "unit"], name="one_signature_per_unit")
        ]

    def __str__(self):
        return f"{self.unit}: {self.signer_name}"
