"""Ministry staff load their lists from spreadsheets: templates, exports, upload, the
preview with its progress, confirm or cancel. Every view starts with the access helper."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from emulation import access
from emulation.imports import examples, selectors, services
from emulation.imports.engine import MAX_PROBLEMS, REGISTRY
from emulation.imports.forms import UploadForm
from emulation.imports.workbook import sheet_csv, sheet_xlsx
from emulation.pages import form_saved, post_action
from emulation.pagination import paginate

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ORDER = ("units", "clusters", "people", "person-years", "unit-years", "staff-counts", "accounts")


def _specs():
    return [REGISTRY[slug] for slug in ORDER if slug in REGISTRY]


def _spec_or_404(kind):
    spec = REGISTRY.get(kind)
    if spec is None:
        raise Http404
    return spec


def _batch_for_user(user, pk):
    access.require_ministry_staff(user)
    return get_object_or_404(selectors.batches_for(user=user), pk=pk)


def imports_home(request):
    access.require_ministry_staff(request.user)
    ministries = access.managed_ministries(request.user)
    labels = {spec.slug: spec.title for spec in _specs()}
    page = paginate(request, selectors.batches_for(user=request.user))
    for batch in page:
        batch.list_title = labels.get(batch.kind, batch.kind)
    return render(
        request,
        "emulation/imports/home.html",
        {
            "specs": _specs(),
            "ministries": ministries,
            "form": UploadForm(ministries=ministries),
            "page": page,
        },
    )


def import_upload(request, kind):
    access.require_ministry_staff(request.user)
    spec = _spec_or_404(kind)
    ministries = access.managed_ministries(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, ministries=ministries)
    if saved := form_saved(request, form, services.import_upload, None, kind=kind):
        return redirect("import_batch", pk=saved.result.pk)
    return render(request, "emulation/imports/upload.html", {"spec": spec, "form": form})


def _file_response(content, *, name, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def import_template(request, kind):
    """The empty template, or (``?example=1``) filled with the Cụm thi đua số 2 example."""
    access.require_ministry_staff(request.user)
    spec = _spec_or_404(kind)
    example = request.GET.get("example") == "1"
    rows = examples.rows_for(spec.slug) if example else []
    name = f"mau-{spec.slug}{'-vi-du-cum-2' if example else ''}.xlsx"
    return _file_response(sheet_xlsx(spec=spec, rows=rows), name=name, content_type=XLSX)


def import_export(request, kind, ministry_pk):
    """The ministry's records in the same template, to correct in Excel and import back."""
    access.require_ministry_staff(request.user)
    spec = _spec_or_404(kind)
    ministry = get_object_or_404(access.managed_ministries(request.user), pk=ministry_pk)
    rows = spec.export_rows(ministry=ministry)
    base = f"{spec.slug}-{slugify(ministry.short_name or ministry.name) or ministry.pk}"
    if request.GET.get("format") == "csv":
        return _file_response(
            sheet_csv(spec=spec, rows=rows), name=f"{base}.csv", content_type="text/csv"
        )
    return _file_response(sheet_xlsx(spec=spec, rows=rows), name=f"{base}.xlsx", content_type=XLSX)


def _batch_context(batch):
    spec = REGISTRY.get(batch.kind)
    return {
        "batch": batch,
        "spec": spec,
        "polling": batch.is_running,
        "problems_capped": len(batch.problems) >= MAX_PROBLEMS,
        "changes_shown": len(batch.changes),
        "changes_total": batch.counts.get("new", 0) + batch.counts.get("changed", 0),
    }


def import_batch(request, pk):
    batch = _batch_for_user(request.user, pk)
    return render(request, "emulation/imports/batch.html", _batch_context(batch))


def import_batch_status(request, pk):
    """The part of the batch page that polls while the worker reads or writes."""
    batch = _batch_for_user(request.user, pk)
    return render(request, "emulation/imports/_batch_status.html", _batch_context(batch))


@require_POST
def import_confirm(request, pk):
    batch = _batch_for_user(request.user, pk)
    return post_action(
        request,
        services.import_confirm,
        _("Đã xác nhận: đang ghi vào cơ sở dữ liệu."),
        then=reverse("import_batch", args=[batch.pk]),
        batch=batch,
    )


@require_POST
def import_cancel(request, pk):
    batch = _batch_for_user(request.user, pk)
    return post_action(
        request,
        services.import_cancel,
        _("Đã hủy tệp; không có gì được ghi."),
        then=reverse("imports_home"),
        batch=batch,
    )
