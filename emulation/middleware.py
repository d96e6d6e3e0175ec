from django.contrib.auth.views import redirect_to_login
from django.urls import resolve

PUBLIC_URL_NAMES = {"login", "set_language", "health", "bench_bare"}


class LoginRequiredMiddleware:
    """Every page needs a signed-in user, except the login page itself (and the admin's own
    login). A view cannot forget it."""

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
