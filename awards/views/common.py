from django.http import FileResponse, Http404


def file_download(field, name, content_type):
    if not field:
        raise Http404
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
