from django import forms

from emulation.errors import DomainError, form_error
from units.models import Unit
from units.services import unit_name_check


class UnitForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Unit
        fields = ["ministry", "code", "name", "short_name", "kind", "is_active"]

    def __init__(self, *args, ministries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = ministries
        self.fields["ministry"].empty_label = None
        self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        # Checked before the model's unique constraint, so the message sits on the field.
        if {"ministry", "name"} <= cleaned.keys():
            probe = Unit(pk=self.instance.pk, ministry=cleaned["ministry"], name=cleaned["name"])
            try:
                unit_name_check(unit=probe)
            except DomainError as error:
                form_error(self, error)
        return cleaned
