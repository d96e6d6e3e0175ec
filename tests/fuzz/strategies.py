"""What the fuzzer types: values a user could send, and the ones an attacker or a broken
client sends (NUL bytes, numbers past any column, impossible dates, formulas, 100 KB texts)."""

from hypothesis import strategies as st

NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "99999999999999999999999999",
    "1e999",
    "-1e999",
    "NaN",
    "inf",
    "0.000000001",
    "1,5",
    "7.555",
    "0",
    "1",
    "2000",
    "2021",
    "3000",
    "99999",
    "0001-01-01",
    "9999-12-31",
    "2021-02-30",
    "31/12/2021",
    "32/13/2021",
    '=HYPERLINK("http://evil.example","Bấm")',
    "@SUM(A1)",
    "+1",
    "\t\r\n",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "Nguyễn Thị Ánh Đặng",
    "🎉" * 10,
    "x" * 2001,
    "x" * 100_000,
]


def text():
    return st.one_of(
        st.sampled_from(NASTY_TEXT),
        st.text(max_size=60),
        st.integers().map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.dates().map(lambda d: d.isoformat()),
        st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    )


def field_value(field):
    """A value for one parsed form field: usually plausible, often not."""
    plausible = [field.value] if field.value else []
    if field.options:
        plausible += field.options
    choices = [st.sampled_from(plausible)] if plausible else []
    return st.one_of(*choices, text()) if choices else text()


def form_data(form, draw):
    data = {}
    for name, field in form.fields.items():
        if name == "csrfmiddlewaretoken" or field.kind == "file":
            continue
        if draw(st.integers(0, 9)) == 0:
            continue  # a field left out of the POST
        data[name] = draw(field_value(field))
    if draw(st.booleans()) and draw(st.integers(0, 4)) == 0:
        data[draw(st.sampled_from(["extra", "version", "pk", "id"]))] = draw(text())
    return data
