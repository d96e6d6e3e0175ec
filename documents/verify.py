"""The public verification page (no login): /v/ to type a code, /v/<code>/ for what the QR
code printed on a paper opens. It states the paper's number and symbol, date, issuing body,
type, summary line, SHA-256, state and signature, nothing else of its content; a file uploaded
there is compared with the issued one by its SHA-256 and never stored.

A malformed, unknown or not yet issued code all get the same answer (404, the same page): the
page tells nothing about codes that carry no paper. Requests are rate limited per client
address (``VERIFY_RATE``), counted in the cache."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from documents.forms import CodeForm, FileCheckForm
from documents.selectors import verification_of

TEMPLATE = "documents/verify.html"
GROUP = "documents.verify"


def verify_rate(group, request):
    """``VERIFY_RATE``, read at each request rather than once at import."""
    return settings.VERIFY_RATE


def _limited(view):
    return login_not_required(
        require_http_methods(["GET", "POST"])(
            ratelimit(group=GROUP, key="ip", rate=verify_rate, block=False)(view)
        )
    )


def _too_many(request):
    message = _("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Hãy thử lại sau ít phút.")
    return render(request, TEMPLATE, {"limited": message}, status=429)


@_limited
def verify_home(request):
    if request.limited:
        return _too_many(request)
    form = CodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("verify:code", code=form.cleaned_data["code"])
    return render(request, TEMPLATE, {"form": form})


@_limited
def verify_code(request, code):
    if request.limited:
        return _too_many(request)
    verification = verification_of(code.upper())
    if verification is None:
        return render(request, TEMPLATE, {"form": CodeForm(), "not_found": True}, status=404)
    posted = request.method == "POST"
    upload_form = FileCheckForm(*((request.POST, request.FILES) if posted else ()))
    match = None
    if posted and upload_form.is_valid():
        match = verification.matches(upload_form.cleaned_data["file"])
    return render(
        request, TEMPLATE, {"v": verification, "upload_form": upload_form, "match": match}
    )
