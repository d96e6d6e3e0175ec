"""The public verification pages, at /v/: short, printed under each paper's QR code."""

from django.urls import path

from documents import verify

app_name = "verify"

urlpatterns = [
    path("", verify.verify_home, name="home"),
    path("<str:code>/", verify.verify_code, name="code"),
]
