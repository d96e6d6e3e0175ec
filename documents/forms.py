import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from documents.models import NumberRegister
from documents.services.register import body_of_cluster
from emulation.bounds import bound_fields, validate_year
from emulation.errors import DomainError
from emulation.uploads import check_size


class ReasonForm(forms.Form):
    """Cancelling a number, revoking a paper: the reason, required by the service."""

    reason = forms.CharField(
        label=_("Lý do"), max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)


class CodeForm(forms.Form):
    """The code printed under the QR code, typed by hand: spaces, dashes and case ignored."""

    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=40,
        help_text=_("12 ký tự in dưới mã QR của văn bản."),
        error_messages={"required": _("Hãy nhập mã xác thực in trên văn bản.")},
    )

    def clean_code(self):
        code = re.sub(r"[^0-9A-Za-z]", "", self.cleaned_data["code"]).upper()
        if not code:
            raise ValidationError(_("Hãy nhập mã xác thực in trên văn bản."))
        return code


class FileCheckForm(forms.Form):
    """A file to compare with the issued one: hashed, never stored."""

    file = forms.FileField(
        label=_("Tệp cần đối chiếu"),
        help_text=_("Tệp chỉ được dùng để tính mã SHA-256, không được lưu lại."),
        error_messages={"required": _("Hãy chọn tệp cần đối chiếu.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload, field="file")
        except DomainError as error:
            raise ValidationError(error.message) from None
        return upload


# Ministries issue a few thousand decisions a year; a figure past this is a typing mistake.
LAST_NUMBER_MAX = 99_999


def body_label(body):
    """“Cụm thi đua số 2 (CTĐ2)”; a unit's under its cluster: “Trường … (ĐHL) – CTĐ2”."""
    label = f"{body.issuing_body} ({body.body_code})"
    if body.key.startswith("u"):
        return f"{label} – {body_of_cluster(body.cluster)[1]}"
    return label


class OutsideNumbersForm(forms.Form):
    """The last number an issuing body gave outside thidua, for a register to follow on."""

    body = forms.ChoiceField(label=_("Cơ quan ban hành"))
    type_code = forms.ChoiceField(label=_("Loại văn bản"), choices=NumberRegister.TypeCode)
    year = forms.IntegerField(label=_("Năm"), validators=[validate_year])
    last_number = forms.IntegerField(
        label=_("Số cuối cùng đã cấp ngoài hệ thống"),
        min_value=1,
        max_value=LAST_NUMBER_MAX,
        help_text=_("Số tiếp theo hệ thống cấp sẽ là số này cộng 1."),
    )
    reason = forms.CharField(
        label=_("Căn cứ"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: “Văn thư đã cấp đến số 255/QĐ-BTP ngày 10/6”."),
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.bodies = {body.key: body for body in bodies}
        self.fields["body"].choices = [(body.key, body_label(body)) for body in bodies]
        bound_fields(self)

    def service_args(self):
        return {**self.cleaned_data, "body": self.bodies[self.cleaned_data["body"]]}
