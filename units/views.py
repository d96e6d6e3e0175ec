from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from emulation.access import managed_ministries
from emulation.pages import form_saved
from emulation.pagination import filtered_page
from emulation.roles import scope_of
from units import services
from units.access import get_unit_for_user
from units.filters import UnitFilter
from units.forms import UnitForm
from units.list_html import unit_rows
from units.selectors import units_for_list


def unit_list(request):
    units = UnitFilter(request.GET, queryset=units_for_list(user=request.user))
    listed = filtered_page(request, units)
    scope = scope_of(request.user)
    return render(
        request,
        "units/unit_list.html",
        {
            **listed,
            "rows": unit_rows(listed["page"]),
            # Staff's ministries exist (their roles name them): no query but a superuser's.
            "can_create": bool(scope.staff_ministries)
            or (scope.is_superuser and managed_ministries(request.user).exists()),
        },
    )


def unit_detail(request, pk):
    unit = get_unit_for_user(request.user, pk)
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "can_manage": scope_of(request.user).manages_ministry(unit.ministry_id),
        },
    )


def _unit_form(request, unit=None):
    ministries = managed_ministries(request.user)
    if not ministries.exists():
        raise PermissionDenied
    form = UnitForm(request.POST or None, instance=unit, ministries=ministries)
    done = _("Đã lưu %(name)s.")
    if saved := form_saved(
        request, form, services.unit_save, lambda data: done % {"name": data["unit"].name}
    ):
        return redirect("units:detail", pk=saved.result.pk)
    return render(request, "units/unit_form.html", {"form": form, "unit": unit})


def unit_create(request):
    return _unit_form(request)


def unit_edit(request, pk):
    return _unit_form(request, get_unit_for_user(request.user, pk, manage=True))
