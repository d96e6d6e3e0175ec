"""The score grid of a cluster-year, its evidence files, Excel round trip and the ranking."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import can_write_cluster, get_cluster_year_for_user
from clusters.data_version import cluster_year_version
from clusters.evaluation.forms import UploadForm
from clusters.evaluation.freeze import cluster_year_is_frozen
from clusters.evaluation.grid_excel import GridImportError, grid_export, grid_import_preview
from clusters.evaluation.grid_html import grid_rows, grid_texts, status_html, stored_cells
from clusters.evaluation.ranking import cluster_year_ranking, ranking_chart
from clusters.evaluation.scores import (
    ScoreGridError,
    cell_prefix,
    cells_from_post,
    evidence_counts,
    grid_layout,
    scores_save,
    scores_save_valid,
)
from clusters.evaluation.selectors import score_versions, scoring_table_for
from emulation.errors import DomainError
from emulation.fragments import CSRF_SLOT, cached_fragment, with_csrf_token


def _save_cells(request, cluster_year, layout, cells, done, cell_errors=None):
    """Save typed cells as one change; ``(True, {})`` once saved and ``done`` (counting the
    cells) is said, else ``(False, {cell: messages})`` with the refusal said."""
    try:
        if cell_errors:
            raise ScoreGridError(cell_errors)
        changed = scores_save(
            actor=request.user, cluster_year=cluster_year, cells=cells, layout=layout
        )
    except ScoreGridError as error:
        messages.error(request, error.message)
        return False, error.cell_errors
    except DomainError as error:
        messages.error(request, error.message)
        return False, {}
    messages.success(request, done % {"n": changed})
    return True, {}


def _grid_body(cluster_year, layout, can_write, typed=None, errors=None):
    """The page's content (its form with ``CSRF_SLOT`` for the token)."""
    frozen = cluster_year_is_frozen(cluster_year=cluster_year)
    editable = can_write and not frozen
    rows = grid_rows(
        cluster_year,
        layout,
        stored_cells(cluster_year=cluster_year),
        evidence_counts(cluster_year=cluster_year),
        editable=editable,
        typed=typed,
        errors=errors or {},
    )
    return render_to_string(
        "clusters/_score_grid_body.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "layout": layout,
            "rows": rows,
            "editable": editable,
            "frozen": frozen,
            "csrf_token": CSRF_SLOT,
        },
    )


def score_grid(request, pk, year):
    """A GET shows the grid as cached for the year's data version and the reader's right to
    write; a POST refused shows what was typed, with each cell's errors."""
    post = request.method == "POST"
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=post, token=not post)
    can_write = can_write_cluster(request.user, cluster_year.cluster)
    if post:
        layout = grid_layout(cluster_year=cluster_year)
        typed, errors = cells_from_post(request.POST, layout)
        if not errors:
            saved, errors = _save_cells(
                request, cluster_year, layout, typed, _("Đã lưu %(n)s ô điểm.")
            )
            if saved:
                return redirect("clusters:scores", pk=pk, year=year)
        else:
            messages.error(
                request,
                _("Có %(n)s ô chưa hợp lệ; chưa lưu gì. Xem thông báo tại từng ô.")
                % {"n": len(errors)},
            )
        body = _grid_body(cluster_year, layout, can_write, typed, errors)
    else:
        body = cached_fragment(
            "score-grid",
            cluster_year_version(cluster_year),
            can_write,
            render=lambda: _grid_body(
                cluster_year, grid_layout(cluster_year=cluster_year), can_write
            ),
        )
    return render(
        request,
        "clusters/score_grid.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "body": with_csrf_token(request, body),
        },
    )


@require_POST
def score_cell(request, pk, year, unit_pk, criterion_pk):
    """Save one cell and answer with its status fragment (version, messages or "saved").

    ``score_grid.js`` reads the fragment; the inputs themselves are never replaced, so keys
    typed while the request is in flight are not lost, and it sends one cell's requests one
    after the other so each carries the version the previous one produced."""
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    layout = grid_layout(cluster_year=cluster_year)
    unit = next((u for u in layout.units if u.pk == unit_pk), None)
    criterion = layout.criteria.get(criterion_pk)
    if unit is None or criterion is None:
        return HttpResponse(status=404)
    typed, errors = cells_from_post(request.POST, layout)
    key = (unit_pk, criterion_pk)
    typed = {key: typed[key]} if key in typed else {}
    errors = {key: errors[key]} if key in errors else {}
    saved = False
    if typed and not errors:
        try:
            scores_save(actor=request.user, cluster_year=cluster_year, cells=typed, layout=layout)
            saved = True
        except ScoreGridError as error:
            errors = error.cell_errors
        except DomainError as error:
            errors = {key: [error.message]}
    versions = score_versions(cluster_year=cluster_year, unit=unit, criterion=criterion)
    return HttpResponse(
        status_html(
            cell_prefix(unit.pk, criterion.pk),
            versions.get(key, 0),  # 0: the cell is still empty
            errors.get(key, ()),
            editable=True,
            saved=saved,
        )
    )


@require_POST
def score_cells(request, pk, year):
    """A block pasted into the grid: every cell in the POST saved as one change (one
    service call, one audit entry); the cells refused are answered with their messages and
    the others are saved. Answers one status fragment per cell, marked with its prefix."""
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    layout = grid_layout(cluster_year=cluster_year)
    typed, errors = cells_from_post(request.POST, layout)
    valid = {key: cell for key, cell in typed.items() if key not in errors}
    saved = set()
    if valid:
        try:
            saved, refused = scores_save_valid(
                actor=request.user, cluster_year=cluster_year, cells=valid, layout=layout
            )
        except DomainError as error:
            refused = {key: [error.message] for key in valid}
        errors.update(refused)
    versions = score_versions(cluster_year=cluster_year)
    texts = grid_texts()
    return HttpResponse(
        "".join(
            '<div data-cell="{prefix}">{status}</div>\n'.format(
                prefix=cell_prefix(*key),
                status=status_html(
                    cell_prefix(*key),
                    versions.get(key, 0),  # 0: the cell is still empty
                    errors.get(key, ()),
                    editable=True,
                    saved=key in saved,
                    texts=texts,
                ),
            )
            for key in typed
        )
    )


def score_export(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year)
    response = HttpResponse(
        grid_export(cluster_year=cluster_year),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="bang-diem-{pk}-{year}.xlsx"'
    return response


def score_import(request, pk, year):
    """Upload a filled-in export: the changed cells are shown (old → new) with a button that
    saves them; nothing is stored before that. The confirmation posts the cells as the grid
    does, with their versions, so a cell someone saved meanwhile is refused, not overwritten."""
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    confirming = request.method == "POST" and "confirm" in request.POST
    form = UploadForm(None if confirming else request.POST or None, request.FILES or None)
    errors, preview = [], None
    if confirming:
        layout = grid_layout(cluster_year=cluster_year)
        cells, cell_errors = cells_from_post(request.POST, layout)
        done = _("Đã nhập %(n)s ô điểm từ tệp Excel.")
        saved, cell_errors = _save_cells(request, cluster_year, layout, cells, done, cell_errors)
        if saved:
            return redirect("clusters:scores", pk=pk, year=year)
        errors = _import_cell_errors(layout, cell_errors)
    elif request.method == "POST" and form.is_valid():
        try:
            preview = grid_import_preview(cluster_year=cluster_year, file=form.cleaned_data["file"])
        except GridImportError as error:
            errors = error.errors
            form.add_error("file", error.message)
    return render(
        request,
        "clusters/score_import.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "form": form,
            "errors": errors,
            "preview": preview,
        },
    )


def _import_cell_errors(layout, cell_errors):
    units = {unit.pk: unit for unit in layout.units}
    lines = []
    for (unit_id, criterion_id), texts in cell_errors.items():
        criterion = layout.criteria.get(criterion_id)
        unit = units.get(unit_id)
        where = (
            f"{unit.name} – {criterion.group.code}.{criterion.code}" if unit and criterion else ""
        )
        lines += [f"{where}: {text}" for text in texts]
    return lines


def _ranking_page(cluster_year):
    rows = cluster_year_ranking(cluster_year=cluster_year)
    return render_to_string(
        "clusters/_ranking_page.html",
        {
            "cluster_year": cluster_year,
            "cluster": cluster_year.cluster,
            "rows": rows,
            "chart": ranking_chart(rows),
            "table": scoring_table_for(cluster_year=cluster_year, prefetch=False),
            "frozen": cluster_year_is_frozen(cluster_year=cluster_year),
        },
    )


def ranking(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, token=True)
    body = cached_fragment(
        "ranking", cluster_year_version(cluster_year), render=lambda: _ranking_page(cluster_year)
    )
    return render(
        request,
        "clusters/ranking.html",
        {"cluster_year": cluster_year, "cluster": cluster_year.cluster, "body": body},
    )
