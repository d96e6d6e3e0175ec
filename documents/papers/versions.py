"""The files of a paper: asking for a draft or issuing it (the worker builds, numbers and
signs it: documents.issuing), downloading a version's PDF or DOCX, uploading a copy signed
elsewhere, and the dossier of a proposal as one ZIP."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from awards.access import get_proposal_for_user
from documents import dossier, issuing
from documents.models import PaperVersion
from documents.papers import access
from emulation.errors import DomainError, form_error
from emulation.pages import form_page

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _ascii(text):
    return slugify(text.replace("đ", "d").replace("Đ", "D"))  # slugify drops "đ"


@require_POST
def paper_generate(request, pk):
    """A draft (``issue`` absent) or the issued paper (``issue=1``: takes the number)."""
    paper = access.get_paper_for_user(request.user, pk, write=True)
    issue = request.POST.get("issue") == "1"
    try:
        issuing.paper_version_request(actor=request.user, paper=paper, issue=issue)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đang tạo bản ban hành (PDF và DOCX); tải lại trang sau ít giây.")
            if issue
            else _("Đang tạo bản dự thảo (PDF và DOCX); tải lại trang sau ít giây."),
        )
    return redirect("papers:detail", paper.pk)


def version_file(request, pk, fmt):
    """A ready version's PDF or DOCX, for whoever may read the paper."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    version = get_object_or_404(
        PaperVersion.objects.select_related("paper__cluster_year__cluster", "paper__number"),
        pk=pk,
        status=PaperVersion.Status.READY,
    )
    paper = access.check_paper(request.user, version.paper)
    field = version.file if fmt == "pdf" else version.docx
    if not field:
        raise Http404
    stem = _ascii(f"{paper.get_kind_display()} {paper.year} {version.pk}")
    response = FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=f"{stem}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
    response["Cache-Control"] = "private, no-store"
    return response


class SignedUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp PDF đã ký số"),
        help_text=gettext_lazy(
            "Bản PDF của văn bản đã ban hành, ký bằng chứng thư số (USB ký số, chứng thư "
            "của tổ chức cung cấp dịch vụ chứng thực chữ ký số). Hệ thống kiểm tra chữ ký "
            "trước khi lưu."
        ),
    )


def signed_upload(request, pk):
    paper = access.get_paper_for_user(request.user, pk, write=True)
    form = SignedUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            issuing.signed_version_upload(
                actor=request.user, paper=paper, upload=form.cleaned_data["file"]
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu bản đã ký số: chữ ký hợp lệ."))
            return redirect("papers:detail", paper.pk)
    return form_page(
        request,
        form,
        title=_("Tải lên bản đã ký số – %(paper)s") % {"paper": paper.get_kind_display()},
        back_url=reverse("papers:detail", args=[paper.pk]),
        submit=_("Kiểm tra và lưu"),
        multipart=True,
    )


def dossier_download(request, proposal_pk):
    """The proposal's dossier as one ZIP: contents page, then every issued paper."""
    proposal = get_proposal_for_user(request.user, proposal_pk)
    content = dossier.dossier_zip(proposal)
    cluster_year = proposal.cluster_year
    name = _ascii(f"ho so {cluster_year.cluster.name} {cluster_year.year}")
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response
