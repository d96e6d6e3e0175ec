"""The edit form of a paper: one text area per section a person writes (prefilled from the
data) and the document settings of Decree 30/2020/NĐ-CP (blank = drawn from the data, shown
greyed in the field)."""

from django import forms
from django.forms.models import fields_for_model, model_to_dict
from django.utils.translation import gettext_lazy as _

from documents.models import Paper
from documents.papers.common import SETTING_FIELDS
from documents.reports.forms import YearEndReportForm
from emulation.bounds import bound_fields

RECIPIENTS_HELP = _("Mỗi dòng một nơi nhận; dòng cuối là nơi lưu, ví dụ “Lưu: VT, CTĐ2”.")


class PaperForm(forms.Form):
    """Not a ModelForm: validating must not change the paper the service snapshots first."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, *, paper, sections, defaults, recipients=True):
        super().__init__(data, initial=model_to_dict(paper, fields=SETTING_FIELDS))
        self.instance = paper
        self.fields.update(
            fields_for_model(
                Paper,
                fields=SETTING_FIELDS,
                widgets={
                    "recipients": forms.Textarea(attrs={"rows": 4}),
                    "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                },
                help_texts={"recipients": RECIPIENTS_HELP},
            )
        )
        self.sections = sections
        for section in sections:
            self.fields[section.key] = forms.CharField(
                label=section.label,
                help_text=section.help_text,
                required=False,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                initial=self.instance.sections.get(section.key, section.default),
            )
        if not recipients:  # a second signature stands where the recipients would
            del self.fields["recipients"]
        self.order_fields([section.key for section in sections])
        self.fields["version"].initial = self.instance.version
        bound_fields(self)
        for name in SETTING_FIELDS:
            value = defaults.get(name)
            if value and name in self.fields and name != "issued_on":
                self.fields[name].widget.attrs["placeholder"] = str(value).replace("\n", "; ")

    # The same rule as the year-end report's: the last recipient is the archive line.
    clean_recipients = YearEndReportForm.clean_recipients

    def changes(self):
        """What the service ``paper_update`` saves."""
        data = {name: self.cleaned_data[name] for name in SETTING_FIELDS if name in self.fields}
        data["sections"] = {s.key: self.cleaned_data[s.key] for s in self.sections}
        return data
