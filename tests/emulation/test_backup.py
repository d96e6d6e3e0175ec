"""The backup procedure, round trip: scripts/backup.sh dumps the test database,
scripts/restore.sh loads the dump into a scratch database, and the rows are there."""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from emulation.models import AuditEntry, Ministry
from tests.factories import MinistryFactory, UnitFactory

ROOT = Path(__file__).resolve().parents[2]


def _url(name):
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def scratch_database():
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump round trip needs PostgreSQL: set DATABASE_URL")
    missing = [tool for tool in ("pg_dump", "pg_restore") if not shutil.which(tool)]
    if missing:
        message = f"needs {', '.join(missing)} (apt-get install postgresql-client)"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("REQUIRE_SERVICES=1 but this test " + message)
        pytest.skip(message)
    name = f"{settings.DATABASES['default']['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(script, *args, database):
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / script), *args],
        env={**os.environ, "DATABASE_URL": _url(database)},
        check=True,
        capture_output=True,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_a_fresh_database_with_every_row(scratch_database, tmp_path):
    ministry = MinistryFactory(name="Bộ Sao lưu")
    UnitFactory(ministry=ministry, name="Trường Đại học Luật Hà Nội")
    UnitFactory(ministry=ministry, name="Học viện Tư pháp")
    AuditEntry.objects.create(action="backup_test", object_type="x", object_id="1")
    dump = tmp_path / "thidua.dump"

    backup = _run("backup.sh", str(dump), database=settings.DATABASES["default"]["NAME"])
    _run("restore.sh", str(dump), database=scratch_database)

    assert backup.stdout.strip() == str(dump)
    with psycopg.connect(_url(scratch_database)) as restored:
        ministries = restored.execute(
            f"SELECT name FROM {Ministry._meta.db_table} ORDER BY name"
        ).fetchall()
        units = restored.execute(
            'SELECT name FROM units_unit ORDER BY name COLLATE "vi-x-icu"'
        ).fetchall()
        actions = restored.execute("SELECT action FROM emulation_auditentry").fetchall()
    assert ministries == [("Bộ Sao lưu",)]
    assert units == [("Học viện Tư pháp",), ("Trường Đại học Luật Hà Nội",)]
    assert actions == [("backup_test",)]
