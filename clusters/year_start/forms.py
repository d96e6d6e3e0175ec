"""Forms for the start of a cluster's year: choices offer only what is valid (members of
that year, titles of that year's regime)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import LeadershipTerm, RotationPolicy
from clusters.year_start.leadership import LEADERSHIP_FIELDS
from clusters.year_start.selectors import catalogue_for_year
from emulation.bounds import bound_fields, validate_date
from emulation.models import AwardTitle
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

    def service_args(self):
        version = self.cleaned_data["version"] or 0
        return {"data": self.leadership_data(), "expected_version": version}


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

    def service_args(self):
        data = self.cleaned_data
        return {
            "method": data["method"],
            "no_repeat_years": data["no_repeat_years"],
            "order": data["order"],
            "expected_version": data["version"] or 0,
        }


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

    def service_args(self):
        data = self.cleaned_data
        return {
            "expected_version": data["version"],
            "commitments": data["commitments"].splitlines(),
            "place": data["place"],
            "conference_date": data["conference_date"],
        }


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
        self.fields["award_title"].label_from_instance = lambda t: t.name_with_subject


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


class PledgeBoardRowForm(forms.Form):
    """One unit's row of the pledge board: a signature (when the unit has not signed) and a
    title registration, each optional; a row left blank changes nothing."""

    signer_name = forms.CharField(label=_("Người ký"), max_length=100, required=False)
    signer_position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    signed_on = forms.DateField(label=_("Ngày ký"), required=False, widget=DATE_WIDGET)
    award_title = forms.ModelChoiceField(
        label=_("Danh hiệu đăng ký"), queryset=None, required=False, empty_label="—"
    )
    person_name = forms.CharField(label=_("Họ tên cá nhân"), max_length=100, required=False)

    def __init__(self, *args, unit, titles, can_sign, **kwargs):
        super().__init__(*args, prefix=f"u{unit.pk}", **kwargs)
        self.unit = unit
        # ``titles`` is a list read once for every row: each select renders without a query.
        self.fields["award_title"].queryset = AwardTitle.objects.filter(
            pk__in=[t.pk for t in titles]
        )
        self.fields["award_title"].choices = [("", "—")] + [
            (t.pk, t.name_with_subject) for t in titles
        ]
        if not can_sign:
            for name in ("signer_name", "signer_position", "signed_on"):
                del self.fields[name]
        for field in self.fields.values():
            field.widget.attrs.update(
                {
                    "aria-label": f"{field.label} – {unit.name}",
                    "placeholder": field.label,
                    "class": "form-select form-select-sm"
                    if isinstance(field.widget, forms.Select)
                    else "form-control form-control-sm",
                }
            )

    def add_error(self, field, error):
        super().add_error(field, error)
        if field in self.fields:
            widget = self.fields[field].widget
            widget.attrs["class"] += " is-invalid"
            widget.attrs["aria-invalid"] = "true"
            widget.attrs["aria-describedby"] = f"{self[field].auto_id}_error"

    def clean(self):
        data = super().clean()
        if "signer_name" in self.fields and (
            data.get("signer_name") or data.get("signer_position")
        ):
            for name in ("signer_name", "signer_position", "signed_on"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Trường này là bắt buộc khi ghi chữ ký."))
        if data.get("person_name") and not data.get("award_title"):
            self.add_error("award_title", _("Hãy chọn danh hiệu cho người đăng ký."))
        return data

    def row(self):
        """The row for ``pledge_board_save``, or None when it was left blank."""
        data = self.cleaned_data
        signature = registration = None
        if data.get("signer_name"):
            signature = {
                "signer_name": data["signer_name"],
                "signer_position": data["signer_position"],
                "signed_on": data["signed_on"],
            }
        if data.get("award_title"):
            registration = {
                "award_title": data["award_title"],
                "person_name": data.get("person_name", ""),
            }
        if signature is None and registration is None:
            return None
        return {"unit": self.unit, "signature": signature, "registration": registration}
