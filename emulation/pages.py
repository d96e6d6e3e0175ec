"""The bodies every writing view shares: the page that shows a single form (a title, an
optional introduction, the form with its errors at their fields and summarised at the top,
the submit button and a way back); a form's POST handed to its one service; a button's POST
handed to its one service."""

from django.contrib import messages
from django.shortcuts import redirect, render

from emulation.errors import DomainError, form_error


def form_page(request, form, *, title, back_url, submit, intro="", multipart=False, extra=None):
    context = {
        "form": form,
        "title": title,
        "back_url": back_url,
        "submit": submit,
        "intro": intro,
        "multipart": multipart,
        **(extra or {}),
    }
    return render(request, "form_page.html", context)


def form_saved(request, form, service, success, **arguments):
    """True once a valid POST of ``form`` is saved by its one service call,
    ``service(actor=<the user>, **arguments, **<the form's data>)``, and ``success`` (a text,
    or a function of the form's data) is said. The form's data are what its
    ``service_args()`` returns when it has one (a model form hands over its unsaved
    instance), else its cleaned data. A refusal is shown on the form, at its field, and
    everything typed is kept."""
    if request.method != "POST" or not form.is_valid():
        return False
    data = form.service_args() if hasattr(form, "service_args") else form.cleaned_data
    try:
        service(actor=request.user, **arguments, **data)
    except DomainError as error:
        form_error(form, error)
        return False
    messages.success(request, success(data) if callable(success) else success)
    return True


def post_action(request, run, *, success, then):
    """A button's POST: ``run()`` (the one service call); what it did, or why it was
    refused, is said as a message; then back to ``then`` (a URL or a model)."""
    try:
        run()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(then)
