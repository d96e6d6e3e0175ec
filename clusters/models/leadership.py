from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models.core import Cluster, ClusterYear
from units.models import Unit


class RotationPolicy(models.Model):
    """How a cluster picks next year's head: drives the suggestion the secretary accepts."""

    class Method(models.TextChoices):
        ROTATION = "rotation", _("Luân phiên theo thứ tự")
        DEPUTY_BECOMES_HEAD = "deputy", _("Cụm phó năm nay làm Cụm trưởng năm sau")
        ELECTION = "election", _("Bầu tại hội nghị")
        APPOINTMENT = "appointment", _("Cấp trên chỉ định")

    cluster = models.OneToOneField(Cluster, on_delete=models.CASCADE, related_name="rotation")
    method = models.CharField(
        _("cách chọn"), max_length=20, choices=Method, default=Method.ROTATION
    )
    no_repeat_years = models.PositiveSmallIntegerField(
        _("không làm Cụm trưởng lại trong (năm)"), default=0
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("quy chế luân phiên")
        verbose_name_plural = _("quy chế luân phiên")

    def __str__(self):
        return f"{self.cluster}: {self.get_method_display()}"


class RotationSlot(models.Model):
    policy = models.ForeignKey(RotationPolicy, on_delete=models.CASCADE, related_name="slots")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(_("thứ tự"))

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "unit"], name="one_slot_per_unit"),
        ]

    def __str__(self):
        return f"{self.position}. {self.unit}"


class LeadershipTerm(models.Model):
    """The head unit (Cụm trưởng) and deputy unit (Cụm phó) of a cluster-year."""

    class Selection(models.TextChoices):
        ROTATION = "rotation", _("Luân phiên")
        ELECTION = "election", _("Bầu tại hội nghị")
        APPOINTMENT = "appointment", _("Chỉ định")

    cluster_year = models.OneToOneField(
        ClusterYear, on_delete=models.CASCADE, related_name="leadership"
    )
    head_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="head_terms",
        verbose_name=_("đơn vị Cụm trưởng"),
    )
    head_name = models.CharField(_("họ tên Cụm trưởng"), max_length=100)
    head_position = models.CharField(_("chức vụ Cụm trưởng"), max_length=150)
    deputy_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="deputy_terms",
        verbose_name=_("đơn vị Cụm phó"),
    )
    deputy_name = models.CharField(_("họ tên Cụm phó"), max_length=100)
    deputy_position = models.CharField(_("chức vụ Cụm phó"), max_length=150)
    selection = models.CharField(
        _("cách chọn"), max_length=20, choices=Selection, default=Selection.ROTATION
    )
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    announced_on = models.DateField(_("ngày công bố tại hội nghị"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("Cụm trưởng, Cụm phó")
        verbose_name_plural = _("Cụm trưởng, Cụm phó")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(head_unit=models.F("deputy_unit")),
                name="head_and_deputy_differ",
            )
        ]

    def __str__(self):
        return f"{self.cluster_year}: {self.head_unit} / {self.deputy_unit}"
