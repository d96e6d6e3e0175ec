"""The rights a service checks itself, whoever calls it (a view, a command, the shell): the
views' access helpers answer 404/403 first, and these make sure no other caller can write
what the actor may not. Each raises ``DomainError`` with the reason."""

from django.utils.translation import gettext as _

from emulation.errors import DomainError
from emulation.roles import scope_of


class RightsError(DomainError):
    """The actor may not do this (a service-level refusal, whatever the caller)."""


def require_manager(actor, ministry_id):
    """Ministry staff of ``ministry_id`` (or a superuser)."""
    if actor is None or not scope_of(actor).manages_ministry(ministry_id):
        raise RightsError(_("Chỉ cán bộ Vụ Thi đua - Khen thưởng của bộ, ngành được làm việc này."))


def require_record_manager(actor, record):
    """Staff of the ministry a record (a cluster, a unit) belongs to, and of the one it had
    before this change: staff of another ministry cannot move it into theirs."""
    require_manager(actor, record.ministry_id)
    if record.pk is not None:
        stored = type(record)._default_manager.values_list("ministry_id", flat=True)
        require_manager(actor, stored.get(pk=record.pk))


def require_cluster_writer(actor, cluster):
    """The cluster's secretary or its ministry's staff."""
    if actor is None or not scope_of(actor).writes_cluster(cluster):
        raise RightsError(_("Chỉ thư ký của cụm hoặc cán bộ Vụ được sửa số liệu của cụm này."))


def require_cluster_secretary(actor, cluster_id):
    """The cluster's own secretary: votes are counted by them only."""
    scope = scope_of(actor) if actor is not None else None
    if scope is None or not scope.acts_as_secretary(cluster_id):
        raise RightsError(_("Chỉ thư ký của cụm được nhập và kết thúc bỏ phiếu."))
