"""Forms for the start of a cluster's year: choices offer only what is valid (members of
that year, titles of that year's regime)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import LeadershipTerm, RotationPolicy
from clusters.year_start.leadership import LEADERSHIP_FIELDS
from clusters.year_start.selectors import catalogue_for_year
from emulation.bounds import bound_fields, validate_date
from units.models import Unit

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _members(cluster_year):
    return Unit.objects.filter(memberships__cluster_year=cluster_year).order_by("name")


class LeadershipForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = LeadershipTerm
        fields = LEADERSHIP_FIELDS
        help_texts = {
            "head_name": _("Người đứng đầu đơn vị Cụm trưởng, ví dụ: Hoàng Xuân Châu"),
            "head_position": _("Ví dụ: Quyền Hiệu trưởng"),
            "deputy_position": _("Ví dụ: Tổng biên tập"),
            "decision_number": _("Nếu có quyết định công nhận, ví dụ: 123/QĐ-BTP"),
            "announced_on": _("Ngày hội nghị công bố Cụm trưởng, Cụm phó"),
        }
        widgets = {
            "decision_date": DATE_WIDGET,
            "announced_on": DATE_WIDGET,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, cluster_year, optional=False, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)
        members = _members(cluster_year)
        for name in ("head_unit", "deputy_unit"):
            self.fields[name].queryset = members
            self.fields[name].empty_label = _("— chọn đơn vị thành viên —")
        self.optional = optional
        if optional:
            for field in self.fields.values():
                field.required = False

    def clean(self):
        data = super().clean()
        if self.optional and not (data.get("head_unit") or data.get("deputy_unit")):
            return data
        for name in ("head_unit", "head_name", "head_position"):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("Trường này là bắt buộc."))
        for name in ("deputy_unit", "deputy_name", "deputy_position"):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("Trường này là bắt buộc."))
        head, deputy = data.get("head_unit"), data.get("deputy_unit")
        if head and deputy and head == deputy:
            self.add_error("deputy_unit", _("Đơn vị Cụm phó phải khác đơn vị Cụm trưởng."))
        if not data.get("selection"):
            data["selection"] = LeadershipTerm.Selection.ROTATION
        return data

    def _post_clean(self):
        """The service checks the rules; the model's constraints are not run on the form."""

    def leadership_data(self):
        if self.optional and not self.cleaned_data.get("head_unit"):
            return None
        return {name: self.cleaned_data[name] for name in LEADERSHIP_FIELDS}


class RotationPolicyForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    method = forms.ChoiceField(
        label=_("Cách chọn Cụm trưởng năm sau"), choices=RotationPolicy.Method
    )
    no_repeat_years = forms.IntegerField(
        label=_("Không làm Cụm trưởng lại trong (năm)"),
        min_value=0,
        max_value=20,
        initial=0,
        help_text=_(
            "0: không hạn chế. Ví dụ 3: đơn vị đã làm Cụm trưởng trong 3 năm gần nhất "
            "không được gợi ý."
        ),
    )

    def __init__(self, *args, units, positions, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = list(units)
        for unit in self.units:
            self.fields[f"unit_{unit.pk}"] = forms.IntegerField(
                label=_("Thứ tự luân phiên: %(unit)s") % {"unit": unit.name},
                min_value=1,
                max_value=99,
                required=False,
                initial=positions.get(unit.pk),
                help_text=_("Để trống nếu đơn vị không tham gia luân phiên."),
            )

    def clean(self):
        data = super().clean()
        ranked = [(data.get(f"unit_{u.pk}"), u) for u in self.units]
        ranked = [(pos, u) for pos, u in ranked if pos is not None]
        positions = [pos for pos, _unit in ranked]
        if len(positions) != len(set(positions)):
            raise forms.ValidationError(_("Hai đơn vị không được có cùng thứ tự luân phiên."))
        data["order"] = [u for _pos, u in sorted(ranked, key=lambda pair: pair[0])]
        return data


class PledgeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    commitments = forms.CharField(
        label=_("Nội dung giao ước"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Mỗi dòng là một nội dung, theo đúng thứ tự trong giao ước."),
    )
    place = forms.CharField(label=_("Địa điểm ký"), max_length=200, required=False)
    conference_date = forms.DateField(
        label=_("Ngày hội nghị ký kết"),
        required=False,
        widget=DATE_WIDGET,
        validators=[validate_date],
    )

    def commitment_lines(self):
        return self.cleaned_data["commitments"].splitlines()


class RegistrationForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    award_title = forms.ModelChoiceField(
        label=_("Danh hiệu đăng ký"),
        queryset=None,
        help_text=_("Chỉ các danh hiệu, hình thức của chế độ áp dụng cho năm này."),
    )
    person_name = forms.CharField(
        label=_("Họ tên cá nhân"),
        max_length=100,
        required=False,
        help_text=_("Bắt buộc với danh hiệu cá nhân; để trống với danh hiệu tập thể."),
    )

    def __init__(self, *args, cluster_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _members(cluster_year)
        titles = catalogue_for_year(cluster_year=cluster_year)
        self.fields["award_title"].queryset = titles
        self.fields["award_title"].label_from_instance = lambda t: (
            f"{t.name_vi} ({t.get_subject_display().lower()})"
        )


class SignatureForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    signer_name = forms.CharField(label=_("Người ký"), max_length=100)
    signer_position = forms.CharField(
        label=_("Chức vụ"), max_length=150, help_text=_("Ví dụ: Hiệu trưởng, Tổng biên tập")
    )
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DATE_WIDGET, validators=[validate_date])

    def __init__(self, *args, cluster_year, signed_unit_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _members(cluster_year).exclude(pk__in=signed_unit_ids)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do mở lại"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Lý do được ghi vào nhật ký thay đổi."),
    )
