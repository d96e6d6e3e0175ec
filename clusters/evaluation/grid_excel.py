"""Excel export of the score grid and import of a filled-in export. One row per cell; the
whole file is checked first and errors are listed by row and column; nothing is stored
unless every row is valid (the save is the same all-or-nothing ``scores_save``)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusters.evaluation.scores import (
    CellInput,
    ScoreGridError,
    grid_layout,
    grid_scores,
    parse_score,
    scores_save,
)
from emulation.errors import DomainError
from emulation.spreadsheets import SpreadsheetError, read_sheet, xlsx_bytes

HEADERS = (
    gettext_lazy("Mã đơn vị"),
    gettext_lazy("Đơn vị"),
    gettext_lazy("Mã tiêu chí"),
    gettext_lazy("Số TT"),
    gettext_lazy("Tiêu chí"),
    gettext_lazy("Điểm tối đa"),
    gettext_lazy("Điểm tự chấm"),
    gettext_lazy("Điểm cụm chấm"),
    gettext_lazy("Nhận xét"),
)


class GridImportError(DomainError):
    def __init__(self, errors):
        super().__init__(_("Tệp có %(n)s lỗi; chưa lưu gì.") % {"n": len(errors)}, field="file")
        self.errors = errors


def grid_export(*, cluster_year):
    layout = grid_layout(cluster_year=cluster_year)
    scores = grid_scores(cluster_year=cluster_year)
    rows = []
    for unit in layout.units:
        for criterion in layout.criteria.values():
            score = scores.get((unit.pk, criterion.pk))
            rows.append(
                [
                    unit.pk,
                    unit.name,
                    criterion.pk,
                    f"{criterion.group.code}.{criterion.code}",
                    criterion.text,
                    float(criterion.max_points),
                    float(score.self_score) if score and score.self_score is not None else None,
                    float(score.agreed_score) if score and score.agreed_score is not None else None,
                    score.comment if score else "",
                ]
            )
    widths = (10, 36, 10, 8, 60, 10, 12, 12, 40)
    return xlsx_bytes([("Bảng điểm", HEADERS, rows, widths)])


def _whole(value):
    """A code read from a cell: a whole number, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else None


def _number(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def grid_import(*, actor, cluster_year, file):
    layout = grid_layout(cluster_year=cluster_year)
    try:
        rows = read_sheet(file, columns=9)
    except SpreadsheetError as error:
        raise GridImportError(error.errors) from None
    errors, cells, rows_of = [], {}, {}
    for number, values in rows:
        if number == 1:
            continue
        unit_id, criterion_id = _whole(values[0]), _whole(values[2])
        if unit_id not in layout.unit_ids:
            errors.append(
                _("Dòng %(row)s, cột A (Mã đơn vị): không phải đơn vị thành viên của cụm năm nay.")
                % {"row": number}
            )
            continue
        if criterion_id not in layout.criteria:
            errors.append(
                _("Dòng %(row)s, cột C (Mã tiêu chí): không có trong bảng tiêu chí năm nay.")
                % {"row": number}
            )
            continue
        key = (unit_id, criterion_id)
        if key in cells:
            errors.append(
                _("Dòng %(row)s: trùng ô với dòng %(other)s.")
                % {"row": number, "other": rows_of[key]}
            )
            continue
        criterion = layout.criteria[key[1]]
        cell = CellInput(comment=str(values[8] or "").strip()[:2000])
        for column, attr, label in (
            ("G", "self_score", _("Điểm tự chấm")),
            ("H", "agreed_score", _("Điểm cụm chấm")),
        ):
            raw = _number(values[6 if column == "G" else 7])
            try:
                setattr(cell, attr, parse_score(raw, criterion.max_points))
            except ValueError as error:
                errors.append(
                    _("Dòng %(row)s, cột %(col)s (%(label)s): %(msg)s")
                    % {"row": number, "col": column, "label": label, "msg": error}
                )
        cells[key], rows_of[key] = cell, number
    if errors:
        raise GridImportError(errors)
    try:
        return scores_save(actor=actor, cluster_year=cluster_year, cells=cells, layout=layout)
    except ScoreGridError as error:
        raise GridImportError(
            [
                _("Dòng %(row)s (cột G–H): %(msg)s") % {"row": rows_of[key], "msg": message}
                for key, messages in sorted(error.cell_errors.items(), key=lambda i: rows_of[i[0]])
                for message in messages
            ]
        ) from error
