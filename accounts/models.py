from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from emulation.models import Ministry
from emulation.roles import Role


class RoleAssignment(models.Model):
    """Who may do what, where. A user may hold several (e.g. secretary of two clusters)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role)
    ministry = models.ForeignKey(Ministry, on_delete=models.CASCADE, verbose_name=_("bộ, ngành"))
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("cụm thi đua"),
        help_text=_("Bắt buộc với thư ký cụm; để trống với lãnh đạo cấp bộ."),
    )

    class Meta:
        db_table = "emulation_roleassignment"  # its table since it lived in the core
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
