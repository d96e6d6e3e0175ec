from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from emulation.access import managed_ministries
from emulation.errors import DomainError, form_error
from emulation.pagination import paginate
from emulation.roles import scope_of
from units import services
from units.access import get_unit_for_user, visible_units
from units.filters import UnitFilter
from units.forms import UnitForm
from units.selectors import cluster_years_of


def unit_list(request):
    units = visible_units(request.user).select_related("ministry").order_by("name")
    unit_filter = UnitFilter(request.GET, queryset=units)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "units/unit_list.html",
        {
            "filter": unit_filter,
            "page": paginate(request, unit_filter.qs),
            "query_string": query.urlencode(),
            "can_create": managed_ministries(request.user).exists(),
        },
    )


def unit_detail(request, pk):
    unit = get_unit_for_user(request.user, pk)
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "history": cluster_years_of(unit),
            "can_manage": scope_of(request.user).manages_ministry(unit.ministry_id),
        },
    )


def _unit_form(request, unit=None):
    ministries = managed_ministries(request.user)
    if not ministries.exists():
        raise PermissionDenied
    form = UnitForm(request.POST or None, instance=unit, ministries=ministries)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.unit_save(
                actor=request.user,
                unit=form.save(commit=False),
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã lưu %(name)s.") % {"name": saved.name})
            return redirect("units:detail", pk=saved.pk)
    return render(request, "units/unit_form.html", {"form": form, "unit": unit})


def unit_create(request):
    return _unit_form(request)


def unit_edit(request, pk):
    return _unit_form(request, get_unit_for_user(request.user, pk, manage=True))
