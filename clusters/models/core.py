from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from emulation.bounds import validate_year
from emulation.fields import VietnameseCharField
from emulation.models import EmulationYear, Ministry
from emulation.versioned import KeepsDataVersion
from units.models import Unit


class Cluster(models.Model):
    """An emulation cluster (cụm) or block (khối) of a ministry's units."""

    class Kind(models.TextChoices):
        # context: "Cụm thi đua" alone is also the heading of the clusters' pages (plural)
        CLUSTER = "cum", pgettext_lazy("loại cụm", "Cụm thi đua")
        BLOCK = "khoi", pgettext_lazy("loại cụm", "Khối thi đua")

    ministry = models.ForeignKey(
        Ministry, on_delete=models.PROTECT, related_name="clusters", verbose_name=_("bộ, ngành")
    )
    number = models.PositiveSmallIntegerField(_("số"))
    name = VietnameseCharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=4, choices=Kind, default=Kind.CLUSTER)
    description = models.TextField(_("mô tả"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("cụm thi đua")
        verbose_name_plural = _("cụm thi đua")
        ordering = ["ministry", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["ministry", "kind", "number"], name="cluster_number_per_ministry"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clusters:detail", args=[self.pk])


class ClusterYear(KeepsDataVersion, models.Model):
    """A cluster in one emulation year: the anchor of members, leadership, pledge, scores,
    votes, minutes, proposals and the year-end report."""

    cluster = models.ForeignKey(
        Cluster, on_delete=models.CASCADE, related_name="years", verbose_name=_("cụm")
    )
    emulation_year = models.ForeignKey(
        EmulationYear, on_delete=models.PROTECT, related_name="cluster_years"
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[validate_year]
    )  # = emulation_year.year, for lookups
    units = models.ManyToManyField(Unit, through="Membership", related_name="cluster_years")
    # Bumped in the transaction of every write to the year's records (clusters.data_version):
    # the key of the cached fragments and of a report's "is the PDF outdated?".
    data_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("năm thi đua của cụm")
        verbose_name_plural = _("năm thi đua của cụm")
        ordering = ["cluster", "-year"]
        constraints = [models.UniqueConstraint(fields=["cluster", "year"], name="one_cluster_year")]

    def __str__(self):
        return f"{self.cluster} – {self.year}"


class Membership(models.Model):
    """A unit is a member of a cluster for one year."""

    cluster_year = models.ForeignKey(
        ClusterYear, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("đơn vị")
    )
    joined_on = models.DateField(_("ngày tham gia"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên cụm")
        verbose_name_plural = _("thành viên cụm")
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "unit"], name="one_membership")
        ]

    def __str__(self):
        return f"{self.unit} ∈ {self.cluster_year}"
