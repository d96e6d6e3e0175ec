"""Revoking an issued paper: its public verification page then says “revoked”, with the date
and the reason; the file, its code and its record stay."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import PaperVersion
from documents.rights import paper_cluster, require_keeper
from emulation.audit import audit_record, event_now
from emulation.bounds import check_text
from emulation.dates import short_date
from emulation.errors import DomainError

REASON_MAX = PaperVersion._meta.get_field("revoke_reason").max_length


@transaction.atomic
def paper_version_revoke(*, version, user, reason):
    """Revoke an issued (ready) version of a paper: by the secretary of its cluster or the
    ministry's staff (a cluster's paper), the ministry's staff (the ministry's own)."""
    version = (
        PaperVersion.objects.select_for_update(of=("self",))
        .select_related(
            "paper__cluster_year__cluster", "paper__nomination__proposal__cluster_year__cluster"
        )
        .get(pk=version.pk)
    )
    paper = version.paper
    require_keeper(user, ministry_id=paper.ministry_id, cluster=paper_cluster(paper))
    reason = check_text((reason or "").strip(), max_length=REASON_MAX, field="reason")
    if not reason:
        raise DomainError(_("Hãy ghi lý do thu hồi văn bản."), field="reason")
    if not version.is_ready:
        raise DomainError(_("Chỉ thu hồi được bản đã tạo xong (đã ban hành)."))
    if version.revoked_at is not None:
        raise DomainError(
            _("Bản này đã bị thu hồi ngày %(date)s.")
            % {"date": short_date(timezone.localtime(version.revoked_at))}
        )
    version.revoked_at = event_now()
    version.revoked_by = user
    version.revoke_reason = reason
    version.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    audit_record(
        actor=user,
        action="paper_version_revoke",
        obj=version,
        before={"revoked": False, "code": version.code},
        after={"revoked": True, "code": version.code},
        reason=reason,
    )
    return version
