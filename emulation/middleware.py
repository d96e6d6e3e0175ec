from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.middleware.locale import LocaleMiddleware
from django.urls import resolve
from django.utils import translation

PUBLIC_URL_NAMES = {
    "login",
    "set_language",
    "health",
    "bench_bare",
    # Password reset by e-mail: for the one who cannot sign in.
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "invitation_accept",
    "invitation_done",
}


class LoginRequiredMiddleware:
    """Every page needs a signed-in user, except the login page itself, the password reset
    pages (and the admin's own login). A view cannot forget it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.user.is_authenticated:
            return None
        match = resolve(request.path_info)
        if match.url_name in PUBLIC_URL_NAMES or match.namespace == "admin":
            return None
        return redirect_to_login(request.get_full_path())


class LanguageMiddleware(LocaleMiddleware):
    """Vietnamese unless the user chose another language (the language cookie set by the
    switch). The browser's Accept-Language is ignored: an office PC set up in English
    should still show the Vietnamese the civil servant expects."""

    def process_request(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if code not in dict(settings.LANGUAGES):
            code = settings.LANGUAGE_CODE
        translation.activate(code)
        request.LANGUAGE_CODE = translation.get_language()


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """No inline script or style anywhere, nothing from another origin: the strict policy
    that the templates are written for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
