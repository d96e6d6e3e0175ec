"""A URL configuration with a view that fails, to see the 500 page through the whole stack."""

from django.urls import include, path


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken), path("", include("config.urls"))]
