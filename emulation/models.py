"""The rules of the game: ministries, legal regimes, the award catalogue, emulation years,
who may do what (role assignments) and the append-only audit trail."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emulation.fields import VietnameseCharField


class Ministry(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Bộ, ngành")
        PROVINCE = "province", _("Tỉnh, thành phố")

    name = VietnameseCharField(_("tên"), max_length=200, unique=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=50)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind, default=Kind.MINISTRY)
    place = models.CharField(
        _("địa danh"), max_length=100, default="Hà Nội", help_text=_("Dùng trên văn bản.")
    )

    class Meta:
        verbose_name = _("bộ, ngành")
        verbose_name_plural = _("bộ, ngành")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LegalRegime(models.Model):
    """A law and its implementing decree, in force from a date: rules are picked by year."""

    code = models.SlugField(_("mã"), unique=True)
    name = models.CharField(_("tên"), max_length=200)
    law_citation = models.CharField(_("luật"), max_length=200)
    decree_citation = models.CharField(_("nghị định"), max_length=200)
    valid_from = models.DateField(_("hiệu lực từ"))
    collective_advanced_share = models.PositiveSmallIntegerField(
        _("tỷ lệ LĐTT tối thiểu của tập thể (%)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("chế độ pháp lý")
        verbose_name_plural = _("chế độ pháp lý")
        ordering = ["valid_from"]

    def __str__(self):
        return self.name

    @classmethod
    def for_year(cls, year):
        """The regime in force at the end of the year, when the year is reviewed."""
        return cls.objects.filter(valid_from__lte=datetime.date(year, 12, 31)).last()


class BaseSalary(models.Model):
    """Mức lương cơ sở: reward money is a multiple of it on the decision date."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng)"))
    valid_from = models.DateField(_("áp dụng từ"), unique=True)
    citation = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        ordering = ["valid_from"]

    def __str__(self):
        return f"{self.amount:,} ({self.valid_from:%d/%m/%Y})"


class AwardTitle(models.Model):
    """An emulation title (danh hiệu) or a form of commendation (hình thức khen thưởng)."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Danh hiệu thi đua")
        FORM = "form", _("Hình thức khen thưởng")

    class Subject(models.TextChoices):
        COLLECTIVE = "collective", _("Tập thể")
        INDIVIDUAL = "individual", _("Cá nhân")

    class Level(models.TextChoices):
        UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
        MINISTER = "minister", _("Bộ trưởng")
        PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")
        PRESIDENT = "president", _("Chủ tịch nước")

    regime = models.ForeignKey(
        LegalRegime, on_delete=models.PROTECT, related_name="award_titles", verbose_name=_("chế độ")
    )
    code = models.SlugField(_("mã"))
    name_vi = models.CharField(_("tên tiếng Việt"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind)
    subject = models.CharField(_("đối tượng"), max_length=12, choices=Subject)
    level = models.CharField(_("cấp quyết định"), max_length=20, choices=Level)
    vote_threshold = models.PositiveSmallIntegerField(
        _("ngưỡng phiếu hội đồng (%)"), null=True, blank=True
    )
    quota_per_cluster = models.PositiveSmallIntegerField(
        _("số lượng tối đa mỗi cụm mỗi năm"), null=True, blank=True
    )
    prerequisites = models.TextField(_("điều kiện"), blank=True)
    reward_multiplier = models.DecimalField(
        _("hệ số tiền thưởng"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    citation = models.CharField(_("căn cứ pháp lý"), max_length=300)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")
        ordering = ["regime", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["regime", "code"], name="award_title_code_per_regime")
        ]

    def __str__(self):
        from django.utils.translation import get_language

        return self.name_en if get_language() == "en" else self.name_vi

    @property
    def name_with_subject(self):
        """ "Cờ thi đua cấp Bộ (tập thể)" for a choice list; a name that already says whom it
        is for ("Bằng khen của Bộ trưởng (tập thể)") is left as it is."""
        subject = str(self.get_subject_display()).lower()
        name = str(self)
        if name.lower().endswith(f"({subject})"):
            return name
        return f"{name} ({subject})"


class EmulationYear(models.Model):
    """A ministry's emulation year: its movement, legal regime and deadlines."""

    ministry = models.ForeignKey(
        Ministry, on_delete=models.CASCADE, related_name="years", verbose_name=_("bộ, ngành")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    regime = models.ForeignKey(LegalRegime, on_delete=models.PROTECT, verbose_name=_("chế độ"))
    movement = models.CharField(_("phong trào thi đua"), max_length=300, blank=True)
    pledge_deadline = models.DateField(_("hạn ký giao ước"), null=True, blank=True)
    scores_deadline = models.DateField(_("hạn chấm điểm"), null=True, blank=True)
    proposals_deadline = models.DateField(_("hạn gửi hồ sơ"), null=True, blank=True)

    class Meta:
        verbose_name = _("năm thi đua")
        verbose_name_plural = _("năm thi đua")
        ordering = ["ministry", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["ministry", "year"], name="one_year_per_ministry")
        ]

    def __str__(self):
        return f"{self.ministry} – {self.year}"


class RoleAssignment(models.Model):
    """Who may do what, where. A user may hold several (e.g. secretary of two clusters)."""

    class Role(models.TextChoices):
        MINISTRY_STAFF = "ministry_staff", _("Cán bộ Vụ Thi đua - Khen thưởng")
        CLUSTER_SECRETARY = "cluster_secretary", _("Thư ký cụm")
        LEADER = "leader", _("Lãnh đạo")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role)
    ministry = models.ForeignKey(Ministry, on_delete=models.CASCADE, verbose_name=_("bộ, ngành"))
    cluster = models.ForeignKey(
        "clusters.Cluster",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("cụm thi đua"),
        help_text=_("Bắt buộc với thư ký cụm; để trống với lãnh đạo cấp bộ."),
    )

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "ministry", "cluster"], name="unique_role_assignment"
            ),
            models.CheckConstraint(
                condition=~models.Q(role="cluster_secretary") | models.Q(cluster__isnull=False),
                name="secretary_has_cluster",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="ministry_staff") | models.Q(cluster__isnull=True),
                name="staff_has_no_cluster",
            ),
        ]

    def __str__(self):
        scope = self.cluster or self.ministry
        return f"{self.user} – {self.get_role_display()} – {scope}"


class AuditEntry(models.Model):
    """Append-only: who did what to which object, with the state before and after.

    On PostgreSQL a trigger refuses UPDATE and DELETE on this table (migration 0002)."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    action = models.CharField(_("hành động"), max_length=50)
    object_type = models.CharField(_("loại đối tượng"), max_length=100)
    object_id = models.CharField(_("mã đối tượng"), max_length=50)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("nhật ký")
        verbose_name_plural = _("nhật ký")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor} {self.action} {self.object_repr}"


from emulation.models_imports import ImportBatch  # noqa: E402
from emulation.models_reports import ReportVersion, YearEndReport  # noqa: E402

__all__ = [
    "AuditEntry",
    "AwardTitle",
    "BaseSalary",
    "EmulationYear",
    "ImportBatch",
    "LegalRegime",
    "Ministry",
    "ReportVersion",
    "RoleAssignment",
    "YearEndReport",
]
