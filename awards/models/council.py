"""The ministry's Hội đồng Thi đua - Khen thưởng: its members for a term, its meetings, who
attended, and the votes on each line put to a meeting."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from awards.models.proposal import Nomination
from emulation.dates import short_date
from emulation.models import Ministry


class Council(models.Model):
    ministry = models.OneToOneField(
        Ministry, on_delete=models.CASCADE, related_name="council", verbose_name=_("bộ")
    )
    name = models.CharField(_("tên"), max_length=200, default="Hội đồng Thi đua - Khen thưởng")
    quorum_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ thành viên dự họp tối thiểu (%)"),
        default=50,
        help_text=_(
            "Theo quy chế hoạt động của Hội đồng (cấu hình được): số thành viên có mặt trên "
            "tổng số thành viên theo danh sách tại ngày họp."
        ),
    )

    class Meta:
        verbose_name = _("hội đồng thi đua - khen thưởng")
        verbose_name_plural = _("hội đồng thi đua - khen thưởng")

    def __str__(self):
        return f"{self.name} – {self.ministry}"


class CouncilMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
        MEMBER = "member", _("Ủy viên")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("họ và tên"), max_length=100)
    position = models.CharField(_("chức vụ"), max_length=200)
    role = models.CharField(_("vai trò trong hội đồng"), max_length=12, choices=Role)
    term_start = models.DateField(_("từ ngày"))
    term_end = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        ordering = ["council", "term_start", "id"]

    def __str__(self):
        return f"{self.full_name} ({self.get_role_display()})"


class CouncilMeeting(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Đang họp")
        CLOSED = "closed", _("Đã kết thúc, biên bản đã chốt")

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    minutes_text = models.TextField(_("nội dung biên bản"), blank=True)
    chair_choice_note = models.TextField(_("ý kiến quyết định của Chủ tịch Hội đồng"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=8, choices=State, default=State.OPEN)
    roster_size = models.PositiveSmallIntegerField(_("tổng số thành viên tại ngày họp"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        ordering = ["-held_on", "-id"]

    def __str__(self):
        return f"{_('Phiên họp')} {short_date(self.held_on)}"

    def get_absolute_url(self):
        return reverse("awards:meeting", args=[self.pk])


class MeetingAttendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        WRITTEN = "written", _("Vắng, có phiếu bằng văn bản")
        ABSENT = "absent", _("Vắng, không có phiếu")

    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("tham dự"), max_length=8, choices=Status, default=Status.PRESENT)

    class Meta:
        ordering = ["meeting", "member__term_start", "member_id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")
        ]

    def __str__(self):
        return f"{self.member} – {self.get_status_display()}"


class MeetingLine(models.Model):
    """A line put to a meeting: the votes for it among members present and in writing."""

    class Result(models.TextChoices):
        PENDING = "pending", _("Chưa biểu quyết")
        PASSED = "passed", _("Đạt")
        FAILED = "failed", _("Không đạt ngưỡng")
        OUTRANKED = "outranked", _("Đạt ngưỡng nhưng vượt số lượng")
        TIE = "tie", _("Bằng phiếu: chờ Chủ tịch Hội đồng quyết định")

    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="lines")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="meeting_lines"
    )
    votes_present_for = models.PositiveSmallIntegerField(
        _("phiếu đồng ý của thành viên có mặt"), null=True, blank=True
    )
    votes_written_for = models.PositiveSmallIntegerField(
        _("phiếu đồng ý bằng văn bản"), null=True, blank=True
    )
    chair_choice = models.BooleanField(_("được Chủ tịch Hội đồng chọn"), default=False)
    women_first = models.BooleanField(_("đạt nhờ ưu tiên nữ khi bằng phiếu"), default=False)
    result = models.CharField(_("kết quả"), max_length=10, choices=Result, default=Result.PENDING)

    class Meta:
        ordering = ["meeting", "nomination__award_title__order", "nomination_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "nomination"], name="one_meeting_line_per_nomination"
            )
        ]

    def __str__(self):
        return f"{self.meeting}: {self.nomination}"

    @property
    def votes_for(self):
        if self.votes_present_for is None:
            return None
        return self.votes_present_for + (self.votes_written_for or 0)
