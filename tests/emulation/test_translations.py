"""The English catalogue is complete: every translatable string of the code has an English
translation, and nothing in the catalogue is fuzzy or stale."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(po_text):
    """(msgid, msgstr, flags) of each entry, multi-line strings joined; plurals joined."""
    entries, current, key, flags = [], {}, None, ""
    for line in [*po_text.splitlines(), ""]:
        if not line.strip():
            if current.get("msgid"):
                entries.append((current["msgid"], current.get("msgstr", ""), flags))
            current, key, flags = {}, None, ""
        elif line.startswith("#,"):
            flags = line
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key:
            current[key] += line[1:-1]
        else:
            word, _, rest = line.partition(" ")
            key = "msgstr" if word.startswith("msgstr") else word
            current[key] = current.get(key, "") + rest[1:-1]
    return entries


def test_every_string_has_an_english_translation():
    untranslated = [msgid for msgid, msgstr, _ in _entries(CATALOGUE.read_text()) if not msgstr]
    assert untranslated == []


def test_no_translation_is_fuzzy():
    fuzzy = [msgid for msgid, _, flags in _entries(CATALOGUE.read_text()) if "fuzzy" in flags]
    assert fuzzy == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs gettext (xgettext)")
def test_catalogue_holds_exactly_the_strings_of_the_code(tmp_path):
    project = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    shutil.copytree(
        project,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "var", "staticfiles", "*.sqlite3", "tests"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "-v", "0"],
        cwd=copy,
        check=True,
    )
    fresh = {msgid for msgid, _, _ in _entries((copy / CATALOGUE.relative_to(project)).read_text())}
    committed = {msgid for msgid, _, _ in _entries(CATALOGUE.read_text())}
    assert fresh - committed == set(), "run `make messages` and translate the new strings"
    assert committed - fresh == set(), "run `make messages` to drop strings no longer used"
