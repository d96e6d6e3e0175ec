"""Every ``save()`` and ``delete()`` of a year's records bumps the year's data version
(``clusters.data_version``), found from the models' foreign keys, so a new model cannot be
forgotten: at start-up each model is given its *anchors*, the paths from it to what it
belongs to, tried in this order until one bumps a row:

1. a cluster-year (``Score.cluster_year``, ``Award.nomination.proposal.cluster_year``, …);
2. a ministry-year: an ``EmulationYear`` by foreign key, or a model with a ``year`` and a
   path to its ministry (``ScoringTable``, ``Decision``, ``UnitYear``, …);
3. a ministry (a unit, a person, a cluster, the council): every year of the ministry;
4. the national catalogue (``NATIONAL``): every ministry-year.

Paths are followed in one UPDATE (the first foreign key from the instance, the rest as a
subquery), inside the write's transaction. ``NOT_DATA`` lists the records that have such a
path but are not the year's data, each with the reason."""

from collections import deque
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Subquery, signals

from clusters import data_version as cluster_versions
from clusters.models import ClusterYear
from emulation import data_version as ministry_versions
from emulation.models import EmulationYear, Ministry

MAX_DEPTH = 4
NOT_DATA = {
    "documents.reportversion": "a PDF built from the data: its build writes its state",
    "documents.paperversion": "a paper's generated file, likewise",
    "documents.numberregister": "the register of numbers: no cached page shows it",
    "documents.registerednumber": "a number taken from the register, likewise",
    "awards.sentreminder": "the log of reminders sent",
    "emulation.importbatch": "an import's progress; its commit bumps the ministry itself",
    "accounts.roleassignment": "rights, not data: cached fragments are keyed by the rights",
}
NATIONAL = {"emulation.legalregime", "emulation.awardtitle", "emulation.basesalary"}
TARGETS = {ClusterYear: "cluster_year", EmulationYear: "emulation_year", Ministry: "ministry"}
BUMPS = {
    "cluster_year": lambda pk: cluster_versions.bump_cluster_year(pk=pk),
    "emulation_year": lambda pk: ministry_versions.bump_emulation_year(pk=pk),
    "ministry": lambda pk: ministry_versions.bump_ministry(ministry_id=pk),
    "ministry_year": lambda pk, year: ministry_versions.bump_ministry_year(
        ministry_id=pk, year=year
    ),
}
ORDER = ["cluster_year", "emulation_year", "ministry_year", "ministry"]


@dataclass(frozen=True)
class Anchor:
    kind: str
    paths: tuple  # of paths, each a tuple of fields: the target's id (and the year)


def _relations(model):
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model not in (None, user_model):
            yield field


def _year_field(model):
    return next((f for f in model._meta.concrete_fields if f.name == "year"), None)


def _paths(model):
    """(node model, path) for every model reachable by foreign keys, shortest first."""
    queue, seen = deque([(model, ())]), set()
    while queue:
        node, path = queue.popleft()
        yield node, path
        if len(path) == MAX_DEPTH or (path and node in TARGETS):
            continue
        for field in _relations(node):
            if (node, field) not in seen:
                seen.add((node, field))
                queue.append((field.related_model, (*path, field)))


def anchors_of(model):
    found = []
    for node, path in _paths(model):
        if node in TARGETS:
            found.append(Anchor(TARGETS[node], (path,)))
        year = _year_field(node)
        if year is not None and node not in TARGETS:
            ministry = next((p for n, p in _paths(node) if n is Ministry and p), None)
            if ministry is not None:
                found.append(Anchor("ministry_year", ((*path, *ministry), (*path, year))))
    return sorted(found, key=lambda a: (ORDER.index(a.kind), len(a.paths[0])))


def _value(instance, path):
    """The path's end from the instance: a value, a subquery, or None (a foreign key unset)."""
    if not path:
        return instance.pk
    first, rest = path[0], path[1:]
    value = getattr(instance, first.attname)
    if value is None or not rest:
        return value
    lookup = "__".join(field.name for field in rest)
    related = first.related_model._base_manager.filter(pk=value).values(lookup)[:1]
    return Subquery(related)


def bump_for(instance, anchors):
    """Bump the first anchor that names an existing row; nothing when none does."""
    for anchor in anchors:
        values = [_value(instance, path) for path in anchor.paths]
        if any(value is None for value in values):
            continue
        if BUMPS[anchor.kind](*values):
            return anchor.kind
    return None


def _bumper(anchors):
    return lambda instance: bump_for(instance, anchors)


def _bump_everything(instance):
    ministry_versions.bump_every_ministry()


def _receiver(bump):
    def receiver(sender, instance, **kwargs):
        bump(instance)

    return receiver


def _m2m_receiver(model, field, anchors):
    """``ClusterYear.units.add(…)`` and the like write the link table without ``save()``."""

    def bump(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in ("post_add", "post_remove", "pre_clear"):
            return
        if not reverse:
            bump_for(instance, anchors)
            return
        owners = model._base_manager.filter(**{field.name: instance})
        if pk_set is not None:
            owners = model._base_manager.filter(pk__in=pk_set)
        for owner in owners:
            bump_for(owner, anchors)

    return bump


def connect():
    """Called once from ``ClustersConfig.ready``, when every app's models are loaded."""
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in NOT_DATA:
            continue
        if label in NATIONAL:
            bump = _bump_everything
        else:
            anchors = anchors_of(model)
            if not anchors:
                continue
            bump = _bumper(anchors)
            for field in model._meta.local_many_to_many:
                links = _m2m_receiver(model, field, anchors)
                signals.m2m_changed.connect(links, sender=field.remote_field.through, weak=False)
        ministry_versions.BUMPERS[model] = bump
        receiver = _receiver(bump)
        signals.post_save.connect(receiver, sender=model, weak=False)
        signals.post_delete.connect(receiver, sender=model, weak=False)
