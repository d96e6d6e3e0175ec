"""make bench: the national data set on PostgreSQL, Redis, gunicorn (2 workers) and a Celery
worker, loaded with wrk; writes bench/results.md and bench/results.json.

Environment (defaults in brackets): BENCH_SCALE [1], BENCH_SECONDS per run [10],
BENCH_CONNECTIONS [1,20], BENCH_DATABASE_URL [postgres://postgres@127.0.0.1:5432/thidua_bench],
BENCH_DEMO_DATABASE_URL [… /thidua_bench_demo], BENCH_REDIS_URL [redis://127.0.0.1:6379/0]
(the broker), BENCH_CACHE_URL [redis://127.0.0.1:6379/1] (the cache, as in production),
BENCH_DEMO_CACHE_URL [redis://127.0.0.1:6379/2] (the demo data set's), BENCH_PORT [8765].
Each probe empties its cache database first. The national data set is kept between runs and
reused when it already has the asked scale."""

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.databases import create_database, database_facts, ensure_services, log, name_of
from bench.load import ensure_wrk, run_wrk
from bench.report import write_results

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PG = "postgres://postgres@127.0.0.1:5432"
SCALE = os.environ.get("BENCH_SCALE", "1")
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", f"{PG}/thidua_bench")
DEMO_DATABASE_URL = os.environ.get("BENCH_DEMO_DATABASE_URL", f"{PG}/thidua_bench_demo")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/1")
DEMO_CACHE_URL = os.environ.get("BENCH_DEMO_CACHE_URL", "redis://127.0.0.1:6379/2")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = [int(c) for c in os.environ.get("BENCH_CONNECTIONS", "1,20").split(",")]
PORT = int(os.environ.get("BENCH_PORT", "8765"))
# As production runs it (config/gunicorn.conf.py, deploy/env.example): 2 × cores + 1 sync
# workers, so a core serves another request while one waits on PostgreSQL. Runs before
# 2026-11-29 21:00 used 2.
WORKERS = int(os.environ.get("BENCH_WORKERS", 2 * os.cpu_count() + 1))
BASE = f"http://127.0.0.1:{PORT}"
SECRET = "bench-only-secret-never-used-in-production-" + "0123456789abcdef" * 2
HEALTH_TOKEN = "bench-only-health-token"  # /health/?worker=1 answers monitoring only


def dev_env(url, cache_url=""):
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "true",
        "CELERY_BROKER_URL": "",
        "CACHE_URL": cache_url,
    }


def prod_env():
    """Production settings, loopback only: no TLS redirect, a bench-only secret."""
    return {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": SECRET,
        "HEALTH_WORKER_TOKEN": HEALTH_TOKEN,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": DATABASE_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "CACHE_URL": CACHE_URL,
        "DJANGO_SETTINGS_MODULE": "config.bench_settings",
        "WEB_CONCURRENCY": str(WORKERS),
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
        "LOG_LEVEL": "WARNING",
    }


def manage(*args, env, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
    )


def load_national():
    """Reuse the national data set when it holds this scale; else build it afresh."""
    create_database(DATABASE_URL)
    env = dev_env(DATABASE_URL)
    manage("migrate", "--no-input", "-v0", env=env)
    started = time.monotonic()
    result = manage("seed_scale", "--scale", SCALE, "--reuse", env=env, check=False)
    if result.returncode != 0:
        log(f"{name_of(DATABASE_URL)} holds other data: rebuilding it at scale {SCALE}")
        create_database(DATABASE_URL, drop=True)
        manage("migrate", "--no-input", "-v0", env=env)
        started = time.monotonic()
        result = manage("seed_scale", "--scale", SCALE, env=env)
    seeded = "already holds" not in result.stdout
    log(result.stdout.strip().splitlines()[-1])
    return {
        "seeded_now": seeded,
        "seed_seconds": round(time.monotonic() - started, 1) if seeded else None,
        "seed_log": result.stdout.strip(),
    }


def load_demo():
    create_database(DEMO_DATABASE_URL)
    env = dev_env(DEMO_DATABASE_URL)
    manage("migrate", "--no-input", "-v0", env=env)
    manage("seed_demo", env=env)


def probe(dataset, env, *, sessions=False):
    command = [sys.executable, "-m", "bench.probe", dataset]
    if sessions:
        command.append("--sessions")
    output = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return json.loads(output.stdout)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(path, cookie=None, headers=None):
    headers = {**(headers or {}), **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(BASE + path, headers=headers)
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_until(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"{what} did not come up within {seconds} s")


def start_servers(env):
    """gunicorn and a Celery worker, their output in bench/out/."""
    OUT.mkdir(exist_ok=True)
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=(OUT / "gunicorn.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=(OUT / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    return [web, worker]


def stop(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def timed_work(env, rows, worker_pid):
    """The grid save (in-process and over HTTP) and the reports built by the worker, each
    next to WeasyPrint alone rendering the same HTML in a fresh process."""

    def tasks(*args):
        command = [sys.executable, "-m", "bench.tasks", *map(str, args)]
        output = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        return json.loads(output.stdout)

    cookies = {row["role"]: row["cookie"] for row in rows}
    grid = tasks("grid", "--base", BASE, "--cookie", cookies["secretary"])
    log(
        f"grid save: {grid['in_process']['median_ms']} ms in-process, "
        f"{grid['http']['median_ms']} ms over HTTP"
    )
    reports = tasks(
        "reports", "--base", BASE, "--cookie", cookies["staff"], "--worker-pid", worker_pid
    )
    for kind, report in reports.items():
        alone_runs = [tasks("weasyprint", report["report_id"]) for _ in range(report["builds"])]
        report["weasyprint_alone"] = {
            "runs": len(alone_runs),
            "render_ms": statistics.median(run["render_ms"] for run in alone_runs),
            "render_runs_ms": [run["render_ms"] for run in alone_runs],
            "peak_rss_mb": max(run["peak_rss_mb"] for run in alone_runs),
        }
        alone = report["weasyprint_alone"]["render_ms"]
        report["ratio_to_weasyprint"] = round(report["worker_build_ms"] / alone, 2)
        log(f"{kind} report: {report['end_to_end_ms']} ms end to end, WeasyPrint alone {alone} ms")
    return {"grid_save": grid, "reports": reports}


def measure(rows, loads):
    """Each page under load; ``loads`` gathers the 1-minute load average after each run."""
    bare = {c: run_wrk(BASE + "/bench/bare/", connections=c, seconds=SECONDS) for c in CONNECTIONS}
    loads.append(os.getloadavg()[0])
    log(f"bare view: {bare[max(CONNECTIONS)]['rps']} req/s at {max(CONNECTIONS)} connections")
    for row in rows:
        for _ in range(5):  # warm each worker's caches (templates, translations)
            status, _body = get(row["url"], row["cookie"])
            if status != 200:
                sys.exit(f"{row['role']} {row['page']} {row['url']}: HTTP {status}")
        row["load"] = {
            c: run_wrk(BASE + row["url"], connections=c, seconds=SECONDS, cookie=row["cookie"])
            for c in CONNECTIONS
        }
        loads.append(os.getloadavg()[0])
        log(f"{row['role']:<9} {row['page']:<14} {row['load'][max(CONNECTIONS)]['rps']} req/s")
    return bare


def main():
    started = time.monotonic()
    load_before = os.getloadavg()
    ensure_services()
    ensure_wrk()
    log(f"national data set, scale {SCALE}, in {name_of(DATABASE_URL)}")
    national = load_national()
    log(f"demo data set in {name_of(DEMO_DATABASE_URL)}")
    load_demo()
    env = prod_env()
    log("collectstatic (production storage: hashed, compressed)")
    manage("collectstatic", "--no-input", "-v0", env=env)
    log("counting queries on the demo and national data sets")
    demo_rows = probe("demo", dev_env(DEMO_DATABASE_URL, DEMO_CACHE_URL))
    rows = probe("national", env, sessions=True)
    for row, demo in zip(rows, demo_rows, strict=True):
        row["queries_demo"] = demo["queries"]
        row["queries_demo_cold"] = demo["queries_cold"]
    processes = start_servers(env)
    try:
        wait_until(lambda: get("/health/")[0] == 200, "gunicorn")
        wait_until(
            lambda: get("/health/?worker=1", headers={"X-Health-Token": HEALTH_TOKEN})[0] == 200,
            "the Celery worker",
        )
        log("gunicorn and the Celery worker are up")
        loads = []
        bare = measure(rows, loads)
        work = timed_work(env, rows, processes[1].pid)
    finally:
        stop(processes)
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "scale": float(SCALE),
        "cores": os.cpu_count(),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "load_average_during_max": max(loads),
        "load_average_during_mean": round(sum(loads) / len(loads), 2),
        "gunicorn_workers": WORKERS,
        "seconds_per_run": SECONDS,
        "connections": CONNECTIONS,
        "total_seconds": round(time.monotonic() - started),
        **national,
        **database_facts(DATABASE_URL),
    }
    for row in rows:
        row.pop("cookie")
    write_results(meta, bare, rows, work)
    log("wrote bench/results.md and bench/results.json")


if __name__ == "__main__":
    main()
