"""What a user may see and do, read once per request from their role assignments.

Every access helper (``clusters.access``, ``units.access``, …) starts from ``scope_of``. The
assignments themselves (``accounts.RoleAssignment``) live above ``clusters``, since a role may
name a cluster: the core reads them through the function ``settings.ROLE_ROWS`` names.

The rows are read from the cache while no role changed (every page asks, so it saves a query
per request). Each user's rows are kept with the token of the roles they were read under;
``roles_changed`` replaces the token whenever an assignment is written (rare: an account
page, the admin). A request that read the rows before the change stored them under the old
token, which nobody asks for any more. A token lost from the cache means every user's rows
are read again; an entry outlives a change made during an outage of the cache by at most
``ROLES_CACHE_SECONDS``."""

from dataclasses import dataclass, field
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
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
        if self.is_leader:
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
    def is_leader(self):
        """A leader of some ministry or cluster: the year's tiles."""
        return bool(self.leader_ministries or self.leader_clusters)

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

    def seen(self, queryset, ministry="ministry", cluster=None):
        """``queryset`` narrowed to the ministries the user sees whole (staff, leaders) and,
        given ``cluster`` (the path from its rows to their cluster), the clusters they see one
        by one (leaders, secretaries). Only the conditions the user has: an empty one would
        be compiled for nothing."""
        if self.is_superuser:
            return queryset
        ministries = self.staff_ministries | self.leader_ministries
        clusters = self.leader_clusters | self.secretary_clusters if cluster else frozenset()
        seen = models.Q()
        if ministries:
            seen |= models.Q(**{f"{ministry}__in": ministries})
        if clusters:
            seen |= models.Q(**{f"{cluster}__in": clusters})
        return queryset.filter(seen) if seen else queryset.none()

    def manages_ministry(self, ministry_id):
        """Ministry staff: set up clusters, units, scoring tables, review proposals."""
        return self.is_superuser or ministry_id in self.staff_ministries

    def is_secretary_of(self, cluster_id):
        """The cluster's own secretary (a superuser is none): the cluster's task list."""
        return cluster_id in self.secretary_clusters

    def acts_as_secretary(self, cluster_id):
        """Do what only the cluster's secretary does (count its votes, write its papers): its
        secretary, or a superuser."""
        return self.is_superuser or self.is_secretary_of(cluster_id)

    def writes_cluster(self, cluster):
        """Keep the cluster's records: its secretary, or the ministry's staff."""
        return self.manages_ministry(cluster.ministry_id) or cluster.pk in self.secretary_clusters


def scope_of(user):
    if not user.is_authenticated:
        return Scope()
    cached = getattr(user, "_thidua_scope", None)
    if cached is not None:
        return cached
    rows = _role_rows(user)
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


ROLES_CACHE_SECONDS = 300


TOKEN_KEY = "roles-token"


def _role_rows(user):
    """``settings.ROLE_ROWS`` of ``user``, from the cache while the roles' token is unchanged."""
    token_key, rows_key = TOKEN_KEY, f"roles:{user.pk}"
    found = cache.get_many([token_key, rows_key])
    token, entry = found.get(token_key), found.get(rows_key)
    if token is not None and entry is not None and entry[0] == token:
        return entry[1]
    if token is None:
        token = uuid4().hex
        if not cache.add(token_key, token, ROLES_CACHE_SECONDS):
            token = cache.get(token_key)  # another request made one first (or no cache)
    rows = list(import_string(settings.ROLE_ROWS)(user))  # read after the token
    if token is not None:
        cache.set(rows_key, (token, rows), ROLES_CACHE_SECONDS)
    return rows


def roles_changed(**kwargs):
    """A role assignment was written (a signal's receiver, or called after a bulk write):
    forget every cached row now (the transaction's own requests) and again once it commits
    (a request that read the old rows meanwhile)."""

    def forget():
        cache.set(TOKEN_KEY, uuid4().hex, ROLES_CACHE_SECONDS)

    forget()
    transaction.on_commit(forget)
