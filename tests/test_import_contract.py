"""The floors of the house hold (docs/architecture.md, "The apps, on their floors"): an app
imports only the apps below it.
The contract is in pyproject.toml ([tool.importlinter]); this runs it in every `make test`."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_apps_import_only_downward():
    result = subprocess.run(
        [Path(sys.executable).parent / "lint-imports", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Apps import only downward KEPT" in result.stdout
