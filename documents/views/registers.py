"""The registers of outgoing documents a user sees, their numbers, and cancelling a number."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from documents import access, selectors
from documents.forms import OutsideNumbersForm, ReasonForm
from documents.services.register import cancel_number, record_outside_numbers
from emulation.errors import DomainError, form_error
from emulation.pages import form_page, form_saved
from emulation.pagination import paginate


def register_list(request):
    registers = selectors.registers_listed(access.visible_registers(request.user))
    return render(
        request,
        "documents/register_list.html",
        {"page": paginate(request, registers), "can_keep": access.may_keep_some(request.user)},
    )


def register_detail(request, pk):
    register = access.get_register_for_user(request.user, pk)
    return render(
        request,
        "documents/register_detail.html",
        {
            "register": register,
            "page": paginate(request, selectors.register_numbers(register)),
            "can_keep": access.may_keep_register(request.user, register),
        },
    )


def number_cancel(request, pk):
    number = access.get_number_for_user(request.user, pk, write=True)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            cancel_number(number=number, user=request.user, reason=form.cleaned_data["reason"])
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã hủy số %(label)s.") % {"label": number.label})
            return redirect("documents:register", pk=number.register_id)
    return form_page(
        request,
        form,
        title=_("Hủy số %(label)s") % {"label": number.label},
        back_url=reverse("documents:register", args=[number.register_id]),
        submit=_("Hủy số"),
        intro=_(
            "Số bị hủy vẫn được ghi trong sổ cùng lý do và không bao giờ được cấp lại; "
            "số tiếp theo vẫn tiếp nối số đã cấp gần nhất."
        ),
        confirm=_("Hủy số %(label)s? Việc này không hoàn tác được.") % {"label": number.label},
    )


def _initial(request, bodies):
    """The form prefilled from ``?register=<pk>`` (the register page's link), else this year."""
    initial = {"year": timezone.localdate().year}
    if request.GET.get("register", "").isdigit():
        register = access.get_register_for_user(request.user, int(request.GET["register"]))
        for body in bodies:
            if body.cluster == register.cluster and body.body_code == register.body_code:
                initial.update(body=body.key, type_code=register.type_code, year=register.year)
    return initial


def register_advance(request):
    bodies = selectors.kept_bodies(request.user)
    if not bodies:
        raise PermissionDenied
    form = OutsideNumbersForm(
        request.POST if request.method == "POST" else None,
        bodies=bodies,
        initial=_initial(request, bodies),
    )
    saved = form_saved(request, form, record_outside_numbers, success=None)
    if saved:
        register = saved.result
        messages.success(
            request,
            _("Đã ghi. Số tiếp theo của sổ sẽ là %(number)s/%(symbol)s.")
            % {"number": register.last_number + 1, "symbol": register.symbol},
        )
        return redirect("documents:register", pk=register.pk)
    return form_page(
        request,
        form,
        title=_("Ghi số đã cấp ngoài hệ thống"),
        back_url=reverse("documents:registers"),
        submit=_("Ghi số"),
        intro=_(
            "Khi cơ quan đã cấp số cho văn bản cùng loại ngoài hệ thống (bắt đầu dùng hệ "
            "thống giữa năm, hoặc văn thư cấp số chung cho mọi văn bản), hãy ghi số cuối cùng "
            "đã cấp để số hệ thống cấp tiếp nối, không trùng số (Nghị định 30/2020/NĐ-CP, "
            "Điều 15 khoản 1). Sổ chỉ tiến lên, không lùi lại."
        ),
    )
