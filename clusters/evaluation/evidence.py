"""Evidence files (tài liệu minh chứng) of a score: checked as every upload is
(``emulation.uploads``, kind "evidence"), stored through the default storage (outside the web
root) and served only by a permission-checked view."""

import os

from django.db import transaction
from django.utils.translation import gettext as _

from clusters.evaluation.freeze import ensure_not_frozen
from clusters.models import Evidence, Score
from emulation.audit import audit_record
from emulation.concurrency import lock_existing
from emulation.rights import require_cluster_writer
from emulation.uploads import EVIDENCE, validated_upload


@transaction.atomic
def evidence_add(*, actor, cluster_year, unit, criterion, upload):
    require_cluster_writer(actor, cluster_year.cluster)
    ensure_not_frozen(cluster_year=cluster_year)
    content_type, _name = validated_upload(upload, kind=EVIDENCE, field="file")
    score, _created = Score.objects.get_or_create(
        cluster_year=cluster_year,
        unit=unit,
        criterion=criterion,
        defaults={"updated_by": actor},
    )
    evidence = Evidence(
        score=score,
        original_name=os.path.basename(upload.name)[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    audit_record(
        actor=actor,
        action="evidence_add",
        obj=score,
        after={"evidence": evidence.pk, "name": evidence.original_name, "size": evidence.size},
    )
    return evidence


@transaction.atomic
def evidence_delete(*, actor, evidence):
    score = evidence.score
    require_cluster_writer(actor, score.cluster_year.cluster)
    ensure_not_frozen(cluster_year=score.cluster_year)
    lock_existing(evidence, _("Tài liệu minh chứng này đã được xóa."))
    before = {"evidence": evidence.pk, "name": evidence.original_name}
    name = evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: evidence.file.storage.delete(name))
    audit_record(actor=actor, action="evidence_delete", obj=score, before=before)
