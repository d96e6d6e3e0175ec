from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from awards.models.proposal import Nomination, Proposal
from emulation.bounds import validate_year
from emulation.models import AwardTitle, Ministry
from units.models import Person, Unit


class Decision(models.Model):
    """Quyết định khen thưởng: the Minister's on a cluster's proposal, or the Prime
    Minister's / President's on the ministry's dossier to the Ministry of Home Affairs. Only a
    decision of the line's deciding level turns it into an award."""

    proposal = models.OneToOneField(
        Proposal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision",
        verbose_name=_("hồ sơ"),
    )
    upward_dossier = models.OneToOneField(
        "awards.UpwardDossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision",
        verbose_name=_("hồ sơ trình Bộ Nội vụ"),
    )
    level = models.CharField(
        _("cấp quyết định"),
        max_length=20,
        choices=AwardTitle.Level,
        default=AwardTitle.Level.MINISTER,
    )
    number = models.CharField(_("số quyết định"), max_length=50)
    dated = models.DateField(_("ngày quyết định"))
    # The issuing body and the year of ``dated``: a number is issued once per body and year
    # (Decree 30/2020/NĐ-CP, art. 15(1): a number and
    # symbol are unique within the year), held by a constraint.
    ministry = models.ForeignKey(
        Ministry, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan ban hành")
    )
    year = models.PositiveSmallIntegerField(_("năm ban hành"), validators=[validate_year])
    signer_name = models.CharField(_("người ký"), max_length=100)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-dated", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ministry", "year", "number"], name="decision_number_per_body_and_year"
            )
        ]

    def __str__(self):
        return f"{_('Quyết định')} {self.number}"

    def get_absolute_url(self):
        if self.upward_dossier_id:
            return reverse("awards:dossier", args=[self.upward_dossier_id])
        return reverse("awards:proposal", args=[self.proposal_id])


class ActiveAwardManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(revoked_at__isnull=True)


class Award(models.Model):
    """An award granted by a decision: an immutable entry in a unit's or person's history.
    Revocation keeps the row, with its reason; the award then leaves the active history."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="awards")
    nomination = models.OneToOneField(Nomination, on_delete=models.PROTECT, related_name="award")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="awards")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="awards"
    )
    award_title = models.ForeignKey(AwardTitle, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm thành tích"), validators=[validate_year])
    amount = models.DecimalField(
        _("tiền thưởng (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    amount_note = models.CharField(_("ghi chú tiền thưởng"), max_length=300, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_reason = models.TextField(_("lý do thu hồi"), blank=True)
    revoking_number = models.CharField(_("số quyết định thu hồi"), max_length=50, blank=True)
    revoking_dated = models.DateField(_("ngày quyết định thu hồi"), null=True, blank=True)
    recover_amount = models.DecimalField(
        _("số tiền thưởng phải thu hồi (đồng)"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = models.Manager()
    active = ActiveAwardManager()

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["-year", "award_title__order", "id"]

    def __str__(self):
        subject = self.person.full_name if self.person_id else self.unit.name
        return f"{subject}: {self.award_title.name_vi} ({self.year})"

    @property
    def is_revoked(self):
        return self.revoked_at is not None
