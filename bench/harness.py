"""What the benchmarks of the papers share (``bench.papers``, ``bench.signing``): a fresh
Django process signing with a demo certificate made in a temporary folder, and the results
written as JSON and Markdown beside this file."""

import json
import os
import tempfile
import time
from pathlib import Path

import django

from documents.demo_certificate import write_demo_certificate

BENCH = Path(__file__).resolve().parent


def ms(seconds):
    return round(seconds * 1000, 1)


def run_signed(measure, environ=None):
    """``measure()``'s result, dated and with the load average, run in this process with Django
    set up to sign with a demo certificate; ``environ`` is set too (``{folder}`` in a value is
    the temporary folder, None unsets the variable)."""
    with tempfile.TemporaryDirectory() as folder:
        files = write_demo_certificate(folder)
        os.environ["THIDUA_SIGNING_P12"] = str(files.p12)
        os.environ["THIDUA_SIGNING_PASSPHRASE"] = files.passphrase.read_text().strip()
        os.environ["THIDUA_SIGNING_TRUST_ROOTS"] = str(files.root)
        for name, value in (environ or {}).items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value.format(folder=folder)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        django.setup()
        result = measure()
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    result["load_average"] = [round(x, 1) for x in os.getloadavg()]
    return result


def write_results(name, result, lines):
    """``results_<name>.json`` and ``results_<name>.md`` (``lines``), and the JSON printed."""
    (BENCH / f"results_{name}.json").write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    )
    (BENCH / f"results_{name}.md").write_text("\n".join(lines) + "\n")
    print(json.dumps(result, ensure_ascii=False))
