"""Excel export of the score grid and import of a filled-in export. One row per cell; the
whole file is checked first and errors are listed by row and column; nothing is stored
unless every row is valid (the save is the same all-or-nothing ``scores_save``)."""

from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clusters.evaluation.scores import (
    COMMENT_MAX,
    CellInput,
    ScoreGridError,
    grid_layout,
    grid_scores,
    parse_score,
    scores_save,
)
from emulation.bounds import check_text
from emulation.errors import DomainError

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
    from openpyxl import Workbook

    layout = grid_layout(cluster_year=cluster_year)
    scores = grid_scores(cluster_year=cluster_year)
    book = Workbook()
    sheet = book.active
    sheet.title = "Bảng điểm"
    sheet.append([str(label) for label in HEADERS])
    for unit in layout.units:
        for criterion in layout.criteria.values():
            score = scores.get((unit.pk, criterion.pk))
            sheet.append(
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
    for column, width in zip("ABCDEFGHI", (10, 36, 10, 8, 60, 10, 12, 12, 40), strict=True):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _number(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def grid_import(*, actor, cluster_year, file):
    from openpyxl import load_workbook

    layout = grid_layout(cluster_year=cluster_year)
    try:
        sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many types on a file that is not xlsx
        raise GridImportError([_("Không đọc được tệp Excel (.xlsx).")]) from exc
    errors, cells, rows_of = [], {}, {}
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        values = [*list(row)[:9], *([None] * 9)][:9]
        if all(v in (None, "") for v in values):
            continue
        unit_id, criterion_id = values[0], values[2]
        if not isinstance(unit_id, int | float) or int(unit_id) not in layout.unit_ids:
            errors.append(
                _("Dòng %(row)s, cột A (Mã đơn vị): không phải đơn vị thành viên của cụm năm nay.")
                % {"row": number}
            )
            continue
        if not isinstance(criterion_id, int | float) or int(criterion_id) not in layout.criteria:
            errors.append(
                _("Dòng %(row)s, cột C (Mã tiêu chí): không có trong bảng tiêu chí năm nay.")
                % {"row": number}
            )
            continue
        key = (int(unit_id), int(criterion_id))
        if key in cells:
            errors.append(
                _("Dòng %(row)s: trùng ô với dòng %(other)s.")
                % {"row": number, "other": rows_of[key]}
            )
            continue
        criterion = layout.criteria[key[1]]
        cell = CellInput(comment=str(values[8] or "").strip())
        try:
            check_text(cell.comment, max_length=COMMENT_MAX)
        except DomainError as error:
            errors.append(
                _("Dòng %(row)s, cột I (Nhận xét): %(msg)s") % {"row": number, "msg": error.message}
            )
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
