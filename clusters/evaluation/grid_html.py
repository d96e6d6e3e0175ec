"""The score grid's cells as HTML, written in one pass of Python: 400 cells through three
template includes each were most of the grid page's time (docs/scaling.md).

The markup is the grid's contract with its users and with ``static/js/score_grid.js``: the
inputs' ids, names and accessible names, the ``data-`` attributes, the states
(``is-invalid``, ``cell-failed``, ``has-content``, ``needs-evidence``) and the status box a
cell save answers with (``status_html``). Every value is escaped (``html.escape``, as
Django's ``escape``); each cell is one line."""

from decimal import Decimal
from html import escape
from typing import NamedTuple

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clusters.evaluation.scores import cell_prefix
from clusters.models import Score
from emulation.numbers import decimal_formatter


class StoredCell(NamedTuple):
    pk: int
    self_score: Decimal | None
    agreed_score: Decimal | None
    comment: str
    version: int


def stored_cells(*, cluster_year):
    """``{(unit_id, criterion_id): StoredCell}``: what the grid shows of each score, read as
    plain rows (400 model instances were a fifth of the page's time)."""
    rows = Score.objects.filter(cluster_year=cluster_year).values_list(
        "unit_id", "criterion_id", "pk", "self_score", "agreed_score", "comment", "version"
    )
    return {(unit_id, criterion_id): StoredCell(*rest) for unit_id, criterion_id, *rest in rows}


def grid_texts():
    """Everything a cell says, translated and escaped once per grid. The labels are filled
    in with escaped names: the same as escaping the filled-in label."""
    return {
        "label_self": escape(_("%(unit)s – tiêu chí %(code)s – điểm tự chấm")),
        "label_agreed": escape(_("%(unit)s – tiêu chí %(code)s – điểm cụm chấm")),
        "label_comment": escape(_("%(unit)s – tiêu chí %(code)s – nhận xét")),
        "label_more": escape(_("%(unit)s – tiêu chí %(code)s – nhận xét và minh chứng")),
        "self": escape(_("TC")),
        "agreed": escape(_("CC")),
        "comment": escape(_("Nhận xét")),
        "upload": escape(_("Tải minh chứng lên")),
        "evidence": escape(_("Minh chứng")),
        "needs": escape(_("Cần minh chứng")),
        "saved": escape(_("Đã lưu")),
        "number": decimal_formatter(),
    }


def _status(prefix, version, errors, *, editable, saved_text=None):
    parts = [f'<input type="hidden" name="{prefix}-v" value="{escape(str(version))}">']
    if not editable:
        parts = []
    parts += [
        f'<div class="invalid-feedback d-block cell-error">{escape(str(error))}</div>'
        for error in errors
    ]
    if saved_text:
        parts.append(f'<span class="cell-saved small text-success">{saved_text}</span>')
    return "".join(parts)


def status_html(prefix, version, errors, *, editable, saved=False, texts=None):
    """The cell's status box: its version (what the next save names), its errors, "saved"."""
    saved_text = (texts or grid_texts())["saved"] if saved else None
    return mark_safe(_status(prefix, version, errors, editable=editable, saved_text=saved_text))


class _Unit(NamedTuple):
    pk: int
    name: str  # escaped


class _Criterion(NamedTuple):
    pk: int
    code: str  # escaped
    evidence_required: bool


def _evidence(url, count, required, texts):
    if count:
        text = escape(ngettext("%(n)s minh chứng", "%(n)s minh chứng", count) % {"n": count})
    else:
        text = texts["needs"] if required else texts["evidence"]
    return f'<a class="small d-block cell-evidence" href="{url}" data-count="{count}">{text}</a>'


def _input(prefix, field, value, label, placeholder, extra_class="", decimal=True):
    mode = ' inputmode="decimal"' if decimal else ""
    return (
        f'<input id="{prefix}-{field}" name="{prefix}-{field}" value="{escape(value)}"{mode} '
        f'autocomplete="off" class="form-control form-control-sm{extra_class}" '
        f'data-field="{field}" aria-label="{label}" placeholder="{placeholder}">'
    )


def _readonly_cell(prefix, values, evidence_link, failed, status):
    comment = values["comment"]
    return (
        f'<td id="cell-{prefix}" class="score-cell{failed}">'
        f'<span class="nowrap">{escape(values["self"] or "–")} / '
        f"<strong>{escape(values['agreed'] or '–')}</strong></span>"
        + (f'<div class="small text-secondary">{escape(comment)}</div>' if comment else "")
        + f'{evidence_link}<div class="cell-status" aria-live="polite">{status}</div></td>\n'
    )


def _editable_cell(prefix, save_url, values, names, texts, *, errors, toggle, evidence_link):
    failed, invalid = (" is-invalid cell-failed", " is-invalid") if errors else ("", "")
    label = {field: texts[f"label_{field}"] % names for field in ("self", "agreed", "comment")}
    return (
        f'<td id="cell-{prefix}" class="score-cell{failed}" data-prefix="{prefix}" '
        f'data-save-url="{save_url}" data-evidence-url="{save_url}evidence/">'
        '<div class="cell-inputs">'
        + _input(prefix, "self", values["self"], label["self"], texts["self"], invalid)
        + _input(prefix, "agreed", values["agreed"], label["agreed"], texts["agreed"], invalid)
        + f'<details class="cell-more"><summary class="cell-more-toggle{toggle}">'
        '<span aria-hidden="true">…</span>'
        f'<span class="visually-hidden">{texts["label_more"] % names}</span></summary>'
        '<div class="cell-drawer">'
        + _input(
            prefix, "comment", values["comment"], label["comment"], texts["comment"], decimal=False
        )
        + f'{evidence_link}<button type="button" class="btn btn-link btn-sm p-0 cell-upload">'
        f"{texts['upload']}</button></div></details></div>"
    )


def _cell(base_url, unit, criterion, score, count, typed, errors, editable, texts):
    """One cell: what was typed (a refused save shows it again) or what is stored."""
    prefix = cell_prefix(unit.pk, criterion.pk)
    if typed is not None:
        values = typed.raw
        version = "" if typed.version is None else typed.version
    else:
        number = texts["number"]
        values = {
            "self": number(score.self_score) if score else "",
            "agreed": number(score.agreed_score) if score else "",
            "comment": score.comment if score else "",
        }
        version = score.version if score else 0  # 0 for an empty cell: a save names it
    # clusters:score_cell and clusters:score_evidence, under the grid's URL: one reverse()
    # per grid instead of 800.
    save_url = f"{base_url}{unit.pk}/{criterion.pk}/"
    evidence_link = _evidence(f"{save_url}evidence/", count, criterion.evidence_required, texts)
    status = _status(prefix, version, errors, editable=editable)
    if not editable:
        failed = " is-invalid cell-failed" if errors else ""
        return _readonly_cell(prefix, values, evidence_link, failed, status)
    toggle = " has-content" if values["comment"] or count else ""
    if criterion.evidence_required and not count:
        toggle += " needs-evidence"
    names = {"unit": unit.name, "code": criterion.code}
    head = _editable_cell(
        prefix,
        save_url,
        values,
        names,
        texts,
        errors=errors,
        toggle=toggle,
        evidence_link=evidence_link,
    )
    return f'{head}<div class="cell-status" aria-live="polite">{status}</div></td>\n'


def grid_rows(cluster_year, layout, scores, evidence, *, editable, typed=None, errors=None):
    """The grid's rows: each group with its criteria, each criterion with its cells' HTML."""
    typed, errors = typed or {}, errors or {}
    base_url = reverse("clusters:scores", args=[cluster_year.cluster_id, cluster_year.year])
    texts = grid_texts()
    units = [_Unit(unit.pk, escape(unit.name)) for unit in layout.units]
    rows = []
    for group in layout.groups:
        criteria = []
        for criterion in group.criteria.all():
            column = _Criterion(criterion.pk, escape(criterion.code), criterion.evidence_required)
            cells = []
            for unit in units:
                key = (unit.pk, column.pk)
                score = scores.get(key)
                count = evidence.get(score.pk, 0) if score else 0
                cells.append(
                    _cell(
                        base_url,
                        unit,
                        column,
                        score,
                        count,
                        typed.get(key),
                        errors.get(key, ()),
                        editable,
                        texts,
                    )
                )
            criteria.append({"criterion": criterion, "cells": mark_safe("".join(cells))})
        rows.append({"group": group, "criteria": criteria})
    return rows
