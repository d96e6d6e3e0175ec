"""Reads of the documents app: the registers a user sees and their numbers; what the public
verification page may say about a code."""

import hashlib
import hmac
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster, Membership
from documents.models import NumberRegister, PaperVersion
from documents.models.papers import CODE_ALPHABET, CODE_LENGTH
from documents.services.register import Body, body_of_cluster, body_of_ministry, body_of_unit
from emulation.models import Ministry
from emulation.roles import scope_of
from units.models import Unit


def registers_listed(registers):
    """``registers`` (a queryset) with what the list shows: body, ministry, cancelled count."""
    return (
        registers.select_related("ministry", "cluster")
        .annotate(cancelled=Count("numbers", filter=Q(numbers__cancelled_at__isnull=False)))
        .order_by("-year", "ministry__name", "body_code", "type_code")
    )


def kept_bodies(user):
    """The issuing bodies whose registers ``user`` keeps (``documents.rights``), in the order
    a form lists them: each ministry managed, then each cluster written with its units."""
    scope = scope_of(user)
    types = NumberRegister.TypeCode
    bodies = [
        Body(
            f"m{ministry.pk}",
            ministry,
            None,
            *body_of_ministry(ministry),
            (types.DECISION, types.SUBMISSION),
        )
        for ministry in scope.managed(Ministry.objects.order_by("name"), ministry="pk")
    ]
    clusters = Cluster.objects.filter(
        Q(ministry__in=scope.staff_ministries) | Q(pk__in=scope.secretary_clusters)
    )
    if scope.is_superuser:
        clusters = Cluster.objects.all()
    clusters = list(clusters.select_related("ministry").order_by("ministry__name", "number"))
    pairs = (
        Membership.objects.filter(cluster_year__cluster__in=clusters)
        .values_list("cluster_year__cluster_id", "unit_id")
        .distinct()
    )
    clusters_of = {}
    for cluster_id, unit_id in pairs:
        clusters_of.setdefault(unit_id, set()).add(cluster_id)
    units = {}
    for unit in Unit.objects.filter(pk__in=clusters_of).order_by("name"):
        for cluster_id in clusters_of[unit.pk]:
            units.setdefault(cluster_id, []).append(unit)
    for cluster in clusters:
        bodies.append(
            Body(
                f"c{cluster.pk}",
                cluster.ministry,
                cluster,
                *body_of_cluster(cluster),
                (types.SUBMISSION, types.MINUTES),
            )
        )
        bodies += [
            Body(
                f"u{unit.pk}-{cluster.pk}",
                cluster.ministry,
                cluster,
                *body_of_unit(unit),
                (types.REPORT,),
            )
            for unit in units.get(cluster.pk, [])
        ]
    return bodies


def register_numbers(register):
    """The register's numbers, the latest first, each with its paper (if one carries it)."""
    return register.numbers.select_related("paper", "issued_by", "cancelled_by").order_by("-number")


class State(models.TextChoices):
    VALID = "valid", _("Có hiệu lực")
    REPLACED = "replaced", _("Đã được thay thế bằng bản mới hơn")
    REVOKED = "revoked", _("Đã bị thu hồi")


@dataclass(frozen=True)
class Verification:
    """What the public page says about an issued version: nothing of its content."""

    version: PaperVersion
    state: str
    replaced_at: object = None  # when the later version was generated
    signed_copy: PaperVersion = None  # the version as signed elsewhere and uploaded

    @property
    def paper(self):
        return self.version.paper

    @property
    def number(self):
        return self.version.paper.number

    def state_label(self):
        return State(self.state).label

    def matches(self, upload):
        """Whether the uploaded file's SHA-256 is the issued version's (the file is read in
        chunks and never stored)."""
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        found = digest.hexdigest()
        issued = [self.version] + ([self.signed_copy] if self.signed_copy else [])
        return any(hmac.compare_digest(found, version.sha256.lower()) for version in issued)


def is_code(code):
    return len(code) == CODE_LENGTH and all(char in CODE_ALPHABET for char in code)


def verification_of(code):
    """The verification of ``code``, or None when no issued (ready) version carries it (a
    draft is never verifiable): a
    malformed code, an unknown one and a version not yet built are told apart nowhere.

    Revoked if the version was revoked; replaced if a later ready version of the same paper
    exists; valid otherwise."""
    if not isinstance(code, str) or not is_code(code):
        return None
    ready = PaperVersion.Status.READY
    version = (
        PaperVersion.objects.select_related("paper__number__register")
        .filter(code=code, status=ready, issued=True)
        .first()
    )
    if version is None:
        return None
    if version.revoked_at is not None:
        return Verification(version, State.REVOKED)
    signed_copy = (
        PaperVersion.objects.filter(signed_copy_of=version, status=ready).order_by("-pk").first()
    )
    later = list(
        PaperVersion.objects.filter(
            paper_id=version.paper_id, status=ready, issued=True, pk__gt=version.pk
        )
        .exclude(signed_copy_of=version)
        .order_by("pk")
        .values_list("generated_at", flat=True)[:1]
    )
    if later:
        return Verification(version, State.REPLACED, replaced_at=later[0])
    return Verification(version, State.VALID, signed_copy=signed_copy)
