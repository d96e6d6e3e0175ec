"""The ministry's own dossier to the Ministry of Home Affairs (Ban Thi đua - Khen thưởng Trung
ương) for the titles the Prime Minister or the President decides."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from emulation.bounds import validate_year
from emulation.models import AwardTitle, Ministry


class UpwardDossier(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Đang lập")
        FORWARDED = "forwarded", _("Đã trình Bộ Nội vụ")
        RETURNED = "returned", _("Bị trả lại")
        RESUBMITTED = "resubmitted", _("Đã trình lại")
        DECIDED = "decided", _("Đã có quyết định")
        REFUSED = "refused", _("Không được khen thưởng")

    # The colour of each state's badge (``state_badge``); any other state's is grey.
    BADGE_COLOURS = {
        State.FORWARDED: "primary",
        State.RESUBMITTED: "primary",
        State.RETURNED: "warning",
        State.DECIDED: "success",
        State.REFUSED: "danger",
    }

    EDITABLE = (State.DRAFT, State.RETURNED)
    AWAITING = (State.FORWARDED, State.RESUBMITTED)

    ministry = models.ForeignKey(
        Ministry, on_delete=models.PROTECT, related_name="upward_dossiers", verbose_name=_("bộ")
    )
    level = models.CharField(
        _("cấp quyết định"),
        max_length=20,
        choices=[
            (AwardTitle.Level.PRIME_MINISTER, AwardTitle.Level.PRIME_MINISTER.label),
            (AwardTitle.Level.PRESIDENT, AwardTitle.Level.PRESIDENT.label),
        ],
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"), validators=[validate_year])
    number = models.CharField(_("số tờ trình"), max_length=50, blank=True)
    dated = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    state = models.CharField(_("trạng thái"), max_length=12, choices=State, default=State.DRAFT)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    refusal_reason = models.TextField(_("lý do không khen thưởng"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("hồ sơ trình Bộ Nội vụ")
        verbose_name_plural = _("hồ sơ trình Bộ Nội vụ")
        ordering = ["-year", "-id"]

    def __str__(self):
        number = self.number or _("chưa có số")
        return f"{_('Tờ trình')} {number} – {self.get_level_display()} ({self.year})"

    def get_absolute_url(self):
        return reverse("awards:dossier", args=[self.pk])

    @property
    def is_editable(self):
        """Lines added or removed, then forwarded (again): a draft, or once returned."""
        return self.state in self.EDITABLE

    @property
    def is_returned(self):
        return self.state == self.State.RETURNED

    @property
    def is_refused(self):
        return self.state == self.State.REFUSED

    @property
    def is_decided(self):
        return self.state == self.State.DECIDED

    @property
    def is_settled(self):
        """The Ministry of Home Affairs answered: awards decided, or none."""
        return self.is_decided or self.is_refused

    @property
    def is_awaiting(self):
        """Forwarded (again): decided, returned or refused next."""
        return self.state in self.AWAITING
