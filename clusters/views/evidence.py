"""The evidence files of a cell of the score grid: the list, upload, download, removal."""

from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import can_write_cluster, get_cluster_year_for_user
from clusters.evaluation.access import get_evidence_for_user
from clusters.evaluation.evidence import evidence_add, evidence_delete
from clusters.evaluation.forms import UploadForm
from clusters.evaluation.freeze import cluster_year_is_frozen
from clusters.evaluation.selectors import criteria_of, evidence_of, scoring_table_for
from emulation.pages import form_saved, post_action


def score_evidence(request, pk, year, unit_pk, criterion_pk):
    """One cell's evidence: the list (downloads) and, for writers, the upload form."""
    cluster_year = get_cluster_year_for_user(request.user, pk, year)
    can_write = can_write_cluster(request.user, cluster_year.cluster)
    unit = get_object_or_404(cluster_year.units, pk=unit_pk)
    table = scoring_table_for(cluster_year=cluster_year, prefetch=False)
    criterion = get_object_or_404(criteria_of(table=table), pk=criterion_pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    done = _("Đã tải lên tài liệu minh chứng.")
    cell = {"cluster_year": cluster_year, "unit": unit, "criterion": criterion}
    if form_saved(request, form, evidence_add, done, **cell):
        return redirect(request.path)
    files = evidence_of(**cell)
    return render(
        request,
        "clusters/score_evidence.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "unit": unit,
            "criterion": criterion,
            "files": files,
            # the cell's version, for the grid that uploaded a file from the cell
            "score_version": files[0].score.version if files else "",
            "form": form,
            "can_write": can_write and not cluster_year_is_frozen(cluster_year=cluster_year),
        },
    )


def evidence_download(request, pk, year, evidence_pk):
    evidence = get_evidence_for_user(request.user, pk, year, evidence_pk)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


@require_POST
def evidence_remove(request, pk, year, evidence_pk):
    evidence = get_evidence_for_user(request.user, pk, year, evidence_pk, write=True)
    score = evidence.score
    return post_action(
        request,
        evidence_delete,
        _("Đã xóa tài liệu minh chứng."),
        then=reverse("clusters:score_evidence", args=[pk, year, score.unit_id, score.criterion_id]),
        evidence=evidence,
    )
