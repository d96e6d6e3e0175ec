"""The password-change page (Django's, plus an audit entry; logins and logouts are audited by
``emulation.auth``'s signal receivers, the admin's too) and the page shown to an account or
address locked out after too many failed logins."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from emulation.auth import session_event_record


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
