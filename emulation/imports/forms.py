from django import forms
from django.utils.translation import gettext_lazy


class UploadForm(forms.Form):
    ministry = forms.ModelChoiceField(
        label=gettext_lazy("Bộ, ngành"), queryset=None, empty_label=None
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel (.xlsx) hoặc CSV"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, ministries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = ministries

    def service_args(self):
        return {"ministry": self.cleaned_data["ministry"], "upload": self.cleaned_data["file"]}
