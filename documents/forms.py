import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from emulation.bounds import bound_fields
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
