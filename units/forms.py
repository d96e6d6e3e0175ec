from django import forms

from units.models import Unit


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["ministry", "name", "short_name", "kind", "is_active"]

    def __init__(self, *args, ministries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = ministries
        self.fields["ministry"].empty_label = None
