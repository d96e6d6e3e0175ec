"""No test waits forever: a test whose request hangs fails within its time limit, with the
stack of every thread (the blocked request's included), instead of holding the run."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INNER_LIMIT = 5  # seconds


@pytest.mark.timeout(180)
def test_a_hanging_request_fails_within_its_limit_with_every_threads_stack(tmp_path):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"CELERY_BROKER_URL", "REQUIRE_SERVICES", "PYTEST_ADDOPTS"}
    }
    # A database of its own: the outer run's test database is in use.
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'inner.sqlite3'}"
    started = time.monotonic()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/emulation/blocked_request.py",
            f"--timeout={INNER_LIMIT}",
            # Time the test's own call, not the test database's creation before it.
            "-o",
            "timeout_func_only=true",
            "-p",
            "no:xdist",
            "-q",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    elapsed = time.monotonic() - started
    output = run.stdout + run.stderr

    assert run.returncode != 0
    assert " Timeout +" in output
    # The stacks show where each thread waits: the test on its request, the server's
    # request thread in the view that never answers.
    assert "in test_a_request_that_never_answers" in output
    assert "in never_answers\n    never.wait()" in output
    assert elapsed < 120, f"the run took {elapsed:.0f} s"
