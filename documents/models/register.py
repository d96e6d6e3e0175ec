"""The register of outgoing documents (sổ đăng ký văn bản đi): each issuing body numbers its
papers per year and type, in order, from 1 (Decree 30/2020/NĐ-CP, Art. 15 and Annex III)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emulation.bounds import validate_year


class NumberRegister(models.Model):
    """One issuing body's numbers for one year and one type code. ``last_number`` is the last
    number issued; ``documents.services.register.issue_number`` takes the next one under a row
    lock of this register."""

    class TypeCode(models.TextChoices):
        REPORT = "BC", _("Báo cáo")
        SUBMISSION = "TTr", _("Tờ trình")
        MINUTES = "BB", _("Biên bản")
        DECISION = "QĐ", _("Quyết định")

    ministry = models.ForeignKey(
        "emulation.Ministry", on_delete=models.PROTECT, related_name="+", verbose_name=_("bộ")
    )
    cluster = models.ForeignKey(
        "clusters.Cluster",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cụm thi đua"),
        help_text=_("Để trống khi cơ quan ban hành là bộ hoặc hội đồng của bộ."),
    )
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    body_code = models.CharField(
        _("chữ viết tắt của cơ quan"),
        max_length=30,
        help_text=_("Phần sau dấu gạch ngang của ký hiệu, ví dụ “CTĐ2”, “BTP”, “HĐTĐKT”."),
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_year])
    type_code = models.CharField(_("loại văn bản"), max_length=10, choices=TypeCode)
    last_number = models.PositiveIntegerField(_("số đã cấp gần nhất"), default=0)

    class Meta:
        verbose_name = _("sổ đăng ký văn bản")
        verbose_name_plural = _("sổ đăng ký văn bản")
        ordering = ["ministry", "-year", "body_code", "type_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["ministry", "body_code", "year", "type_code"],
                name="one_register_per_body_year_type",
            )
        ]

    def __str__(self):
        return f"{self.issuing_body} – {self.get_type_code_display()} – {self.year}"

    @property
    def symbol(self):
        """The symbol after the number: “TTr-CTĐ2”."""
        return f"{self.type_code}-{self.body_code}"


class RegisteredNumber(models.Model):
    """A number taken from a register. A cancelled number stays recorded and is never reused."""

    register = models.ForeignKey(
        NumberRegister, on_delete=models.PROTECT, related_name="numbers", verbose_name=_("sổ")
    )
    number = models.PositiveIntegerField(_("số"))
    summary = models.CharField(_("trích yếu"), max_length=300, blank=True)
    issued_at = models.DateTimeField(_("cấp lúc"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancel_reason = models.CharField(_("lý do hủy số"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("số văn bản")
        verbose_name_plural = _("số văn bản")
        ordering = ["register", "number"]
        constraints = [
            models.UniqueConstraint(fields=["register", "number"], name="number_once_per_register"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="number_from_one"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """Number and symbol as printed: “15/TTr-CTĐ2”."""
        return f"{self.number}/{self.register.symbol}"

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None
