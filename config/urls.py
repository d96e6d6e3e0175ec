from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switch works before signing in (the login page offers it).
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("", include("emulation.urls")),
    path("", include("portal.urls")),
    path("reports/", include("documents.reports.urls")),
    path("units/", include("units.urls")),
    path("clusters/", include("clusters.urls")),
    path("awards/", include("awards.urls")),
    path("documents/", include("documents.urls")),
    # Public: what the QR code of an issued paper opens (documents.verify, no login).
    path("v/", include("documents.urls_public")),
    path("documents/papers/", include("documents.urls_papers")),
]
