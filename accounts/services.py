from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.invitations import invitation_send
from accounts.models import RoleAssignment
from emulation.audit import audit_record, snapshot
from emulation.concurrency import refuse_duplicate
from emulation.errors import DomainError
from emulation.roles import Role, scope_of

User = get_user_model()


def _check_grant(*, actor, role, ministry, cluster):
    scope = scope_of(actor)
    if not scope.manages_ministry(ministry.pk):
        raise DomainError(_("Bạn chỉ được cấp quyền trong bộ, ngành mà bạn quản lý."))
    if cluster is not None and cluster.ministry_id != ministry.pk:
        raise DomainError(_("Cụm thi đua không thuộc bộ, ngành đã chọn."), field="cluster")
    if role == Role.CLUSTER_SECRETARY and cluster is None:
        raise DomainError(_("Thư ký cụm phải được gán cho một cụm thi đua."), field="cluster")
    if role == Role.MINISTRY_STAFF and cluster is not None:
        raise DomainError(_("Cán bộ Vụ quản lý cả bộ, ngành: không chọn cụm."), field="cluster")


def _role(assignment):
    """What the audit trail keeps of a role given or taken back (on the account's entry)."""
    return snapshot(assignment, ("role", "ministry", "cluster"))


@transaction.atomic
def account_create(*, actor, username, full_name, email, password, role, ministry, cluster=None):
    _check_grant(actor=actor, role=role, ministry=ministry, cluster=cluster)
    taken = _("Tên đăng nhập này đã có người dùng.")
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(taken, field="username")
    # Without a password the account gets an invitation to set its own (accounts.invitations).
    with refuse_duplicate(taken, field="username"):
        user = User.objects.create_user(
            username=username, email=email, password=password or None, first_name=full_name
        )
    if not password:
        transaction.on_commit(lambda: invitation_send(user=user))
    assignment = RoleAssignment.objects.create(
        user=user, role=role, ministry=ministry, cluster=cluster
    )
    audit_record(actor=actor, action="account_create", obj=user, after=_role(assignment))
    return assignment


@transaction.atomic
def account_grant(*, actor, user, role, ministry, cluster=None):
    _check_grant(actor=actor, role=role, ministry=ministry, cluster=cluster)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, ministry=ministry, cluster=cluster
    )
    if created:
        audit_record(actor=actor, action="role_grant", obj=user, after=_role(assignment))
    return assignment


@transaction.atomic
def account_revoke(*, actor, assignment):
    if not scope_of(actor).manages_ministry(assignment.ministry_id):
        raise DomainError(_("Bạn chỉ được thu hồi quyền trong bộ, ngành mà bạn quản lý."))
    if assignment.user_id == actor.pk:
        raise DomainError(_("Bạn không thể tự thu hồi quyền của mình."))
    # The account's row lock: two revocations at once cannot both pass the last-role check,
    # nor record one revocation twice.
    User.objects.select_for_update().filter(pk=assignment.user_id).values_list("pk").first()
    if not RoleAssignment.objects.filter(pk=assignment.pk).exists():
        raise DomainError(_("Quyền này vừa được thu hồi."))
    if not assignment.user.role_assignments.exclude(pk=assignment.pk).exists():
        # An account without any role drops out of every list: lock it instead.
        raise DomainError(
            _("Đây là quyền cuối cùng của tài khoản. Hãy khóa tài khoản thay vì thu hồi quyền.")
        )
    audit_record(
        actor=actor,
        action="role_revoke",
        obj=assignment.user,
        before=_role(assignment),
    )
    assignment.delete()


@transaction.atomic
def account_set_active(*, actor, user, active):
    if user.pk == actor.pk:
        raise DomainError(_("Bạn không thể tự khóa tài khoản của mình."))
    if user.is_superuser and not actor.is_superuser:
        raise DomainError(_("Chỉ quản trị hệ thống mới được khóa tài khoản quản trị."))
    # Under the account's row lock, from the stored state: ten identical requests change
    # it (and audit it) once.
    user.is_active = (
        User.objects.select_for_update().values_list("is_active", flat=True).get(pk=user.pk)
    )
    ministries = set(user.role_assignments.values_list("ministry_id", flat=True))
    scope = scope_of(actor)
    if not ministries or not all(scope.manages_ministry(m) for m in ministries):
        raise DomainError(_("Tài khoản này có quyền ngoài phạm vi bạn quản lý."))
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action="account_activate" if active else "account_deactivate",
            obj=user,
            before={"is_active": not active},
            after={"is_active": active},
        )
