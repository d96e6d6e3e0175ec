"""Optimistic locking: each editable record carries a ``version``; a save names the version
the user loaded, and a save that finds a newer one is refused instead of overwriting."""

from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from emulation.errors import DomainError, StaleEditError


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


@contextmanager
def refuse_duplicate(message, *, field=None):
    """Run an insert in a savepoint and answer a unique-constraint violation with the form's
    message: the check before the insert says the same thing, but two identical requests can
    both pass it, and the constraint is what decides. Never a 500."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise DomainError(message, field=field) from None


def lock_existing(instance, message):
    """Take ``instance``'s row lock until the end of the transaction, or raise DomainError
    with ``message`` if the row is gone. For deletes: two requests that both loaded the
    record must not both delete it and both write an audit entry; the second waits for the
    first, then finds nothing to delete and says so."""
    model = type(instance)
    if model.objects.select_for_update().filter(pk=instance.pk).values_list("pk").first() is None:
        raise DomainError(message)
