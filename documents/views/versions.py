"""Revoking an issued version of a paper (linked from the paper's versions)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from documents import access
from documents.forms import ReasonForm
from documents.services.revocation import paper_version_revoke
from emulation.errors import DomainError, form_error
from emulation.pages import form_page


def version_revoke(request, pk):
    version = access.get_paper_version_for_user(request.user, pk, write=True)
    back_url = reverse("verify:code", args=[version.code])
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            paper_version_revoke(
                version=version, user=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã thu hồi văn bản; trang xác thực công khai ghi rõ."))
            return redirect(back_url)
    return form_page(
        request,
        form,
        title=_("Thu hồi văn bản – %(paper)s") % {"paper": version.paper},
        back_url=back_url,
        submit=_("Thu hồi văn bản"),
        intro=_(
            "Trang xác thực công khai của mã %(code)s sẽ ghi văn bản đã bị thu hồi, ngày thu "
            "hồi và lý do. Tệp và hồ sơ vẫn được lưu."
        )
        % {"code": version.code},
        confirm=_("Thu hồi văn bản này? Việc này không hoàn tác được."),
    )
