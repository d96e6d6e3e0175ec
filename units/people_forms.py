from django import forms

from emulation.bounds import bound_fields
from emulation.models import AwardTitle, LegalRegime
from units.models import Person, PersonYear, UnitHeadDecision, UnitYear
from units.people_services import (
    UNIT_YEAR_FIELDS,
    discipline_dates_problem,
    unit_year_count_problems,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _RecordForm(forms.ModelForm):
    """A person or a yearly record, with the version it was loaded at; its service takes it
    (unsaved) as ``record_name``."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    record_name = "record"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        bound_fields(self)

    def service_args(self):
        return {self.record_name: self.save(commit=False), "version": self.cleaned_data["version"]}


class PersonForm(_RecordForm):
    record_name = "person"

    class Meta:
        model = Person
        fields = ["code", "full_name", "position", "gender"]


class PersonYearForm(_RecordForm):
    class Meta:
        model = PersonYear
        fields = [
            "task_rating",
            "prior_titles",
            "has_initiative",
            "initiative_ministry_wide",
            "initiative_nationwide",
            "research_accepted",
            "discipline_level",
            "discipline_start",
            "discipline_end",
            "pending_review",
            "pending_note",
        ]
        widgets = {
            "prior_titles": forms.CheckboxSelectMultiple,
            "discipline_start": DATE,
            "discipline_end": DATE,
        }

    def __init__(self, *args, year, **kwargs):
        super().__init__(*args, **kwargs)
        regime = LegalRegime.for_year(year)
        self.fields["prior_titles"].queryset = AwardTitle.objects.filter(
            regime=regime, subject=AwardTitle.Subject.INDIVIDUAL
        )

    def clean(self):
        data = super().clean()
        problem = discipline_dates_problem(
            start=data.get("discipline_start"), end=data.get("discipline_end")
        )
        if problem:
            self.add_error("discipline_end", problem)
        return data

    def service_args(self):
        return {**super().service_args(), "prior_titles": self.cleaned_data["prior_titles"]}


class UnitYearForm(_RecordForm):
    class Meta:
        model = UnitYear
        fields = UNIT_YEAR_FIELDS

    def clean(self):
        data = super().clean()
        for name, message in unit_year_count_problems(
            staff_count=data.get("staff_count"), counts=data
        ):
            self.add_error(name, message)
        return data


class UnitHeadDecisionForm(forms.ModelForm):
    """A decision of the unit head (khoản 1 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15):
    only the titles of the unit head's level are offered."""

    class Meta:
        model = UnitHeadDecision
        fields = ["year", "person", "award_title", "number", "dated"]
        widgets = {"dated": DATE}

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(unit=unit).order_by("full_name")
        self.fields["award_title"].queryset = (
            AwardTitle.objects.filter(level=AwardTitle.Level.UNIT_HEAD)
            .select_related("regime")
            .order_by("regime__valid_from", "order")
        )
        self.fields["award_title"].label_from_instance = lambda t: f"{t.name_vi} ({t.regime.name})"

    def service_args(self):
        return {"decision": self.save(commit=False)}
