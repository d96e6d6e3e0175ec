"""The rules of the game: ministries, legal regimes, the award catalogue, emulation years,
who may do what (role assignments) and the append-only audit trail."""

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from emulation.bounds import validate_year
from emulation.dates import short_date
from emulation.fields import VietnameseCharField
from emulation.numbers import format_decimal
from emulation.versioned import KeepsDataVersion


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
    transition_citation = models.CharField(
        _("căn cứ hiệu lực, chuyển tiếp"),
        max_length=400,
        blank=True,
        help_text=_("Điều khoản hiệu lực và chuyển tiếp của luật, nghị định làm căn cứ áp dụng."),
    )
    collective_advanced_strict = models.BooleanField(
        _("tỷ lệ LĐTT của Tập thể lao động tiên tiến phải vượt (trên) mức"),
        default=False,
        help_text=_("Luật 2003: “có trên 50%” – đúng 50% không đạt."),
    )
    excellent_advanced_share = models.PositiveSmallIntegerField(
        _("tỷ lệ LĐTT tối thiểu của Tập thể lao động xuất sắc (%)"), null=True, blank=True
    )
    grassroots_rating_suffices = models.BooleanField(
        _("Chiến sĩ thi đua cơ sở: hoàn thành xuất sắc nhiệm vụ thay cho sáng kiến"),
        default=True,
        help_text=_("Luật 2003 (Điều 23) đòi sáng kiến hoặc đề tài nghiên cứu."),
    )
    principle_citation = models.CharField(
        _("căn cứ: một thành tích một hình thức"), max_length=300, blank=True
    )
    money_citation = models.CharField(
        _("căn cứ: nhiều danh hiệu cùng lúc chỉ nhận tiền thưởng cao nhất"),
        max_length=300,
        blank=True,
    )
    government_flag_cap = models.PositiveSmallIntegerField(
        _("Cờ thi đua của Chính phủ: tỷ lệ tối đa trên số tập thể đạt Cờ thi đua cấp Bộ (%)"),
        null=True,
        blank=True,
    )
    government_flag_due = models.CharField(
        _("Cờ thi đua của Chính phủ: hạn gửi hồ sơ (ngày/tháng năm sau)"),
        max_length=5,
        blank=True,
        validators=[
            RegexValidator(
                r"^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])$",
                _("Nhập ngày/tháng dạng 30/06."),
            )
        ],
        help_text=_("Dạng 30/06; để trống nếu không có hạn."),
    )
    government_flag_citation = models.CharField(
        _("căn cứ: Cờ thi đua của Chính phủ"), max_length=300, blank=True
    )
    unconfirmed = models.TextField(
        _("số liệu chưa đối chiếu văn bản"),
        blank=True,
        help_text=_("Các số liệu nhập theo nguồn chưa kiểm chứng: cán bộ cần đối chiếu, sửa."),
    )

    class Meta:
        verbose_name = _("chế độ pháp lý")
        verbose_name_plural = _("chế độ pháp lý")
        ordering = ["valid_from"]

    def __str__(self):
        return self.name

    def government_flag_due_date(self, year):
        """The Government flag's dossier deadline for achievement year ``year`` (next year)."""
        if not self.government_flag_due:
            return None
        day, month = (int(part) for part in self.government_flag_due.split("/"))
        return datetime.date(year + 1, month, day)

    @classmethod
    def for_year(cls, year):
        """The regime in force at the end of the year, when the year is reviewed."""
        return cls.objects.filter(valid_from__lte=datetime.date(year, 12, 31)).last()

    @classmethod
    def for_date(cls, on_date):
        """The regime in force on ``on_date``: a dossier is judged under the regime in force
        on the day it is submitted to the deciding level (see ``transition_citation``)."""
        return cls.objects.filter(valid_from__lte=on_date).order_by("valid_from").last()


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
        return f"{format_decimal(self.amount)} ({short_date(self.valid_from)})"


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
    reward_citation = models.CharField(_("căn cứ hệ số tiền thưởng"), max_length=300, blank=True)
    reward_confirmed = models.BooleanField(
        _("hệ số đã đối chiếu văn bản"),
        default=True,
        help_text=_("Bỏ chọn khi hệ số chưa được kiểm chứng: trang khen thưởng ghi rõ điều đó."),
    )
    citation = models.CharField(_("căn cứ pháp lý"), max_length=300)
    level_citation = models.CharField(_("căn cứ thẩm quyền quyết định"), max_length=300, blank=True)
    dossier_due_day = models.PositiveSmallIntegerField(
        _("hạn nộp hồ sơ lên cấp quyết định: ngày"), null=True, blank=True
    )
    dossier_due_month = models.PositiveSmallIntegerField(
        _("hạn nộp hồ sơ lên cấp quyết định: tháng"),
        null=True,
        blank=True,
        help_text=_("Của năm sau năm thành tích. Ví dụ Cờ thi đua của Chính phủ: 30/6."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")
        ordering = ["regime", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["regime", "code"], name="award_title_code_per_regime")
        ]
        permissions = [
            ("manage_national_catalogue", _("Quản trị danh mục khen thưởng quốc gia")),
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

    ABOVE_MINISTER = (Level.PRIME_MINISTER, Level.PRESIDENT)

    @property
    def is_above_minister(self):
        return self.level in self.ABOVE_MINISTER

    @property
    def is_unit_head(self):
        return self.level == self.Level.UNIT_HEAD

    def level_label(self, ministry=None):
        """Who decides, in words; for a province the Minister's level is its chair's."""
        if (
            self.level == self.Level.MINISTER
            and ministry is not None
            and ministry.kind == Ministry.Kind.PROVINCE
        ):
            return _("Chủ tịch Ủy ban nhân dân tỉnh")
        return self.get_level_display()

    def dossier_due(self, year):
        """The date the dossier for achievement ``year`` is due at the deciding level."""
        if not (self.dossier_due_day and self.dossier_due_month):
            return None
        return datetime.date(year + 1, self.dossier_due_month, self.dossier_due_day)


class MinistryAwardSetting(models.Model):
    """A ministry's own settings on top of the national catalogue, per catalogue code (so they
    carry over to a new regime): its local name, its quota per cluster, its own deadline."""

    ministry = models.ForeignKey(
        Ministry, on_delete=models.CASCADE, related_name="award_settings", verbose_name=_("bộ")
    )
    code = models.SlugField(_("mã danh hiệu"))
    local_name = models.CharField(
        _("tên gọi của bộ, ngành"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Cờ thi đua ngành Tư pháp. Để trống thì dùng tên trong danh mục."),
    )
    quota_per_cluster = models.PositiveSmallIntegerField(
        _("số lượng tối đa mỗi cụm mỗi năm"),
        null=True,
        blank=True,
        help_text=_("Để trống thì dùng mức của danh mục quốc gia."),
    )
    internal_due_day = models.PositiveSmallIntegerField(
        _("hạn cụm gửi hồ sơ: ngày"), null=True, blank=True
    )
    internal_due_month = models.PositiveSmallIntegerField(
        _("hạn cụm gửi hồ sơ: tháng"),
        null=True,
        blank=True,
        help_text=_("Hạn riêng của bộ để cụm gửi hồ sơ danh hiệu này, năm sau năm thành tích."),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("thiết lập danh hiệu của bộ")
        verbose_name_plural = _("thiết lập danh hiệu của bộ")
        ordering = ["ministry", "code"]
        constraints = [
            models.UniqueConstraint(fields=["ministry", "code"], name="one_setting_per_code")
        ]

    def __str__(self):
        return f"{self.ministry} – {self.code}"


class EmulationYear(KeepsDataVersion, models.Model):
    """A ministry's emulation year: its movement, legal regime and deadlines."""

    ministry = models.ForeignKey(
        Ministry, on_delete=models.CASCADE, related_name="years", verbose_name=_("bộ, ngành")
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_year])
    regime = models.ForeignKey(LegalRegime, on_delete=models.PROTECT, verbose_name=_("chế độ"))
    movement = models.CharField(_("phong trào thi đua"), max_length=300, blank=True)
    pledge_deadline = models.DateField(_("hạn ký giao ước"), null=True, blank=True)
    scores_deadline = models.DateField(_("hạn chấm điểm"), null=True, blank=True)
    proposals_deadline = models.DateField(_("hạn gửi hồ sơ"), null=True, blank=True)
    # Bumped in the transaction of every write to the ministry's records of the year, or to
    # the ministry's own (units, people, clusters: every year): see clusters.data_version.
    data_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("năm thi đua")
        verbose_name_plural = _("năm thi đua")
        ordering = ["ministry", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["ministry", "year"], name="one_year_per_ministry")
        ]

    def __str__(self):
        return f"{self.ministry} – {self.year}"


class AuditEntry(models.Model):
    """Append-only: who did what to which object, with the state before and after.

    On PostgreSQL triggers refuse UPDATE and DELETE on this table and a back-dated INSERT
    (migration 0001); in production the app's database role may only INSERT
    and SELECT it (docs/deployment.md). Each entry names its actor as they were at the time
    and is chained to the previous entry by ``hash`` (``emulation.audit_chain``)."""

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
    # The actor as they were: their id and name survive a rename (``actor`` follows the user).
    actor_uid = models.BigIntegerField(_("mã người thực hiện"), null=True, blank=True)
    actor_name = models.CharField(_("tên người thực hiện lúc đó"), max_length=300, blank=True)
    # When it was written (``at`` is when it happened: earlier for a past event loaded with
    # ``events_dated``); never earlier than the entry before it.
    recorded_at = models.DateTimeField(_("thời điểm ghi"), default=timezone.now)
    prev_hash = models.CharField(_("mã của mục trước"), max_length=64, blank=True)
    hash = models.CharField(_("mã kiểm tra"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("nhật ký")
        verbose_name_plural = _("nhật ký")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]

    def __str__(self):
        at = formats.date_format(timezone.localtime(self.at), "SHORT_DATETIME_FORMAT")
        return f"{at} {self.actor_name} {self.action} {self.object_repr}"


from emulation.models_imports import ImportBatch  # noqa: E402

__all__ = [
    "AuditEntry",
    "AwardTitle",
    "BaseSalary",
    "EmulationYear",
    "ImportBatch",
    "LegalRegime",
    "Ministry",
    "MinistryAwardSetting",
]
