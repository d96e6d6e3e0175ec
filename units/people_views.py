"""A unit's people and their yearly records (rating, titles, discipline), and the unit's own
yearly figures: what the award rules read."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from emulation.audit import audit_entries_for
from emulation.errors import DomainError, form_error
from emulation.pages import form_page
from emulation.pagination import paginate
from units import people_services
from units.models import Person, PersonYear, UnitHeadDecision, UnitYear
from units.people_access import can_edit_people, get_person_for_user, get_unit_for_people
from units.people_forms import (
    PersonForm,
    PersonYearForm,
    UnitYearForm,
)


def _saved(request, form, save):
    """Run the service; on a DomainError put it on the form and return False."""
    try:
        save()
    except DomainError as error:
        form_error(form, error)
        return False
    messages.success(request, _("Đã lưu."))
    return True


def unit_people(request, pk):
    unit = get_unit_for_people(request.user, pk)
    people = Person.objects.filter(unit=unit).order_by("full_name")
    return render(
        request,
        "units/people_list.html",
        {
            "unit": unit,
            "page": paginate(request, people),
            "unit_years": UnitYear.objects.filter(unit=unit).order_by("-year")[:10],
            "head_decisions": UnitHeadDecision.objects.filter(unit=unit)
            .select_related("person", "award_title")
            .order_by("-year", "person__full_name", "id")[:100],
            "can_edit": can_edit_people(request.user, unit),
        },
    )


def person_create(request, pk):
    unit = get_unit_for_people(request.user, pk, write=True)
    person = Person(unit=unit)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():

        def save():
            people_services.person_save(actor=request.user, person=form.save(False))

        if _saved(request, form, save):
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
    if request.method == "POST" and form.is_valid():

        def save():
            people_services.person_save(
                actor=request.user, person=form.save(False), version=form.cleaned_data["version"]
            )

        if _saved(request, form, save):
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
            "records": person.years.prefetch_related("prior_titles").order_by("-year"),
            "head_decisions": person.head_decisions.select_related("award_title").order_by(
                "-year", "id"
            ),
            "can_edit": can_edit_people(request.user, person.unit),
            "audit_entries": audit_entries_for(person)[:50],
        },
    )


def person_year_edit(request, pk, year):
    person = get_person_for_user(request.user, pk, write=True)
    record = PersonYear.objects.filter(person=person, year=year).first()
    record = record or PersonYear(person=person, year=year)
    form = PersonYearForm(request.POST or None, instance=record, year=year)
    if request.method == "POST" and form.is_valid():

        def save():
            people_services.person_year_save(
                actor=request.user,
                record=form.save(False),
                version=form.cleaned_data["version"],
                prior_titles=form.cleaned_data["prior_titles"],
            )

        if _saved(request, form, save):
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
    record = UnitYear.objects.filter(unit=unit, year=year).first()
    form = UnitYearForm(request.POST or None, instance=record or UnitYear(unit=unit, year=year))
    if request.method == "POST" and form.is_valid():

        def save():
            people_services.unit_year_save(
                actor=request.user, record=form.save(False), version=form.cleaned_data["version"]
            )

        if _saved(request, form, save):
            return redirect("units:people", pk=unit.pk)
    return form_page(
        request,
        form,
        title=_("Số liệu năm %(year)s – %(unit)s") % {"year": year, "unit": unit.name},
        back_url=reverse("units:people", args=[unit.pk]),
        submit=_("Lưu"),
    )
