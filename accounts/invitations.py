"""Accounts in bulk: a sheet of people with their role and scope; each new account gets an
e-mail with a link to set their own password. Staff never set nor see anyone's password.

The link carries Django's password-reset token made with a salt of its own: it is bound to
one account (its id, its password hash and last login), so it works once (setting the password
changes the hash), for ``settings.INVITATION_TIMEOUT`` seconds, and for nobody else."""

import datetime
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import RoleAssignment
from clusters.models import Cluster
from emulation.audit import audit_record
from emulation.errors import DomainError
from emulation.imports.engine import Column, SheetSpec, register
from emulation.roles import Role, scope_of

User = get_user_model()


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    # Named after the module it was first written in: the links already sent stay valid.
    key_salt = "thidua.emulation.invitations.InvitationTokenGenerator"

    def check_token(self, user, token):
        """Django's check, with the invitation's own lifetime instead of the password
        reset's (``PASSWORD_RESET_TIMEOUT``)."""
        if not (user and token):
            return False
        try:
            timestamp = base36_to_int(str(token).partition("-")[0])
        except ValueError:
            return False
        if self._num_seconds(self._now()) - timestamp > settings.INVITATION_TIMEOUT:
            return False
        return _AtMoment(timestamp).check_hash(user, token)


class _AtMoment(InvitationTokenGenerator):
    """Checks only the token's hash: the clock stands at the token's own moment."""

    def __init__(self, timestamp):
        super().__init__()
        self.timestamp = timestamp

    def _now(self):
        return datetime.datetime(2001, 1, 1) + datetime.timedelta(seconds=self.timestamp)

    def check_hash(self, user, token):
        return PasswordResetTokenGenerator.check_token(self, user, token)


invitation_tokens = InvitationTokenGenerator()


def invitation_link(user):
    path = reverse(
        "invitation_accept",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), invitation_tokens.make_token(user)],
    )
    return settings.SITE_URL.rstrip("/") + path


def invitation_send(*, user):
    days = settings.INVITATION_TIMEOUT // 86400
    body = _(
        "Kính gửi %(name)s,\n\n"
        "Bạn được mời dùng phần mềm thi đua, khen thưởng với tên đăng nhập: %(username)s\n"
        "Hãy mở liên kết dưới đây để tự đặt mật khẩu (liên kết dùng được một lần, trong "
        "%(days)s ngày):\n\n%(link)s\n\n"
        "Không ai khác biết mật khẩu của bạn. Nếu bạn không chờ thư này, hãy bỏ qua nó."
    ) % {
        "name": user.first_name or user.username,
        "username": user.username,
        "days": days,
        "link": invitation_link(user),
    }
    send_mail(
        _("Mời đặt mật khẩu tài khoản thi đua, khen thưởng"),
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


@transaction.atomic
def account_invite(*, actor, user):
    """Send (again) the link to set a password; only to an account that never set one."""
    ministries = set(user.role_assignments.values_list("ministry_id", flat=True))
    scope = scope_of(actor)
    if not ministries or not all(scope.manages_ministry(m) for m in ministries):
        raise DomainError(_("Tài khoản này có quyền ngoài phạm vi bạn quản lý."))
    if not user.email:
        raise DomainError(_("Tài khoản chưa có thư điện tử để gửi thư mời."))
    if user.has_usable_password():
        raise DomainError(_("Người dùng đã tự đặt mật khẩu; không cần mời lại."))
    if not user.is_active:
        raise DomainError(_("Tài khoản đang bị khóa."))
    audit_record(actor=actor, action="account_invite", obj=user, after={"email": user.email})
    transaction.on_commit(lambda: invitation_send(user=user))


ROLE_CHOICES = (
    (Role.CLUSTER_SECRETARY, Role.CLUSTER_SECRETARY.label),
    (Role.LEADER, Role.LEADER.label),
)


class AccountSheet(SheetSpec):
    slug = "accounts"
    title = gettext_lazy("Tài khoản thư ký cụm và lãnh đạo")
    description = gettext_lazy(
        "Mỗi dòng một người và một vai trò; tài khoản mới nhận thư mời tự đặt mật khẩu."
    )
    sheet_title = "Tài khoản"
    columns = (
        Column(
            "username",
            gettext_lazy("Tên đăng nhập"),
            required=True,
            max_length=150,
            width=20,
            note=gettext_lazy("Chữ không dấu, số và . @ + - _"),
        ),
        Column("full_name", gettext_lazy("Họ và tên"), required=True, max_length=150, width=28),
        Column(
            "email",
            gettext_lazy("Thư điện tử"),
            max_length=254,
            width=30,
            note=gettext_lazy("Bắt buộc với tài khoản mới: thư mời đặt mật khẩu gửi tới đây."),
        ),
        Column(
            "role",
            gettext_lazy("Vai trò"),
            kind="choice",
            required=True,
            choices=ROLE_CHOICES,
            width=16,
        ),
        Column(
            "cluster_kind",
            gettext_lazy("Loại cụm"),
            kind="choice",
            choices=tuple(Cluster.Kind.choices),
            width=14,
            note=gettext_lazy("Bắt buộc với thư ký cụm; lãnh đạo bộ để trống."),
        ),
        Column("cluster_number", gettext_lazy("Số cụm, khối"), kind="int", width=10),
    )
    key = ("username", "role", "cluster_kind", "cluster_number")

    def _values(self, assignment):
        cluster = assignment.cluster
        return {
            "username": assignment.user.username,
            "full_name": assignment.user.first_name,
            "email": assignment.user.email,
            "role": assignment.role,
            "cluster_kind": cluster.kind if cluster else "",
            "cluster_number": cluster.number if cluster else None,
        }

    def check(self, *, ministry, rows, state):
        clusters = state.setdefault(
            "clusters", {(c.kind, c.number): c for c in Cluster.objects.filter(ministry=ministry)}
        )
        names = {row.values["username"].lower() for row in rows}
        pattern = r"^(" + "|".join(re.escape(name) for name in names) + r")$"
        users = {u.username.lower(): u for u in User.objects.filter(username__iregex=pattern)}
        emails = {row.values["email"].lower() for row in rows if row.values.get("email")}
        owners = {
            u.email_lower: u.username.lower()
            for u in User.objects.annotate(email_lower=Lower("email")).filter(
                email_lower__in=emails
            )
        }
        assignments = {}
        ministries_of = {}
        for a in RoleAssignment.objects.filter(user__in=users.values()).select_related(
            "user", "cluster"
        ):
            ministries_of.setdefault(a.user_id, set()).add(a.ministry_id)
            if a.ministry_id == ministry.pk:
                key = (
                    a.user.username.lower(),
                    a.role,
                    a.cluster.kind if a.cluster else "",
                    a.cluster.number if a.cluster else None,
                )
                assignments[key] = a
        people = state.setdefault("people", {})
        email_rows = state.setdefault("emails", {})
        for row in rows:
            values = row.values
            username, email = values["username"].lower(), values.get("email", "")
            if not re.fullmatch(r"[\w.@+-]+", values["username"]):
                row.refuse("username", _("Chỉ dùng chữ không dấu, số và các ký tự . @ + - _"))
            user = users.get(username)
            if not email and user is None:
                row.refuse("email", _("cần thư điện tử để gửi thư mời đặt mật khẩu"))
            try:
                if email:
                    validate_email(email)
            except ValidationError:
                row.refuse("email", _("“%(v)s” không phải địa chỉ thư điện tử") % {"v": email})
            if user is not None and ministries_of.get(user.pk, set()) != {ministry.pk}:
                row.refuse("username", _("tên đăng nhập này đã có người dùng ở nơi khác"))
            elif user is not None:
                self._refuse_a_change(row, user)
            if email and owners.get(email.lower(), username) != username:
                row.refuse(
                    "email",
                    _("thư điện tử “%(v)s” đã dùng cho một tài khoản khác") % {"v": email},
                )
            kind, number = values.get("cluster_kind", ""), values.get("cluster_number")
            if bool(kind) != (number is not None):
                row.refuse("cluster_number", _("ghi cả loại và số cụm, hoặc để trống cả hai"))
            elif kind and (kind, number) not in clusters:
                row.refuse(
                    "cluster_number", _("bộ, ngành chưa có cụm, khối này: nhập danh sách cụm trước")
                )
            elif values["role"] == Role.CLUSTER_SECRETARY and not kind:
                row.refuse("cluster_number", _("Thư ký cụm phải được gán cho một cụm thi đua."))
            same = people.setdefault(username, (values["full_name"], email, row.number))
            if same[:2] != (values["full_name"], email):
                row.refuse(
                    "email", _("khác họ tên hoặc thư điện tử ở dòng %(row)s") % {"row": same[2]}
                )
            if email:
                first = email_rows.setdefault(email.lower(), (username, row.number))
                if first[0] != username:
                    row.refuse(
                        "email",
                        _("thư điện tử trùng với tài khoản khác ở dòng %(row)s")
                        % {"row": first[1]},
                    )
            if row.errors:
                continue
            row.key = (username, values["role"], kind, number)
            assignment = assignments.get(row.key)
            if assignment is not None:
                row.obj, row.old = assignment, self.rendered(self._values(assignment))
            elif user is not None:
                state.setdefault("users", {})[username] = user

    @staticmethod
    def _refuse_a_change(row, user):
        """A sheet adds accounts and roles; it never renames an account nor changes its
        e-mail (whoever holds the account would lose it silently): a row that names an existing
        account with other data is refused, and the account is corrected on its own page."""
        values = row.values
        if values["full_name"] != " ".join(user.first_name.split()):
            row.refuse(
                "full_name",
                _(
                    "tài khoản “%(u)s” đã có với họ tên “%(name)s”: tệp không sửa tài khoản đã "
                    "có, hãy sửa ở trang của tài khoản"
                )
                % {"u": user.username, "name": user.first_name},
            )
        if values.get("email") and values["email"].lower() != user.email.lower():
            row.refuse(
                "email",
                _(
                    "tài khoản “%(u)s” đã có với thư điện tử “%(email)s”: tệp không sửa tài "
                    "khoản đã có, hãy sửa ở trang của tài khoản"
                )
                % {"u": user.username, "email": user.email},
            )
        if not row.errors:  # the same account: compared as stored, so it shows unchanged
            values["full_name"], values["email"] = user.first_name, user.email

    def write(self, *, ministry, actor, created, changed, state):
        users = state.setdefault("users", {})
        invite = state.setdefault("invite", [])
        for row in [*changed, *created]:
            values = row.values
            user = row.obj.user if row.obj else users.get(values["username"].lower())
            if user is None:
                user = User(
                    username=values["username"],
                    email=values["email"],
                    first_name=values["full_name"],
                )
                user.set_unusable_password()
                user.save()
                users[values["username"].lower()] = user
                invite.append(user)
            if row.obj is None:
                kind = values.get("cluster_kind")
                cluster = state["clusters"][(kind, values["cluster_number"])] if kind else None
                RoleAssignment.objects.create(
                    user=user, role=values["role"], ministry=ministry, cluster=cluster
                )

    def finish(self, *, ministry, actor, state, commit):
        if commit:
            for user in state.get("invite", []):
                transaction.on_commit(lambda user=user: invitation_send(user=user))
        return []

    def export_rows(self, *, ministry):
        assignments = (
            RoleAssignment.objects.filter(ministry=ministry, role__in=[r for r, _l in ROLE_CHOICES])
            .select_related("user", "cluster")
            .order_by("user__username", "role", "cluster__number")
        )
        for assignment in assignments.iterator(chunk_size=2000):
            yield self._values(assignment)


def register_sheets():
    register(AccountSheet())
