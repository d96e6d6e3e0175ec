from django import forms
from django.utils.translation import gettext_lazy as _

from emulation.models import AwardTitle
from emulation.numbers import VietnameseDecimalField


class AwardTitleForm(forms.ModelForm):
    class Meta:
        model = AwardTitle
        fields = [
            "regime",
            "code",
            "name_vi",
            "name_en",
            "kind",
            "subject",
            "level",
            "vote_threshold",
            "quota_per_cluster",
            "reward_multiplier",
            "prerequisites",
            "citation",
            "order",
        ]
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
