"""Logging in: throttling (django-axes, settings ``AXES_*``), the client's address, and the
audit entries of logins, logouts and password changes."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.dispatch import receiver

from emulation.audit import audit_record


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses a login while the account or the address is locked out.

    Every login form of the site (the login page, the admin's) passes the request; a call
    without one (``Client.login`` in tests, a shell) has no address to throttle and is left to
    the next backend instead of failing."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The client's address: ``REMOTE_ADDR``, or the header the proxy in front sets
    (``CLIENT_IP_HEADER``, e.g. ``HTTP_X_REAL_IP``)."""
    if settings.CLIENT_IP_HEADER:
        forwarded = request.META.get(settings.CLIENT_IP_HEADER, "")
        if forwarded:
            return forwarded.split(",")[0].strip()[:45]
    return request.META.get("REMOTE_ADDR")


@transaction.atomic
def session_event_record(*, user, action, request):
    """Audit a login, a logout or a password change of ``user`` (the actor and the object)."""
    return audit_record(
        actor=user,
        action=action,
        obj=user,
        after={"ip": client_ip(request)},
    )


def _from_a_page(request):
    """A login or logout made through a page (the site's or the admin's), not in code: the
    test client's ``force_login`` sends the signals with an empty request."""
    return request is not None and bool(getattr(request, "path", ""))


@receiver(user_logged_in, dispatch_uid="thidua-audit-login")
def audit_login(sender, request, user, **kwargs):
    if _from_a_page(request):
        session_event_record(user=user, action="login", request=request)


@receiver(user_logged_out, dispatch_uid="thidua-audit-logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None and _from_a_page(request):
        session_event_record(user=user, action="logout", request=request)
