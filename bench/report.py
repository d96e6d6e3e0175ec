"""bench/results.json (everything measured) and bench/results.md (the table)."""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
P95_TARGET_MS = 150
SHARE_TARGET = 0.10
SHARE_TARGETS = {"score grid": 0.03}  # the 10 x 40 grid: 400 cells, 1,200 inputs
GRID_SAVE_TARGET_MS = 300
REPORT_TARGETS_MS = {"cluster": 2000, "ministry": 15000}
WORKER_MEMORY_TARGET_MB = 400


def _latency(run):
    return f"{run['p50_ms']:.1f} / {run['p95_ms']:.1f} / {run['p99_ms']:.1f}"


def _verdicts(row, top, bare_rps):
    run = row["load"][top]
    share = run["rps"] / bare_rps
    target = SHARE_TARGETS.get(row["page"], SHARE_TARGET)
    return [
        "SQL equal" if row["queries"] == row["queries_demo"] else "**SQL differs**",
        f"p95 ≤ {P95_TARGET_MS} ms" if run["p95_ms"] <= P95_TARGET_MS else "**p95 over**",
        f"≥ {target:.0%} of bare" if share >= target else f"**share under {target:.0%}**",
    ], share


def _met(ok):
    return "met" if ok else "**over**"


def _work_lines(work):
    grid = work["grid_save"]
    lines = [
        "",
        "## Saving the score grid and building the reports",
        "",
        f"- **Grid save** ({grid['cells']} cells, one POST of the whole 10 x 40 grid of "
        f"`{grid['url']}`, median of {grid['in_process']['runs']}): "
        f"{grid['in_process']['median_ms']} ms through the view in-process (test client), "
        f"{grid['http']['median_ms']} ms over HTTP through gunicorn; target "
        f"≤ {GRID_SAVE_TARGET_MS} ms: {_met(grid['http']['median_ms'] <= GRID_SAVE_TARGET_MS)}.",
        "",
        "| Report | end to end (request → file downloaded) | built in the worker | "
        "WeasyPrint alone, same HTML | ratio | worker peak RSS | WeasyPrint alone peak RSS | "
        "PDF | targets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for kind, report in work["reports"].items():
        alone = report["weasyprint_alone"]
        time_ok = report["end_to_end_ms"] <= REPORT_TARGETS_MS[kind]
        memory_ok = (report["worker_peak_rss_mb"] or 0) <= WORKER_MEMORY_TARGET_MB
        lines.append(
            f"| {kind} | {report['end_to_end_ms']:.0f} ms | {report['worker_build_ms']:.0f} ms | "
            f"{alone['render_ms']:.0f} ms | {report['ratio_to_weasyprint']} | "
            f"{report['worker_peak_rss_mb']} MB | {alone['peak_rss_mb']} MB | "
            f"{report['pdf_bytes'] // 1024} KB | "
            f"≤ {REPORT_TARGETS_MS[kind] // 1000} s: {_met(time_ok)}; "
            f"≤ {WORKER_MEMORY_TARGET_MB} MB: {_met(memory_ok)} |"
        )
    lines += [
        "",
        "Built in the worker: the version's requested → generated time (the queue's pickup "
        "included). The worker's peak RSS is its child process's high-water mark (VmHWM) "
        "after the build; the ministry report is built second, so its figure is the peak of "
        "both.",
    ]
    return lines


def write_results(meta, bare, rows, work):
    (HERE / "results.json").write_text(
        json.dumps(
            {"meta": meta, "bare": bare, "pages": rows, **work}, indent=2, ensure_ascii=False
        )
        + "\n"
    )
    low, top = min(meta["connections"]), max(meta["connections"])
    bare_rps = bare[top]["rps"]
    seeded = (
        f"built in {meta['seed_seconds']} s by this run"
        if meta["seeded_now"]
        else "reused from an earlier run"
    )
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {meta['date']} (total {meta['total_seconds']} s).",
        "",
        f"- **Data**: national data set at scale {meta['scale']} ({seeded}); database "
        f"{meta['database_size']}, PostgreSQL {meta['postgresql']}. SQL counts: the same page "
        "on the demo data (`seed_demo`) and on the national data.",
        f"- **Stack**: gunicorn with {meta['gunicorn_workers']} sync workers, "
        "`DJANGO_DEBUG=false`, Redis and a Celery worker (answered `/health/?worker=1`).",
        f"- **Load**: wrk, {meta['seconds_per_run']} s per run at {low} and {top} connections, "
        "logged-in session cookie per role. Latencies are p50 / p95 / p99 in ms. App CPU: "
        "the Django process's CPU time per request on the national data, measured in-process "
        "(the database's own work not included).",
        f"- **Machine**: {meta['cores']} cores, shared with other work while this ran (1-minute "
        f"load average {meta['load_average_before'][0]:.1f} before, "
        f"{meta['load_average_after'][0]:.1f} after): numbers are noisy.",
        f"- **Floor**: the bare view (`/bench/bare/`, same gunicorn and middleware) served "
        f"{bare[low]['rps']} req/s at {low} and **{bare_rps} req/s at {top}** connections "
        f"({_latency(bare[top])} ms).",
        "",
        f"| Role | Page | SQL demo | SQL national | app CPU ms | req/s @{low} | latency @{low} | "
        f"req/s @{top} | latency @{top} | share of bare @{top} | targets |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| – | bare view | 0 | 0 | – | {bare[low]['rps']} | {_latency(bare[low])} | "
        f"{bare_rps} | {_latency(bare[top])} | 100% | |",
    ]
    for row in rows:
        verdicts, share = _verdicts(row, top, bare_rps)
        lines.append(
            f"| {row['role']} | {row['page']} | {row['queries_demo']} | {row['queries']} | "
            f"{row['cpu_ms']} | {row['load'][low]['rps']} | {_latency(row['load'][low])} | "
            f"{row['load'][top]['rps']} | {_latency(row['load'][top])} | {share:.1%} | "
            f"{', '.join(verdicts)} |"
        )
    errors = sum(run["errors"] for row in rows for run in row["load"].values())
    lines += [
        "",
        f"Errors (non-2xx/3xx or socket) over all runs: {errors}.",
        *_work_lines(work),
        "",
        "What the numbers mean, what is pending and how to grow: docs/scaling.md and "
        "bench/README.md.",
        "",
    ]
    (HERE / "results.md").write_text("\n".join(lines))
