"""A unit's people and their yearly records (rating, titles, discipline), and the unit's own
yearly figures: what the award rules read."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from emulation.audit import audit_entries_for
from emulation.pages import form_page, form_saved
from emulation.pagination import paginate
from units import people_services, selectors
from units.models import Person, PersonYear, UnitYear
from units.people_access import can_edit_people, get_person_for_user, get_unit_for_people
from units.people_forms import (
    PersonForm,
    PersonYearForm,
    UnitYearForm,
)


def unit_people(request, pk):
    unit = get_unit_for_people(request.user, pk)
    return render(
        request,
        "units/people_list.html",
        {
            "unit": unit,
            "page": paginate(request, selectors.people_of(unit=unit)),
            "unit_years": selectors.unit_years_of(unit=unit)[:10],
            "head_decisions": selectors.head_decisions_of(unit=unit)[:100],
            "can_edit": can_edit_people(request.user, unit),
        },
    )


def person_create(request, pk):
    unit = get_unit_for_people(request.user, pk, write=True)
    person = Person(unit=unit)
    form = PersonForm(request.POST or None, instance=person)
    if form_saved(request, form, people_services.person_save, _("Đã lưu.")):
        return redirect("units:person", pk=form.instance.pk)
    return form_page(
        request,
        form,
        title=_("Thêm cán bộ – %(unit)s") % {"unit": unit.name},
        back_url=reverse("units:people", args=[unit.pk]),
        submit=_("Lưu"),
    )


def person_edit(request, pk):
    person = get_person_for_user(request.user, pk, write=True)
    form = PersonForm(request.POST or None, instance=person)
    if form_saved(request, form, people_services.person_save, _("Đã lưu.")):
        return redirect("units:person", pk=person.pk)
    return form_page(
        request,
        form,
        title=_("Sửa cán bộ – %(p)s") % {"p": person},
        back_url=reverse("units:person", args=[person.pk]),
        submit=_("Lưu"),
    )


def person_detail(request, pk):
    person = get_person_for_user(request.user, pk)
    return render(
        request,
        "units/person_detail.html",
        {
            "person": person,
            "records": selectors.person_years_of(person=person),
            "head_decisions": selectors.head_decisions_of(person=person),
            "can_edit": can_edit_people(request.user, person.unit),
            "audit_entries": audit_entries_for(person)[:50],
        },
    )


def person_year_edit(request, pk, year):
    person = get_person_for_user(request.user, pk, write=True)
    record = selectors.person_years_of(person=person, year=year).first()
    record = record or PersonYear(person=person, year=year)
    form = PersonYearForm(request.POST or None, instance=record, year=year)
    if form_saved(request, form, people_services.person_year_save, _("Đã lưu.")):
        return redirect("units:person", pk=person.pk)
    return form_page(
        request,
        form,
        title=_("Hồ sơ năm %(year)s – %(p)s") % {"year": year, "p": person},
        back_url=reverse("units:person", args=[person.pk]),
        submit=_("Lưu"),
    )


def unit_year_edit(request, pk, year):
    unit = get_unit_for_people(request.user, pk, write=True)
    record = selectors.unit_years_of(unit=unit, year=year).first()
    form = UnitYearForm(request.POST or None, instance=record or UnitYear(unit=unit, year=year))
    if form_saved(request, form, people_services.unit_year_save, _("Đã lưu.")):
        return redirect("units:people", pk=unit.pk)
    return form_page(
        request,
        form,
        title=_("Số liệu năm %(year)s – %(unit)s") % {"year": year, "unit": unit.name},
        back_url=reverse("units:people", args=[unit.pk]),
        submit=_("Lưu"),
    )
