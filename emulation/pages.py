"""The bodies every writing view shares: the page that shows a single form (a title, an
optional introduction, the form with its errors at their fields and summarised at the top,
the submit button and a way back); a form's POST handed to its one service; a button's POST
handed to its one service."""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render

from emulation.errors import DomainError, form_error


def form_page(
    request, form, *, title, back_url, submit, intro="", multipart=False, confirm="", extra=None
):
    """``confirm``: the question asked before an irreversible submit (``data-confirm``)."""
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "submit": submit,
        "intro": intro,
        "multipart": multipart,
        "confirm": confirm,
        **(extra or {}),
    }
    return render(request, "form_page.html", context)


@dataclass(frozen=True)
class Saved:
    """What ``form_saved`` returns once the form is saved: the service's result."""

    result: object


def form_saved(request, form, service, success, page_message=False, **arguments):
    """``Saved(result)`` once a valid POST of ``form`` is saved by its one service call,
    ``service(actor=<the user>, **arguments, **<the form's data>)``, and ``success`` (a text,
    a function of the form's data, or None) is said; None otherwise. The form's data are
    what its ``service_args()`` returns when it has one (a model form hands over its unsaved
    instance), else its cleaned data. A refusal is shown on the form, at its field, and
    everything typed is kept; one not about a field of the form goes at its top, or with
    ``page_message`` (a form the page may no longer show) in the page's messages."""
    if request.method != "POST" or not form.is_valid():
        return None
    data = form.service_args() if hasattr(form, "service_args") else form.cleaned_data
    try:
        result = service(actor=request.user, **arguments, **data)
    except DomainError as error:
        if page_message and error.field not in form.fields:
            messages.error(request, error.message)
        else:
            form_error(form, error)
        return None
    if success is not None:
        messages.success(request, success(data) if callable(success) else success)
    return Saved(result)


def post_action(request, service, success, *, then, **arguments):
    """A button's POST: its one service call, ``service(actor=<the user>, **arguments)``;
    what it did (``success``), or why it was refused, is said as a message; then back to
    ``then`` (a URL or a model)."""
    try:
        service(actor=request.user, **arguments)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(then)
