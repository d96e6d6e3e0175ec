"""The form of a ministry's own record (a cluster, a unit)."""

from django import forms

from emulation.errors import DomainError, form_error


class MinistryRecordForm(forms.ModelForm):
    """The ministry is one of those the user manages (``ministries``); the version the record
    was loaded at travels with the form; ``check_unique(probe)`` (a service's check, raising
    DomainError) runs on the fields of ``unique_fields`` in ``clean``, so a taken number or
    name shows at its field before the database's constraint refuses it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    unique_fields = ()

    def __init__(self, *args, ministries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = ministries
        self.fields["ministry"].empty_label = None
        self.fields["version"].initial = self.instance.version

    def check_unique(self, probe):
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if set(self.unique_fields) <= cleaned.keys():
            values = {name: cleaned[name] for name in self.unique_fields}
            try:
                self.check_unique(self._meta.model(pk=self.instance.pk, **values))
            except DomainError as error:
                form_error(self, error)
        return cleaned

    def service_args(self):
        """The record (unsaved) under its model's name, and the version it was loaded at."""
        return {
            self._meta.model._meta.model_name: self.save(commit=False),
            "expected_version": self.cleaned_data["version"],
        }
