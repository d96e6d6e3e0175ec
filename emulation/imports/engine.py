"""The machinery shared by every list a ministry loads from a spreadsheet.

A *sheet spec* (``SheetSpec``) describes one list: its columns (Vietnamese headers, types,
choices), the columns that make its stable key, and three functions of its own app: ``check``
(look the chunk's keys and references up in the database, refuse what does not belong to the
ministry), ``write`` (create and update a chunk) and ``export_rows``. Specs live in the app that
owns the records (``units/sheets/``, ``clusters/sheets.py``, ``accounts/invitations.py``)
and register themselves here in their ``AppConfig.ready``, so this module imports no later app.

``sheet_run`` streams the file (``emulation.spreadsheets.open_sheet``, the one bounded reader,
within the worker's limits) in chunks of ``CHUNK`` rows: every cell is parsed, every row
classified as new, changed (with old → new values), unchanged or refused (row, column, reason).
The preview runs it without writing; the commit runs it again inside one transaction, writing
chunk by chunk, and rolls everything back if any row is refused. Memory holds one chunk, the
keys seen so far (for duplicates) and the capped lists shown on the page."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from emulation.bounds import year_bounds, year_in_range
from emulation.spreadsheets import BadCell

CHUNK = 1000
MAX_PROBLEMS = 1000  # refused cells listed on the page; the counts are always complete
MAX_CHANGES = 500  # new and changed rows listed on the page

TRUE_WORDS = {"x", "có", "co", "1", "true", "đúng", "yes"}
FALSE_WORDS = {"", "không", "khong", "0", "false", "sai", "no"}

REGISTRY = {}
_LABELS = {}  # (column id, language) → {stored value: label}: one gettext per label per run


def _labels(column):
    key = (id(column), translation.get_language())
    labels = _LABELS.get(key)
    if labels is None:
        labels = _LABELS[key] = {stored: str(label) for stored, label in column.choices}
    return labels


def register(spec):
    REGISTRY[spec.slug] = spec
    return spec


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Column:
    key: str
    header: object  # a lazy Vietnamese string: the column's heading in the template
    kind: str = "text"  # text | int | bool | date | choice | year
    required: bool = False
    max_length: int = 200
    choices: tuple = ()  # (stored value, label shown in the sheet)
    width: int = 18
    note: object = ""  # shown as the cell's input message in the template
    info: bool = False  # exported for the reader's sake (a name beside a code), never read

    def label_of(self, value):
        return _labels(self).get(value, value)

    def parse(self, raw):
        """The cell's value as stored, or ValueError with the reason in Vietnamese."""
        if isinstance(raw, BadCell):  # a cell the reader could not read, and why
            raise ValueError(raw.reason)
        if isinstance(raw, str):
            raw = raw.strip()
        blank = raw is None or raw == ""
        if blank and self.required:
            raise ValueError(_("bắt buộc, đang để trống"))
        parser = getattr(self, f"_parse_{self.kind}")
        return parser(raw, blank)

    def _parse_text(self, raw, blank):
        if blank:
            return ""
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        text = " ".join(str(raw).split())
        if text.startswith("'") and text[1:2] in ("=", "+", "@"):  # see workbook._csv_text
            text = text[1:]
        if len(text) > self.max_length:
            raise ValueError(_("dài quá %(n)s ký tự") % {"n": self.max_length})
        return text

    def _parse_int(self, raw, blank):
        if blank:
            return None
        try:
            number = float(str(raw).replace(",", "."))
        except ValueError:
            raise ValueError(_("“%(v)s” không phải số nguyên") % {"v": raw}) from None
        if not number.is_integer() or number < 0 or number > 10_000_000:
            raise ValueError(_("“%(v)s” không phải số nguyên không âm") % {"v": raw})
        return int(number)

    def _parse_year(self, raw, blank):
        number = self._parse_int(raw, blank)
        if number is not None and not year_in_range(number):
            first, last = year_bounds()
            raise ValueError(
                _("năm %(v)s nằm ngoài khoảng %(first)s–%(last)s")
                % {"v": number, "first": first, "last": last}
            )
        return number

    def _parse_bool(self, raw, blank):
        word = "" if blank else str(raw).strip().lower()
        if isinstance(raw, bool):
            return raw
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(_("“%(v)s”: ghi “x” (có) hoặc để trống (không)") % {"v": raw})

    def _parse_date(self, raw, blank):
        if blank:
            return None
        if isinstance(raw, datetime.datetime):
            return raw.date()
        if isinstance(raw, datetime.date):
            return raw
        for pattern in formats.get_format("DATE_INPUT_FORMATS"):
            try:
                return datetime.datetime.strptime(str(raw), pattern).date()
            except ValueError:
                continue
        raise ValueError(_("“%(v)s” không phải ngày (ngày/tháng/năm)") % {"v": raw})

    def _parse_choice(self, raw, blank):
        if blank:
            return ""
        wanted = " ".join(str(raw).split()).lower()
        for stored, label in _labels(self).items():
            if wanted in (label.lower(), str(stored).lower()):
                return stored
        allowed = "; ".join(label for label in _labels(self).values() if label)
        raise ValueError(
            _("“%(v)s” không có trong danh sách: %(allowed)s") % {"v": raw, "allowed": allowed}
        )

    def render(self, value):
        """A stored value as the sheet shows it (export, template, old → new)."""
        if value is None:
            return ""
        if self.kind == "bool":
            return "x" if value else ""
        if self.kind == "choice":
            return self.label_of(value)
        if self.kind == "date":
            return value.strftime(formats.get_format("DATE_INPUT_FORMATS")[0])  # read back as is
        return value


@dataclass
class Row:
    number: int
    values: dict
    key: tuple = ()
    errors: list = field(default_factory=list)  # (column key, message)
    obj: object = None  # the stored record, set by the spec's check
    old: dict | None = None  # its values as the sheet would show them

    def refuse(self, column_key, message):
        self.errors.append((column_key, str(message)))


class SheetSpec:
    """One importable list. Subclasses set the attributes and the three functions."""

    slug = ""
    title = ""
    description = ""
    sheet_title = ""
    columns = ()
    key = ()  # column keys making the stable key
    audit_action = "sheet_import"

    def column(self, key):
        return next(c for c in self.columns if c.key == key)

    def rendered(self, values):
        """Stored values → as the sheet shows them (what ``Row.old`` holds)."""
        return {c.key: c.render(values.get(c.key)) for c in self.columns if not c.info}

    def check(self, *, ministry, rows, state):
        """Fill ``row.obj``/``row.old`` for rows that exist; refuse what is not allowed."""
        raise NotImplementedError

    def write(self, *, ministry, actor, created, changed, state):
        raise NotImplementedError

    def finish(self, *, ministry, actor, state, commit):
        """After the last chunk: checks that need the whole file. Returns [(row, column, msg)]."""
        return []

    def export_rows(self, *, ministry):
        raise NotImplementedError


@dataclass
class RunResult:
    counts: dict
    problems: list
    changes: list
    total: int

    @property
    def refused(self):
        return self.counts["refused"]


def _headers_map(spec, headers):
    """Column key → index in the file. Optional columns may be left out: they keep their
    stored values. Unknown headers are ignored."""
    normalised = [" ".join(str(h).split()).lower().rstrip(" *") for h in headers]
    found, missing = {}, []
    for column in spec.columns:
        if column.info:
            continue
        label = " ".join(str(column.header).split()).lower()
        if label in normalised:
            found[column.key] = normalised.index(label)
        elif column.required:
            missing.append(str(column.header))
    return found, missing


def _key_hash(key):
    return hashlib.blake2b(repr(key).encode(), digest_size=8).digest()


def sheet_run(*, spec, ministry, sheet, actor=None, commit=False, progress=None):
    """Read the whole sheet in chunks; write only when ``commit`` and nothing is refused so
    far (the caller's transaction is rolled back if anything is refused later)."""
    found, missing = _headers_map(spec, sheet.headers)
    letters = {key: column_letter(index) for key, index in found.items()}
    counts = {"new": 0, "changed": 0, "unchanged": 0, "refused": 0}
    problems, changes = [], []
    if missing:
        problems.append(
            {
                "row": 1,
                "column": "",
                "header": "",
                "message": _("Thiếu cột: %(cols)s. Hãy dùng tệp mẫu.")
                % {"cols": ", ".join(missing)},
            }
        )
        counts["refused"] = 1
        return RunResult(counts, problems, changes, sheet.total)
    seen = {}
    state = {}
    columns = {c.key: c for c in spec.columns}
    headers = {c.key: str(c.header) for c in spec.columns}
    processed = 0

    def problem(row, column_key, message):
        if len(problems) < MAX_PROBLEMS:
            column = spec.column(column_key) if column_key else None
            problems.append(
                {
                    "row": row.number,
                    "column": letters.get(column_key, ""),
                    "header": str(column.header) if column else "",
                    "message": message,
                }
            )

    def flush(chunk):
        nonlocal processed
        parsed = [row for row in chunk if not row.errors]
        if parsed:
            spec.check(ministry=ministry, rows=parsed, state=state)
        created, changed = [], []
        for row in chunk:
            if row.errors:
                counts["refused"] += 1
                for column_key, message in row.errors:
                    problem(row, column_key, message)
                continue
            listed = len(changes) < MAX_CHANGES
            if row.obj is None:
                counts["new"] += 1
                created.append(row)
                diffs = [
                    (headers[k], "", columns[k].render(v)) for k, v in row.values.items() if listed
                ]
            else:
                diffs = [
                    (headers[k], row.old.get(k), columns[k].render(v))
                    for k, v in row.values.items()
                    if columns[k].render(v) != row.old.get(k)
                ]
                if not diffs:
                    counts["unchanged"] += 1
                    continue
                counts["changed"] += 1
                changed.append(row)
            if listed:
                changes.append(
                    {
                        "row": row.number,
                        "kind": "new" if row.obj is None else "changed",
                        "key": " · ".join(str(part) for part in row.key),
                        "diffs": [[h, "" if o is None else str(o), str(n)] for h, o, n in diffs],
                    }
                )
        if commit and not counts["refused"] and (created or changed):
            spec.write(
                ministry=ministry, actor=actor, created=created, changed=changed, state=state
            )
        processed += len(chunk)
        if progress:
            progress(processed)

    chunk = []
    for number, raw in sheet.rows:
        values, errors = {}, []
        for key, index in found.items():
            column = columns[key]
            try:
                values[key] = column.parse(raw[index] if index < len(raw) else None)
            except ValueError as error:
                errors.append((key, str(error)))
        row = Row(number=number, values=values, errors=errors)
        if not errors:
            row.key = tuple(values.get(k) for k in spec.key)
            digest = _key_hash(row.key)
            if digest in seen:
                row.refuse(
                    spec.key[0],
                    _("trùng với dòng %(row)s (cùng %(what)s)")
                    % {
                        "row": seen[digest],
                        "what": ", ".join(str(spec.column(k).header) for k in spec.key),
                    },
                )
            else:
                seen[digest] = number
        chunk.append(row)
        if len(chunk) >= CHUNK:
            flush(chunk)
            chunk = []
    flush(chunk)
    for row, column_key, message in spec.finish(
        ministry=ministry, actor=actor, state=state, commit=commit and not counts["refused"]
    ):
        counts["refused"] += 1
        counts["new" if row.obj is None else "changed"] -= 1
        problem(row, column_key, message)
    problems.sort(key=lambda p: (p["row"], len(p["column"]), p["column"]))
    return RunResult(counts, problems, changes, processed)


TEMPLATE_NOTE = gettext_lazy(
    "Mỗi dòng một bản ghi; khớp theo cột mã. Nhập lại cùng tệp không thay đổi gì."
)
