from django.db import models
from django.utils.translation import gettext_lazy as _

from emulation.bounds import validate_year
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
    code = models.CharField(
        _("mã đơn vị"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        error_messages={"unique": _("Mã này đã được dùng cho một đơn vị khác.")},
        help_text=_(
            "Mã ổn định bộ, ngành dùng cho đơn vị (ví dụ mã đơn vị có quan hệ với ngân sách); "
            "nhập, xuất Excel khớp theo mã này."
        ),
    )
    name = VietnameseCharField(_("tên đơn vị"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("cơ quan cấp trên"),
    )
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


class Person(models.Model):
    """A member of a unit's staff who may be nominated for an individual award."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("Nữ")
        MALE = "male", _("Nam")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="people", verbose_name=_("đơn vị")
    )
    code = models.CharField(
        _("mã cá nhân"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        error_messages={"unique": _("Mã này đã được dùng cho một người khác.")},
        help_text=_("Mã cán bộ hoặc số định danh cá nhân bộ, ngành dùng; nhập Excel khớp theo mã."),
    )
    full_name = VietnameseCharField(_("họ và tên"), max_length=100)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["unit", "full_name"]

    def __str__(self):
        return self.full_name


class PersonYear(models.Model):
    """A person's record for one year: what the rules for individual awards read."""

    class Rating(models.TextChoices):
        EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
        GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
        COMPLETED = "completed", _("Hoàn thành nhiệm vụ")
        NOT_COMPLETED = "not_completed", _("Không hoàn thành nhiệm vụ")

    class Discipline(models.TextChoices):
        NONE = "", _("Không")
        REPRIMAND = "reprimand", _("Khiển trách")
        WARNING = "warning", _("Cảnh cáo")
        DEMOTION = "demotion", _("Hạ bậc lương, giáng chức")
        DISMISSAL = "dismissal", _("Cách chức, buộc thôi việc")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_year])
    task_rating = models.CharField(
        _("xếp loại nhiệm vụ"), max_length=15, choices=Rating, blank=True
    )
    prior_titles = models.ManyToManyField(
        "emulation.AwardTitle",
        blank=True,
        related_name="+",
        verbose_name=_("danh hiệu đã nhận (nhập tay)"),
        help_text=_(
            "Danh hiệu nhận trước khi dùng phần mềm; khen thưởng ghi trong phần mềm "
            "được tính tự động."
        ),
    )
    has_initiative = models.BooleanField(_("có sáng kiến được công nhận"), default=False)
    initiative_ministry_wide = models.BooleanField(
        _("sáng kiến có phạm vi ảnh hưởng toàn ngành"), default=False
    )
    initiative_nationwide = models.BooleanField(
        _("sáng kiến có phạm vi ảnh hưởng toàn quốc"), default=False
    )
    research_accepted = models.BooleanField(
        _("có đề tài nghiên cứu được nghiệm thu"), default=False
    )
    discipline_level = models.CharField(
        _("hình thức kỷ luật"), max_length=15, choices=Discipline, blank=True
    )
    discipline_start = models.DateField(_("kỷ luật từ ngày"), null=True, blank=True)
    discipline_end = models.DateField(_("kỷ luật đến ngày"), null=True, blank=True)
    pending_review = models.BooleanField(
        _("đang bị điều tra, thanh tra, kiểm tra hoặc khiếu nại"), default=False
    )
    pending_note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("hồ sơ năm của cá nhân")
        verbose_name_plural = _("hồ sơ năm của cá nhân")
        ordering = ["person", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="one_person_year"),
            models.CheckConstraint(
                condition=models.Q(discipline_end__isnull=True)
                | models.Q(discipline_start__isnull=True)
                | models.Q(discipline_end__gte=models.F("discipline_start")),
                name="discipline_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.year}"


class UnitYear(models.Model):
    """A unit's own figures for one year, read by the collective titles' rules."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="year_records")
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_year])
    task_rating = models.CharField(
        _("xếp loại nhiệm vụ của tập thể"), max_length=15, choices=PersonYear.Rating, blank=True
    )
    staff_count = models.PositiveIntegerField(_("tổng số thành viên"), null=True, blank=True)
    completed_count = models.PositiveIntegerField(
        _("số thành viên hoàn thành nhiệm vụ"), null=True, blank=True
    )
    advanced_count = models.PositiveIntegerField(_("số Lao động tiên tiến"), null=True, blank=True)
    grassroots_fighter_count = models.PositiveIntegerField(
        _("số Chiến sĩ thi đua cơ sở"), null=True, blank=True
    )
    disciplined_count = models.PositiveIntegerField(
        _("số thành viên bị kỷ luật từ cảnh cáo trở lên"),
        null=True,
        blank=True,
        help_text=_("Khiển trách không tính: không cản trở danh hiệu Tập thể lao động tiên tiến."),
    )
    women_count = models.PositiveIntegerField(
        _("số thành viên nữ"),
        null=True,
        blank=True,
        help_text=_("Dùng khi bằng phiếu: ưu tiên tập thể có từ 70% nữ trở lên."),
    )
    pending_review = models.BooleanField(
        _("đang bị điều tra, thanh tra, kiểm tra hoặc khiếu nại"), default=False
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("số liệu năm của đơn vị")
        verbose_name_plural = _("số liệu năm của đơn vị")
        ordering = ["unit", "-year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_unit_year")]

    def __str__(self):
        return f"{self.unit} – {self.year}"


class UnitHeadDecision(models.Model):
    """A title the unit head decides (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao
    động tiên tiến, Giấy khen: khoản 1 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15),
    recorded on the unit's or the person's yearly record: it is the prerequisite the higher
    titles' rules read, never a line of a proposal to the ministry."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="head_decisions", verbose_name=_("đơn vị")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="head_decisions",
        verbose_name=_("cá nhân"),
        help_text=_("Để trống nếu danh hiệu tặng cho tập thể đơn vị."),
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"), validators=[validate_year])
    award_title = models.ForeignKey(
        "emulation.AwardTitle",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("danh hiệu, hình thức"),
    )
    number = models.CharField(_("số quyết định"), max_length=50)
    dated = models.DateField(_("ngày quyết định"))
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định của thủ trưởng đơn vị")
        verbose_name_plural = _("quyết định của thủ trưởng đơn vị")
        ordering = ["-year", "person", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "person", "year", "award_title"],
                name="one_head_decision_per_title_year",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        subject = self.person.full_name if self.person_id else self.unit.name
        return f"{subject}: {self.award_title.name_vi} ({self.year}), {self.number}"
