"""Production mode (``DJANGO_DEBUG=false``) refuses to start half-configured, passes every
``check --deploy`` protection, and never loads the demo's known passwords."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": get_random_secret_key() + get_random_secret_key(),
    "DJANGO_ALLOWED_HOSTS": "thidua.example.gov.vn",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://thidua.example.gov.vn",
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY (50+ characters) is required in production"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS is required in production"),
    ],
)
def test_production_refuses_to_start_without(missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", **{**PRODUCTION, "DJANGO_SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY (50+ characters) is required in production" in result.stderr


def test_a_misspelt_switch_fails_loudly():
    result = manage("check", **{**PRODUCTION, "DJANGO_DEBUG": "nope"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false, not 'nope'" in result.stderr


def test_deploy_check_finds_nothing_to_warn_about_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "System check identified no issues (0 silenced).\n"


def test_seed_demo_refuses_to_run_in_production():
    result = manage("seed_demo", **PRODUCTION)
    assert result.returncode == 1
    assert "seed_demo sets known passwords: it refuses to run in production." in result.stderr
    assert "Demo data ready" not in result.stdout
