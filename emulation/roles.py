"""What a user may see and do, read once per request from their role assignments.

Every access helper (``clusters.access``, ``units.access``, …) starts from ``scope_of``. The
assignments themselves (``accounts.RoleAssignment``) live above ``clusters``, since a role may
name a cluster: the core reads them through the function ``settings.ROLE_ROWS`` names."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MINISTRY_STAFF = "ministry_staff", _("Cán bộ Vụ Thi đua - Khen thưởng")
    CLUSTER_SECRETARY = "cluster_secretary", _("Thư ký cụm")
    LEADER = "leader", _("Lãnh đạo")


@dataclass(frozen=True)
class Scope:
    is_superuser: bool = False
    staff_ministries: frozenset = field(default_factory=frozenset)
    leader_ministries: frozenset = field(default_factory=frozenset)
    leader_clusters: frozenset = field(default_factory=frozenset)
    secretary_clusters: frozenset = field(default_factory=frozenset)

    @property
    def roles(self):
        roles = []
        if self.staff_ministries:
            roles.append(Role.MINISTRY_STAFF)
        if self.secretary_clusters:
            roles.append(Role.CLUSTER_SECRETARY)
        if self.leader_ministries or self.leader_clusters:
            roles.append(Role.LEADER)
        return roles

    def sees_ministry(self, ministry_id):
        return (
            self.is_superuser
            or ministry_id in self.staff_ministries
            or ministry_id in self.leader_ministries
        )

    def sees_cluster(self, cluster):
        return (
            self.sees_ministry(cluster.ministry_id)
            or cluster.pk in self.leader_clusters
            or cluster.pk in self.secretary_clusters
        )

    @property
    def is_ministry_staff(self):
        """Staff of some ministry (or a superuser): the ministry's desk, its exports."""
        return self.is_superuser or bool(self.staff_ministries)

    def managed(self, queryset, ministry="ministry"):
        """``queryset`` narrowed to the ministries the user manages; ``ministry`` is the path
        from its rows to their ministry."""
        if self.is_superuser:
            return queryset
        return queryset.filter(**{f"{ministry}__in": self.staff_ministries})

    def seen(self, queryset, ministry="ministry"):
        """``queryset`` narrowed to the ministries the user sees whole (staff, leaders)."""
        if self.is_superuser:
            return queryset
        seen = self.staff_ministries | self.leader_ministries
        return queryset.filter(**{f"{ministry}__in": seen})

    def manages_ministry(self, ministry_id):
        """Ministry staff: set up clusters, units, scoring tables, review proposals."""
        return self.is_superuser or ministry_id in self.staff_ministries

    def writes_cluster(self, cluster):
        """Keep the cluster's records: its secretary, or the ministry's staff."""
        return self.manages_ministry(cluster.ministry_id) or cluster.pk in self.secretary_clusters


def scope_of(user):
    if not user.is_authenticated:
        return Scope()
    cached = getattr(user, "_thidua_scope", None)
    if cached is not None:
        return cached
    rows = import_string(settings.ROLE_ROWS)(user)
    by_role = {role: [] for role in Role.values}
    for role, ministry_id, cluster_id in rows:
        by_role[role].append((ministry_id, cluster_id))
    scope = Scope(
        is_superuser=user.is_superuser,
        staff_ministries=frozenset(m for m, _ in by_role[Role.MINISTRY_STAFF]),
        leader_ministries=frozenset(m for m, c in by_role[Role.LEADER] if c is None),
        leader_clusters=frozenset(c for _, c in by_role[Role.LEADER] if c is not None),
        secretary_clusters=frozenset(c for _, c in by_role[Role.CLUSTER_SECRETARY]),
    )
    user._thidua_scope = scope
    return scope
