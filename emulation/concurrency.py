"""Optimistic locking: each editable record carries a ``version``; a save names the version
the user loaded, and a save that finds a newer one is refused instead of overwriting."""

from django.db.models import F
from django.utils.translation import gettext as _

from emulation.errors import StaleEditError


def claim_version(instance, expected_version):
    """Bump ``instance.version`` if it is still ``expected_version``; raise otherwise.

    Call inside the transaction that then saves the other fields."""
    model = type(instance)
    updated = 0
    # A missing or out-of-range version (a crafted form) is refused like a stale one.
    if isinstance(expected_version, int) and 0 <= expected_version < 2**31 - 1:
        updated = model.objects.filter(pk=instance.pk, version=expected_version).update(
            version=F("version") + 1
        )
    if not updated:
        raise StaleEditError(
            _(
                "Dữ liệu này vừa được người khác lưu sau khi bạn mở trang. "
                "Hãy tải lại trang để xem bản mới nhất rồi nhập lại thay đổi của bạn."
            )
        )
    instance.version = expected_version + 1
