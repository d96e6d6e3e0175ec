from decimal import InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.evaluation.tables import parse_levels
from clusters.models import Cluster, CriterionGroup, Minutes
from emulation.bounds import MAX_COUNT, MAX_VERSION, bound_fields, validate_year
from emulation.formsets import BlankRowsIgnoredMixin
from emulation.models import AwardTitle
from emulation.numbers import VietnameseDecimalField

POINTS = {"max_digits": 6, "decimal_places": 2, "min_value": 0}


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION)

    def service_args(self):
        """What its service takes: the version the user loaded as ``expected_version``."""
        data = dict(self.cleaned_data)
        data["expected_version"] = data.pop("version")
        return data


class ScoringTableCreateForm(forms.Form):
    ministry = forms.ModelChoiceField(label=_("Bộ, ngành"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=_("Năm"), validators=[validate_year])
    cluster = forms.ModelChoiceField(
        label=_("Riêng cho cụm"),
        queryset=None,
        required=False,
        empty_label=_("— Dùng chung cho cả bộ, ngành —"),
    )
    name = forms.CharField(label=_("Tên bảng"), max_length=200)
    copy_previous = forms.BooleanField(
        label=_("Sao chép bảng của năm trước (cùng phạm vi)"), required=False
    )

    def __init__(self, *args, ministries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = ministries
        self.fields["cluster"].queryset = Cluster.objects.filter(ministry__in=ministries)

    def clean(self):
        data = super().clean()
        cluster, ministry = data.get("cluster"), data.get("ministry")
        if cluster and ministry and cluster.ministry_id != ministry.pk:
            self.add_error("cluster", _("Cụm không thuộc bộ, ngành đã chọn."))
        return data


class ScoringTableImportForm(ScoringTableCreateForm):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        help_text=_(
            "Các cột: Số TT | Tiêu chí | Điểm chuẩn | Minh chứng (ghi x nếu bắt buộc). "
            "Dòng nhóm đánh số La Mã (I, II, …); dòng mức điểm bắt đầu bằng “-”."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["copy_previous"]


class TableForm(VersionForm):
    name = forms.CharField(label=_("Tên bảng"), max_length=200)


class GroupForm(BlankRowsIgnoredMixin, forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(label=_("Số TT"), max_length=10)
    title = forms.CharField(label=_("Tên nhóm"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại"), choices=CriterionGroup.Kind.choices)
    max_points = VietnameseDecimalField(label=_("Điểm tối đa"), **POINTS)
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=32767, required=False)

    def clean_order(self):
        return self.cleaned_data["order"] or 0


class CriterionForm(BlankRowsIgnoredMixin, forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    group_id = forms.TypedChoiceField(label=_("Nhóm"), coerce=int, choices=())
    code = forms.CharField(label=_("Số TT"), max_length=10)
    text = forms.CharField(
        label=_("Tiêu chí"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    max_points = VietnameseDecimalField(label=_("Điểm chuẩn"), **POINTS)
    evidence_required = forms.BooleanField(label=_("Bắt buộc minh chứng"), required=False)
    levels = forms.CharField(
        label=_("Các mức điểm"),
        required=False,
        max_length=2000,
        help_text=_("Ví dụ: Đúng hạn = 2; Chậm 1–2 ngày = 1,5"),
    )
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=32767, required=False)

    def clean_order(self):
        return self.cleaned_data["order"] or 0

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group_id"].choices = [(g.pk, f"{g.code}. {g.title}") for g in groups]

    def clean_levels(self):
        try:
            return parse_levels(self.cleaned_data["levels"])
        except (ValueError, InvalidOperation):
            raise forms.ValidationError(
                _("Ghi mỗi mức dạng “tên mức = điểm”, các mức cách nhau bởi dấu chấm phẩy.")
            ) from None


GroupFormSet = forms.formset_factory(GroupForm, extra=2, can_delete=True)
CriterionFormSet = forms.formset_factory(CriterionForm, extra=3, can_delete=True)


class UploadForm(forms.Form):
    """An evidence file or a filled-in grid."""

    file = forms.FileField(label=_("Tệp"))

    def service_args(self):
        return {"upload": self.cleaned_data["file"]}


class VoteCreateForm(forms.Form):
    award_title = forms.ModelChoiceField(
        label=_("Danh hiệu, hình thức suy tôn"), queryset=None, empty_label=None
    )

    def __init__(self, *args, regime, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_title"].queryset = AwardTitle.objects.filter(
            regime=regime, subject=AwardTitle.Subject.COLLECTIVE
        )


class VoteCountsForm(VersionForm):
    voters_entitled = forms.IntegerField(
        label=_("Số thành viên có quyền bỏ phiếu"), min_value=1, max_value=MAX_COUNT
    )
    ballots_cast = forms.IntegerField(label=_("Số phiếu phát ra"), min_value=0, max_value=MAX_COUNT)
    valid_ballots = forms.IntegerField(label=_("Số phiếu hợp lệ"), min_value=0, max_value=MAX_COUNT)
    quota = forms.IntegerField(
        label=_("Số lượng được suy tôn"),
        min_value=0,
        max_value=MAX_COUNT,
        required=False,
        help_text=_("Mặc định theo danh mục khen thưởng; để trống nếu chưa có quy định."),
    )

    def __init__(self, *args, counts, **kwargs):
        super().__init__(*args, **kwargs)
        self.counts = counts
        for count in counts:
            self.fields[f"unit_{count.unit_id}"] = forms.IntegerField(
                label=count.unit.name, min_value=0, max_value=MAX_COUNT, initial=count.votes
            )

    def service_args(self):
        data = self.cleaned_data
        return {
            "expected_version": data["version"],
            **{name: data[name] for name in ("voters_entitled", "ballots_cast", "valid_ballots")},
            "quota": data["quota"],
            "votes": {c.unit_id: data[f"unit_{c.unit_id}"] for c in self.counts},
        }


class VoteCloseForm(VersionForm):
    tie_break_units = forms.TypedMultipleChoiceField(
        label=_("Chủ trì chọn đơn vị"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=(),
    )
    tie_break_note = forms.CharField(
        label=_("Quyết định của chủ trì"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, tied=(), **kwargs):
        super().__init__(*args, **kwargs)
        if tied:
            self.fields["tie_break_units"].choices = [(c.unit_id, c.unit.name) for c in tied]
        else:
            del self.fields["tie_break_units"]
            del self.fields["tie_break_note"]

    def service_args(self):
        data = self.cleaned_data
        return {
            "expected_version": data["version"],
            "tie_break_unit_ids": data.get("tie_break_units", []),
            "tie_break_note": data.get("tie_break_note", ""),
        }


class MinutesForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, max_value=MAX_VERSION)

    class Meta:
        model = Minutes
        fields = ["held_on", "place", "chair_name", "chair_position", "secretary_name", "agenda"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "agenda": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)
        self.units = units
        present = {a.unit_id: a for a in self.instance.attendance.all()} if self.instance.pk else {}
        for unit in units:
            row = present.get(unit.pk)
            self.fields[f"present_{unit.pk}"] = forms.BooleanField(
                label=unit.name, required=False, initial=row.present if row else True
            )
            self.fields[f"name_{unit.pk}"] = forms.CharField(
                label=_("Người đại diện"),
                max_length=100,
                required=False,
                initial=row.representative_name if row else "",
            )
            self.fields[f"position_{unit.pk}"] = forms.CharField(
                label=_("Chức vụ"),
                max_length=150,
                required=False,
                initial=row.representative_position if row else "",
            )

    def attendance_rows(self):
        return [
            (unit, self[f"present_{unit.pk}"], self[f"name_{unit.pk}"], self[f"position_{unit.pk}"])
            for unit in self.units
        ]

    def main_fields(self):
        return [self[name] for name in self.Meta.fields]

    def service_args(self):
        data = self.cleaned_data
        return {
            "expected_version": data["version"],
            "data": {name: data[name] for name in self.Meta.fields},
            "attendance": {
                u.pk: (
                    data[f"present_{u.pk}"],
                    data[f"name_{u.pk}"].strip(),
                    data[f"position_{u.pk}"].strip(),
                )
                for u in self.units
            },
        }


class UnsignForm(VersionForm):
    reason = forms.CharField(
        label=_("Lý do mở khóa"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
