from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import get_cluster_year_for_user
from clusters.data_version import NOT_OPENED, cluster_year_version, ministry_year_token
from documents.reports import access, selectors, services
from documents.reports.data import default_settings, report_data
from documents.reports.forms import YearEndReportForm
from documents.reports.tokens import report_token
from emulation.errors import DomainError, form_error
from emulation.fragments import CSRF_SLOT, cached_fragment, with_csrf_token


def _urls(report):
    if report.kind == report.Kind.CLUSTER:
        prefix, args = "reports:cluster", [report.cluster_year.cluster_id, report.year]
    else:
        prefix, args = "reports:ministry", [report.ministry_id, report.year]
    return {
        "page": reverse(prefix, args=args),
        "edit": reverse(f"{prefix}_edit", args=args),
        "generate": reverse(f"{prefix}_generate", args=args),
    }


def _versions_context(report):
    versions = selectors.report_versions(report)
    latest_ready = next((v for v in versions if v.is_ready), None)
    return {
        "report": report,
        "versions": versions,
        "latest_ready": latest_ready,
        "current": latest_ready is not None and not latest_ready.outdated,
        "polling": any(not v.is_final for v in versions),
        "urls": _urls(report),
    }


def _report_page(request, year, version, can_edit, load):
    """A report's page, rendered once per ``version`` (its data's and its PDFs' states, read
    first) and the reader's right to edit; ``load()`` reads the report only then. Each
    request puts in its own CSRF token."""

    def render_body():
        context = {**_versions_context(load()), "can_edit": can_edit, "csrf_token": CSRF_SLOT}
        return render_to_string("documents/reports/_report_body.html", context)

    body = cached_fragment("report-page", version, can_edit, render=render_body)
    context = {"year": year, "body": with_csrf_token(request, body)}
    return render(request, "documents/reports/report_detail.html", context)


def _edit(request, report, back_url):
    defaults = default_settings(report, report_data(report))
    form = YearEndReportForm(request.POST or None, instance=report, defaults=defaults)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
        try:
            services.year_end_report_save(
                actor=request.user,
                report=report,
                expected_version=form.cleaned_data["version"] or 0,
                changes=changes,
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu nội dung báo cáo."))
            return redirect(back_url)
    return render(
        request,
        "documents/reports/report_form.html",
        {"report": report, "form": form, "back_url": back_url},
    )


def _request_version(request, report, back_url):
    try:
        version = services.report_version_request(actor=request.user, report=report)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if version.is_ready:
            messages.info(
                request,
                _("Dữ liệu chưa thay đổi kể từ bản tạo lúc %(at)s: hãy tải bản đó.")
                % {
                    "at": date_format(
                        timezone.localtime(version.generated_at), "SHORT_DATETIME_FORMAT"
                    )
                },
            )
        else:
            messages.success(request, _("Đã gửi yêu cầu tạo báo cáo. Trang sẽ tự cập nhật."))
    return redirect(back_url)


def _cluster_report(request, cluster_pk, year, *, write=False):
    cluster_year = get_cluster_year_for_user(request.user, cluster_pk, year, write=write)
    return selectors.report_for_cluster_year(cluster_year)


def cluster_report(request, cluster_pk, year):
    # The year's data versions read with it: the page tells whether the ready PDF is outdated.
    cluster_year = get_cluster_year_for_user(request.user, cluster_pk, year, token=True)
    version = (cluster_year_version(cluster_year), report_token(cluster_year_id=cluster_year.pk))
    can_edit = access.writes_cluster_report(request.user, cluster_year.cluster)

    def load():
        return selectors.report_for_cluster_year(cluster_year)

    return _report_page(request, year, version, can_edit, load)


def cluster_report_edit(request, cluster_pk, year):
    report = _cluster_report(request, cluster_pk, year, write=True)
    return _edit(request, report, _url("reports:cluster", cluster_pk, year))


@require_POST
def cluster_report_generate(request, cluster_pk, year):
    report = _cluster_report(request, cluster_pk, year)
    return _request_version(request, report, _url("reports:cluster", cluster_pk, year))


def _opened_year(request, ministry_pk, year, *, write=False):
    """The year's data versions, read first: they tell whether the ministry has opened the
    year (404 otherwise) and whether a ready PDF is outdated."""
    access.check_ministry_for_report(request.user, ministry_pk, write=write)
    data_token = ministry_year_token(ministry_id=ministry_pk, year=year)
    if data_token.endswith(NOT_OPENED):
        raise Http404  # reports only for the years the ministry has opened
    return data_token


def _ministry_report(request, ministry_pk, year, *, write=False):
    """The ministry's report of a year it has opened, read with the ministry."""
    data_token = _opened_year(request, ministry_pk, year, write=write)
    report = selectors.ministry_report_of(ministry_id=ministry_pk, year=year)
    report._data_token = data_token  # read before it: report_data_version
    return report


def ministry_report(request, ministry_pk, year):
    data_token = _opened_year(request, ministry_pk, year)
    version = (data_token, report_token(ministry_id=ministry_pk, year=year))
    can_edit = access.writes_ministry_report(request.user, ministry_pk)

    def load():
        report = selectors.ministry_report_of(ministry_id=ministry_pk, year=year)
        report._data_token = data_token  # read before it: report_data_version
        return report

    return _report_page(request, year, version, can_edit, load)


def ministry_report_edit(request, ministry_pk, year):
    report = _ministry_report(request, ministry_pk, year, write=True)
    return _edit(request, report, _url("reports:ministry", ministry_pk, year))


@require_POST
def ministry_report_generate(request, ministry_pk, year):
    report = _ministry_report(request, ministry_pk, year)
    return _request_version(request, report, _url("reports:ministry", ministry_pk, year))


def report_versions(request, pk):
    """The versions list alone: polled by htmx while a version is not final."""
    report = access.get_report_for_user(request.user, pk)
    return render(request, "documents/reports/_versions.html", _versions_context(report))


def version_download(request, pk):
    version = access.get_version_for_user(request.user, pk)
    if not version.is_ready or not version.file:
        raise Http404
    report = version.report
    scope = report.cluster_year.cluster.name if report.cluster_year_id else report.ministry.name
    scope = slugify(scope.replace("đ", "d").replace("Đ", "D"))  # slugify drops "đ"
    number = selectors.version_number(version)
    response = FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=f"bao-cao-tong-ket-{report.year}-{scope}-ban-{number}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _url(name, pk, year):
    return reverse(name, args=[pk, year])
