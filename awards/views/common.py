from django.http import FileResponse, Http404
from django.shortcuts import render


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
    return render(request, "awards/form_page.html", context)


def file_download(field, name, content_type):
    if not field:
        raise Http404
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
