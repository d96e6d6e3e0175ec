"""The one page that shows a single form: a title, an optional introduction, the form (errors
at their fields and summarised at the top), the submit button and a way back."""

from django.shortcuts import render


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
