"""Reads of the spreadsheet imports."""

from emulation.access import managed_ministries
from emulation.models import ImportBatch


def batches_for(*, user):
    """The import batches of the ministries the user manages, newest first."""
    return (
        ImportBatch.objects.filter(ministry__in=managed_ministries(user))
        .select_related("ministry", "created_by", "committed_by")
        .order_by("-created_at", "-id")
    )
