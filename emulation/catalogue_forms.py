from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.catalogue_services import FIELDS, SETTING_FIELDS
from emulation.models import AwardTitle, MinistryAwardSetting
from emulation.numbers import VietnameseDecimalField


class AwardTitleForm(forms.ModelForm):
    class Meta:
        model = AwardTitle
        fields = FIELDS
        help_texts = {
            "code": _("Mã ngắn không dấu, duy nhất trong một chế độ. Ví dụ: co-thi-dua-bo"),
            "vote_threshold": _(
                "Tỷ lệ phiếu đồng ý tối thiểu trên tổng số thành viên hội đồng. "
                "Để trống nếu không cần bỏ phiếu."
            ),
            "quota_per_cluster": _("Để trống nếu không giới hạn."),
            "reward_multiplier": _("Tiền thưởng = hệ số × mức lương cơ sở. Ví dụ: 1,5"),
            "prerequisites": _("Điều kiện xét tặng, diễn đạt bằng lời."),
            "citation": _("Ví dụ: Điều 26 Luật Thi đua, khen thưởng số 06/2022/QH15"),
        }
        widgets = {"prerequisites": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"reward_multiplier": VietnameseDecimalField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regime"].empty_label = None

    def clean_vote_threshold(self):
        threshold = self.cleaned_data["vote_threshold"]
        if threshold is not None and threshold > 100:
            raise forms.ValidationError(_("Ngưỡng phiếu là tỷ lệ phần trăm, không quá 100."))
        return threshold

    def service_args(self):
        return {"award_title": self.save(commit=False)}


class MinistryAwardSettingForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = MinistryAwardSetting
        fields = SETTING_FIELDS

    def __init__(self, *args, title, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["local_name"].widget.attrs["placeholder"] = title.name_vi
        if title.quota_per_cluster is not None:
            self.fields["quota_per_cluster"].help_text = _(
                "Để trống thì dùng mức của danh mục quốc gia: %(n)s."
            ) % {"n": title.quota_per_cluster}
        for name in ("internal_due_day",):
            self.fields[name].validators.append(_day_validator)

    def clean(self):
        data = super().clean()
        day, month = data.get("internal_due_day"), data.get("internal_due_month")
        if month is not None and not 1 <= month <= 12:
            self.add_error("internal_due_month", _("Tháng từ 1 đến 12."))
        if (day is None) != (month is None):
            self.add_error(
                "internal_due_day", _("Hãy nhập cả ngày và tháng, hoặc bỏ trống cả hai.")
            )
        return data


def _day_validator(value):
    if value is not None and not 1 <= value <= 31:
        raise forms.ValidationError(_("Ngày từ 1 đến 31."))
