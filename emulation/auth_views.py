"""The login, logout and password-change pages: Django's, plus an audit entry each, and the
page shown to an account or address locked out after too many failed logins."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from emulation.auth import session_event_record


class LoginView(auth_views.LoginView):
    def form_valid(self, form):
        response = super().form_valid(form)
        session_event_record(user=form.get_user(), action="login", request=self.request)
        return response


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            session_event_record(user=request.user, action="logout", request=request)
        return super().post(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form):
        response = super().form_valid(form)
        session_event_record(user=form.user, action="password_change", request=self.request)
        return response


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes' lockout answer (429): why, and for how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
