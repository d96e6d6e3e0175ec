from django import forms
from django.utils.translation import gettext_lazy as _

from documents.models import YearEndReport
from documents.reports.services import EDITABLE_FIELDS
from emulation.bounds import bound_fields

NARRATIVE_HELP = _("Văn bản thường; để một dòng trống giữa hai đoạn.")


class YearEndReportForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = YearEndReport
        fields = [*EDITABLE_FIELDS]
        widgets = {
            "organisation": forms.Textarea(attrs={"rows": 6}),
            "results": forms.Textarea(attrs={"rows": 6}),
            "shortcomings": forms.Textarea(attrs={"rows": 5}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
            "direction": forms.Textarea(attrs={"rows": 5}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "organisation": NARRATIVE_HELP,
            "results": NARRATIVE_HELP,
            "shortcomings": NARRATIVE_HELP,
            "lessons": NARRATIVE_HELP,
            "direction": NARRATIVE_HELP,
            "recipients": _("Mỗi dòng một nơi nhận; dòng cuối là nơi lưu, ví dụ “Lưu: VT, CTĐ2”."),
            "number": _("Ví dụ: 12/BC-CTĐ2."),
        }

    def __init__(self, *args, defaults, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        bound_fields(self)
        for name, value in defaults.items():
            field = self.fields[name]
            if not self.instance.pk and not self.initial.get(name):
                self.initial[name] = value
            if value and name != "recipients":
                field.widget.attrs["placeholder"] = str(value)

    def clean_recipients(self):
        text = self.cleaned_data["recipients"]
        lines = [line.strip(" -;.") for line in text.splitlines() if line.strip(" -;.")]
        if lines and not lines[-1].startswith("Lưu"):
            raise forms.ValidationError(
                _("Dòng cuối của nơi nhận phải là nơi lưu văn bản, ví dụ “Lưu: VT, CTĐ2”.")
            )
        return "\n".join(lines)
