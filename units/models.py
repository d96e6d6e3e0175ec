from django.db import models
from django.utils.translation import gettext_lazy as _

from emulation.fields import VietnameseCharField
from emulation.models import Ministry


class Unit(models.Model):
    """A member organisation (đơn vị) of a ministry."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("Trường đại học")
        ACADEMY = "academy", _("Học viện")
        NEWSPAPER = "newspaper", _("Báo")
        INSTITUTE = "institute", _("Viện")
        JOURNAL = "journal", _("Tạp chí")
        PUBLISHER = "publisher", _("Nhà xuất bản")
        SCHOOL = "school", _("Trường trung cấp")
        COLLEGE = "college", _("Trường cao đẳng")
        DEPARTMENT = "department", _("Cục, vụ")
        OTHER = "other", _("Khác")

    ministry = models.ForeignKey(
        Ministry, on_delete=models.PROTECT, related_name="units", verbose_name=_("bộ, ngành")
    )
    name = VietnameseCharField(_("tên đơn vị"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    kind = models.CharField(_("loại hình"), max_length=20, choices=Kind, default=Kind.OTHER)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["ministry", "name"], name="unit_name_per_ministry")
        ]

    def __str__(self):
        return self.name
