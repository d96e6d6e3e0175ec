from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from clusters.models.core import ClusterYear
from emulation.models import AwardTitle
from units.models import Unit


class Vote(models.Model):
    """The counted paper ballots for one title the cluster nominates for."""

    class State(models.TextChoices):
        OPEN = "open", _("Đang kiểm phiếu")
        CLOSED = "closed", _("Đã kết thúc")

    # The colour of each state's badge (``state_badge``); any other state's is grey.
    BADGE_COLOURS = {
        State.OPEN: "warning",
        State.CLOSED: "success",
    }

    cluster_year = models.ForeignKey(ClusterYear, on_delete=models.CASCADE, related_name="votes")
    award_title = models.ForeignKey(
        AwardTitle, on_delete=models.PROTECT, verbose_name=_("danh hiệu suy tôn")
    )
    state = models.CharField(_("trạng thái"), max_length=10, choices=State, default=State.OPEN)
    voters_entitled = models.PositiveSmallIntegerField(_("số thành viên có quyền bỏ phiếu"))
    ballots_cast = models.PositiveSmallIntegerField(_("số phiếu phát ra"), default=0)
    valid_ballots = models.PositiveSmallIntegerField(_("số phiếu hợp lệ"), default=0)
    quota = models.PositiveSmallIntegerField(_("số lượng được suy tôn"), null=True, blank=True)
    tie_break_note = models.TextField(_("quyết định của chủ trì khi bằng phiếu"), blank=True)
    note = models.TextField(_("ghi chú về nguồn số liệu"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("bỏ phiếu suy tôn")
        verbose_name_plural = _("bỏ phiếu suy tôn")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "award_title"], name="one_vote_per_title"
            )
        ]

    def __str__(self):
        return f"{self.cluster_year}: {self.award_title}"

    def get_absolute_url(self):
        year = self.cluster_year
        return reverse("clusters:vote", args=[year.cluster_id, year.year, self.pk])

    @property
    def is_open(self):
        """Ballots are being counted: the counts may change, the outcome is provisional."""
        return self.state == self.State.OPEN

    @property
    def is_closed(self):
        return self.state == self.State.CLOSED


class VoteCount(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="counts")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    votes = models.PositiveSmallIntegerField(_("số phiếu"), default=0)
    nominated = models.BooleanField(_("được suy tôn"), default=False)
    won_tie_break = models.BooleanField(_("được chọn khi bằng phiếu"), default=False)
    won_women_first = models.BooleanField(
        _("được ưu tiên khi bằng phiếu (tập thể có từ 70% nữ)"), default=False
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vote", "unit"], name="one_count_per_unit")]

    def __str__(self):
        return f"{self.unit}: {self.votes}"
