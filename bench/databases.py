"""The bench's services and databases: PostgreSQL and Redis started when they are down (as
.ci/run does), a database created (or dropped and created), its size and server version."""

import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

import psycopg


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def sh(command):
    return subprocess.run(command, shell=True, capture_output=True, text=True).returncode == 0


def ensure_services():
    """PostgreSQL and Redis on localhost, started (as in .ci/run) when they are down."""
    if not sh("pg_isready -q -h 127.0.0.1 -p 5432"):
        log("starting PostgreSQL")
        subprocess.run(
            'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start',
            shell=True,
            check=True,
        )
    if not sh("redis-cli -h 127.0.0.1 -p 6379 ping"):
        log("starting Redis")
        subprocess.run(
            'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
            shell=True,
            check=True,
        )
    for _ in range(30):
        if sh("pg_isready -q -h 127.0.0.1 -p 5432") and sh("redis-cli -h 127.0.0.1 ping"):
            return
        time.sleep(1)
    sys.exit("PostgreSQL or Redis did not come up")


def _admin(url):
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def name_of(url):
    return urlsplit(url).path.lstrip("/")


def create_database(url, *, drop=False):
    with psycopg.connect(_admin(url), autocommit=True) as admin:
        if drop:
            admin.execute(f'DROP DATABASE IF EXISTS "{name_of(url)}" WITH (FORCE)')
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name_of(url)]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name_of(url)}"')


def database_facts(url):
    with psycopg.connect(url) as conn:
        size = conn.execute(
            "SELECT pg_size_pretty(pg_database_size(current_database()))"
        ).fetchone()[0]
        version = conn.execute("SHOW server_version").fetchone()[0]
    return {"database_size": size, "postgresql": version}
