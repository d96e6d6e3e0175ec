"""Vietnamese alphabetical order: a ă â b c d đ e ê … with tones as a secondary key.

PostgreSQL sorts with ICU (``vi-x-icu``); SQLite gets the same order through a collation
named ``vi`` registered on every connection (see ``emulation.apps``)."""

import unicodedata

_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve, circumflex, horn
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vi_key(text):
    primary, tones, case = [], [], []
    for char in text:
        lower = char.lower()
        case.append(0 if char == lower else 1)
        if lower == "đ":
            primary.append((ord("d"), 1))
            tones.append(0)
            continue
        base, *marks = unicodedata.normalize("NFD", lower)
        letter_mark = next((_LETTER_MARKS[m] for m in marks if m in _LETTER_MARKS), 0)
        tone = next((_TONES[m] for m in marks if m in _TONES), 0)
        primary.append((ord(base), letter_mark))
        tones.append(tone)
    return (primary, tones, case)


def vi_compare(left, right):
    a, b = vi_key(left), vi_key(right)
    return (a > b) - (a < b)
