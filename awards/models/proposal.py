from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterYear, Minutes
from emulation.models import AwardTitle
from units.models import Person, Unit


class Proposal(models.Model):
    """Hồ sơ / tờ trình đề nghị khen thưởng of a cluster for one year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Đã gửi")
        IN_REVIEW = "in_review", _("Đang xét duyệt")
        RETURNED = "returned", _("Bị trả lại")
        RESUBMITTED = "resubmitted", _("Đã gửi lại")
        DECIDED = "decided", _("Đã có quyết định")

    # The colour of each state's badge (``state_badge``); any other state's is grey.
    BADGE_COLOURS = {
        State.SUBMITTED: "primary",
        State.RESUBMITTED: "primary",
        State.IN_REVIEW: "info",
        State.RETURNED: "warning",
        State.DECIDED: "success",
    }

    EDITABLE = (State.DRAFT, State.RETURNED)
    AWAITING_REVIEW = (State.SUBMITTED, State.RESUBMITTED)

    cluster_year = models.OneToOneField(
        ClusterYear, on_delete=models.PROTECT, related_name="proposal", verbose_name=_("cụm, năm")
    )
    number = models.CharField(_("số tờ trình"), max_length=50, blank=True)
    dated = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    state = models.CharField(_("trạng thái"), max_length=12, choices=State, default=State.DRAFT)
    cover_file = models.FileField(_("tờ trình (tệp)"), upload_to="proposals/%Y/", blank=True)
    cover_name = models.CharField(max_length=255, blank=True)
    cover_content_type = models.CharField(max_length=100, blank=True)
    minutes = models.ForeignKey(
        Minutes,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("biên bản họp"),
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("hồ sơ đề nghị khen thưởng")
        ordering = ["-cluster_year__year", "cluster_year__cluster__number"]

    def __str__(self):
        return f"{_('Hồ sơ khen thưởng')} {self.cluster_year}"

    def get_absolute_url(self):
        return reverse("awards:proposal", args=[self.pk])

    @property
    def is_editable(self):
        return self.state in self.EDITABLE

    @property
    def is_returned(self):
        return self.state == self.State.RETURNED

    @property
    def is_decided(self):
        return self.state == self.State.DECIDED

    @property
    def can_submit(self):
        """Sent (or sent again) to the ministry: from a draft or once returned."""
        return self.is_editable

    @property
    def can_start_review(self):
        """The ministry takes a sent proposal in."""
        return self.state in self.AWAITING_REVIEW

    @property
    def is_with_ministry(self):
        """Sent, and the ministry has it to act on: taken in or not yet."""
        return self.can_start_review or self.is_reviewable

    @property
    def can_return(self):
        """The ministry hands it back, before or during its review."""
        return self.is_with_ministry

    @property
    def is_reviewable(self):
        """Under review: its lines are approved or rejected, its decision recorded."""
        return self.state == self.State.IN_REVIEW


class Nomination(models.Model):
    """One line of a proposal: a unit or a person, and the award sought."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Chờ xét")
        APPROVED = "approved", _("Đồng ý")
        REJECTED = "rejected", _("Không đồng ý")

    # The colour of each state's badge (``state_badge``); any other state's is grey.
    BADGE_COLOURS = {
        Outcome.APPROVED: "success",
        Outcome.REJECTED: "danger",
    }

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominations")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("cá nhân"),
        help_text=_("Để trống nếu đề nghị cho tập thể."),
    )
    award_title = models.ForeignKey(
        AwardTitle, on_delete=models.PROTECT, related_name="+", verbose_name=_("đề nghị tặng")
    )
    achievements = models.TextField(_("tóm tắt thành tích"))
    vote_share = models.DecimalField(
        _("tỷ lệ phiếu bầu (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    rank = models.PositiveSmallIntegerField(_("xếp hạng"), null=True, blank=True)
    rank_tied = models.BooleanField(_("bằng điểm với đơn vị khác"), default=False)
    report_file = models.FileField(_("báo cáo thành tích"), upload_to="reports/%Y/", blank=True)
    report_name = models.CharField(max_length=255, blank=True)
    report_content_type = models.CharField(max_length=100, blank=True)
    outcome = models.CharField(
        _("kết quả xét duyệt"), max_length=10, choices=Outcome, default=Outcome.PENDING
    )
    outcome_reason = models.TextField(_("lý do"), blank=True)
    council_members = models.PositiveSmallIntegerField(
        _("tổng số thành viên hội đồng"), null=True, blank=True
    )
    council_votes_for = models.PositiveSmallIntegerField(
        _("số phiếu đồng ý"), null=True, blank=True
    )
    upward_dossier = models.ForeignKey(
        "awards.UpwardDossier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lines",
        verbose_name=_("hồ sơ trình Bộ Nội vụ"),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("dòng đề nghị")
        verbose_name_plural = _("dòng đề nghị")
        ordering = ["proposal", "award_title__order", "rank", "id"]

    def __str__(self):
        return f"{self.subject_name}: {self.award_title.name_vi}"

    @property
    def is_pending(self):
        return self.outcome == self.Outcome.PENDING

    @property
    def is_approved(self):
        return self.outcome == self.Outcome.APPROVED

    @property
    def is_rejected(self):
        return self.outcome == self.Outcome.REJECTED

    @property
    def subject_name(self):
        return self.person.full_name if self.person_id else self.unit.name

    @property
    def is_high_level(self):
        """Above the Minister: the ministry only proposes it, through its own dossier."""
        return self.award_title.is_above_minister
