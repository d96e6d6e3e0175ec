from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models.core import ClusterYear
from units.models import Unit


class Minutes(models.Model):
    """Biên bản họp of the closing conference. Signing freezes scores, ranking and votes."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SIGNED = "signed", _("Đã ký")

    # The colour of each state's badge (``state_badge``); any other state's is grey.
    BADGE_COLOURS = {
        State.SIGNED: "success",
    }

    cluster_year = models.OneToOneField(
        ClusterYear, on_delete=models.CASCADE, related_name="minutes"
    )
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=200)
    chair_name = models.CharField(_("chủ trì"), max_length=100)
    chair_position = models.CharField(_("chức vụ chủ trì"), max_length=150, blank=True)
    secretary_name = models.CharField(_("thư ký"), max_length=100)
    agenda = models.TextField(_("chương trình"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=State, default=State.DRAFT)
    signed_at = models.DateTimeField(_("ký lúc"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("biên bản họp")
        verbose_name_plural = _("biên bản họp")

    def __str__(self):
        return f"{_('Biên bản')} {self.cluster_year}"

    @property
    def is_signed(self):
        return self.state == self.State.SIGNED


class MinutesAttendance(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="attendance")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("có mặt"), default=True)
    representative_name = models.CharField(_("người đại diện"), max_length=100, blank=True)
    representative_position = models.CharField(_("chức vụ"), max_length=150, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["minutes", "unit"], name="one_attendance_per_unit")
        ]

    def __str__(self):
        return f"{self.unit}: {self.representative_name}"
