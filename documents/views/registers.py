"""The registers of outgoing documents a user sees, their numbers, and cancelling a number."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from documents import access, selectors
from documents.forms import ReasonForm
from documents.services.register import cancel_number
from emulation.errors import DomainError, form_error
from emulation.pages import form_page
from emulation.pagination import paginate


def register_list(request):
    registers = selectors.registers_listed(access.visible_registers(request.user))
    return render(request, "documents/register_list.html", {"page": paginate(request, registers)})


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
