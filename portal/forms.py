from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from clusters.models import Cluster
from emulation.roles import Role

User = get_user_model()


class RoleFieldsMixin(forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    ministry = forms.ModelChoiceField(label=_("Bộ, ngành"), queryset=None, empty_label=None)
    cluster = forms.ModelChoiceField(
        label=_("Cụm thi đua"),
        queryset=None,
        required=False,
        help_text=_("Bắt buộc với thư ký cụm; với lãnh đạo, để trống là cả bộ, ngành."),
    )

    def __init__(self, *args, ministries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = ministries
        self.fields["cluster"].queryset = Cluster.objects.filter(ministry__in=ministries)


class AccountCreateForm(RoleFieldsMixin):
    username = forms.RegexField(
        label=_("Tên đăng nhập"),
        max_length=150,
        regex=r"^[\w.@+-]+$",
        error_messages={"invalid": _("Chỉ dùng chữ không dấu, số và các ký tự . @ + - _")},
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    password = forms.CharField(
        label=_("Mật khẩu ban đầu"),
        widget=forms.PasswordInput(render_value=True),
        required=False,
        help_text=_(
            "Nên để trống: người dùng nhận thư mời qua thư điện tử và tự đặt mật khẩu, không "
            "ai khác biết. Nếu đặt, người dùng nên đổi sau lần đăng nhập đầu tiên."
        ),
    )
    field_order = ["username", "full_name", "email", "password", "role", "ministry", "cluster"]

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if not password and "email" in cleaned and not cleaned["email"]:
            self.add_error(
                "email",
                _("Cần thư điện tử để gửi thư mời đặt mật khẩu (hoặc đặt mật khẩu ban đầu)."),
            )
        if password:
            # Compared with the new account's own name and e-mail, not only with common ones.
            account = User(
                username=cleaned.get("username", ""),
                first_name=cleaned.get("full_name", ""),
                email=cleaned.get("email", ""),
            )
            try:
                validate_password(password, user=account)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class RoleGrantForm(RoleFieldsMixin):
    pass


class AccountSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False, max_length=150)
