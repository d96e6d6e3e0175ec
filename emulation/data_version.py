"""A ministry-year's data version (``EmulationYear.data_version``): a counter bumped in the
transaction of every write to the ministry's records of that year (its scoring tables, its
decisions, its own year-end report) and, for a record of no year (a unit, a person, a
cluster, the ministry's award settings), of every year of the ministry. With the
cluster-year's own counter it keys the cached page fragments and tells whether a report's
PDF is outdated; ``clusters.data_version`` connects the writes to these bumps.

``ministry_id`` and ``year`` may be values or expressions (a subquery): one UPDATE each."""

from django.db.models import F

from emulation.models import EmulationYear


def _bump(years):
    return years.update(data_version=F("data_version") + 1)


def bump_emulation_year(*, pk):
    return _bump(EmulationYear.objects.filter(pk=pk))


def bump_ministry_year(*, ministry_id, year):
    return _bump(EmulationYear.objects.filter(ministry_id=ministry_id, year=year))


def bump_ministry(*, ministry_id):
    """A record of no year changed (a unit's name, a cluster, the ministry itself): every
    year of the ministry may show it."""
    return _bump(EmulationYear.objects.filter(ministry_id=ministry_id))


def bump_every_ministry():
    """The national catalogue changed (legal regimes, award titles, base salaries)."""
    return _bump(EmulationYear.objects.all())


# model -> bump(instance): what a record of that model belongs to, bumped. Filled at start-up
# by ``clusters.data_version_signals`` (which connects the same bumps to every save/delete).
BUMPERS = {}


def bump_for_record(obj):
    """Bump what ``obj`` belongs to. ``audit_record`` calls it before taking the audit chain's
    lock, so every transaction locks its year's counter before the chain's lock, never after:
    a write that follows the audit entry finds the counter's row already its own."""
    bump = BUMPERS.get(type(obj))
    if bump is not None:
        bump(obj)
