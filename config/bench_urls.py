"""URLconf of the benchmark only (config.bench_settings): every page of config.urls plus a bare
view, the floor of the stack the pages are measured against."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as app_urlpatterns


@login_not_required
def bench_bare(request):
    """Same gunicorn, same middleware, no template and no query."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bench_bare, name="bench_bare"), *app_urlpatterns]
