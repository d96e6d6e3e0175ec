"""How dates are typed and read back, in either language: day first, as in Vietnamese (an
English reader of Vietnamese records types them so too). Django reads a format module per
language (``FORMAT_MODULE_PATH``) and falls back to its own, US, formats for a name a module
lacks, so both modules set these, from here."""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
