"""Password rules with their messages in Vietnamese.

Django 5.2 reworded the minimum-length error ("…at least %d character.") and its Vietnamese
catalogue has not caught up, so a Vietnamese page showed it in English. This validator says
the same in the project's own catalogue."""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Mật khẩu này quá ngắn: cần ít nhất %(min_length)d ký tự.",
            "Mật khẩu này quá ngắn: cần ít nhất %(min_length)d ký tự.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Mật khẩu của bạn phải có ít nhất %(min_length)d ký tự.",
            "Mật khẩu của bạn phải có ít nhất %(min_length)d ký tự.",
            self.min_length,
        ) % {"min_length": self.min_length}
