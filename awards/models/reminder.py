from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterYear


class SentReminder(models.Model):
    """A deadline reminder already emailed, so the beat task never sends it twice."""

    class Kind(models.TextChoices):
        PLEDGE = "pledge", _("Ký giao ước")
        SCORES = "scores", _("Chấm điểm")
        PROPOSAL = "proposal", _("Gửi hồ sơ khen thưởng")

    cluster_year = models.ForeignKey(ClusterYear, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind)
    deadline = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cluster_year", "kind", "deadline"], name="one_reminder_per_deadline"
            )
        ]

    def __str__(self):
        return f"{self.cluster_year} {self.kind} {self.deadline}"
