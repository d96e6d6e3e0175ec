"""bench/results.json (everything measured) and bench/results.md (the table), next to the
committed run before issue 15 (bench/results_before.json: "before")."""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
P95_TARGET_MS = 150
SHARE_TARGET = 0.10
SHARE_TARGETS = {"score grid": 0.03}  # the 10 x 40 grid: 400 cells, 1,200 inputs
CPU_TARGET_MS = 8
CPU_TARGETS_MS = {"score grid": 15}
GRID_SAVE_TARGET_MS = 300
REPORT_TARGETS_MS = {"cluster": 2000, "ministry": 15000}
REPORT_RATIO_TARGET = 1.3
WORKER_MEMORY_TARGET_MB = 400


def _latency(run):
    return f"{run['p50_ms']:.1f} / {run['p95_ms']:.1f} / {run['p99_ms']:.1f}"


def _before():
    path = HERE / "results_before.json"
    if not path.exists():
        return None, {}
    before = json.loads(path.read_text())
    return before, {(p["role"], p["page"]): p for p in before["pages"]}


def _verdicts(row, top, bare_rps):
    run = row["load"][top]
    share = run["rps"] / bare_rps
    target = SHARE_TARGETS.get(row["page"], SHARE_TARGET)
    cpu = CPU_TARGETS_MS.get(row["page"], CPU_TARGET_MS)
    same = (row["queries"], row["queries_cold"]) == (row["queries_demo"], row["queries_demo_cold"])
    return [
        "SQL equal" if same else "**SQL differs**",
        f"CPU ≤ {cpu} ms" if row["cpu_ms"] <= cpu else "**CPU over**",
        f"p95 ≤ {P95_TARGET_MS} ms" if run["p95_ms"] <= P95_TARGET_MS else "**p95 over**",
        f"≥ {target:.0%} of bare" if share >= target else f"**share under {target:.0%}**",
    ], share


def _was(before, key, field, fmt="{}"):
    return fmt.format(before[key][field]) if key in before else "–"


def _met(ok):
    return "met" if ok else "**over**"


def _work_lines(work, before_reports):
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
        "WeasyPrint alone, same HTML | ratio (before) | worker peak RSS | "
        "WeasyPrint alone peak RSS | PDF | targets |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for kind, report in work["reports"].items():
        alone = report["weasyprint_alone"]
        time_ok = report["end_to_end_ms"] <= REPORT_TARGETS_MS[kind]
        memory_ok = (report["worker_peak_rss_mb"] or 0) <= WORKER_MEMORY_TARGET_MB
        ratio_ok = report["ratio_to_weasyprint"] <= REPORT_RATIO_TARGET
        was = before_reports.get(kind, {}).get("ratio_to_weasyprint", "–")
        lines.append(
            f"| {kind} | {report['end_to_end_ms']:.0f} ms | {report['worker_build_ms']:.0f} ms | "
            f"{alone['render_ms']:.0f} ms | {report['ratio_to_weasyprint']} ({was}) | "
            f"{report['worker_peak_rss_mb']} MB | {alone['peak_rss_mb']} MB | "
            f"{report['pdf_bytes'] // 1024} KB | "
            f"≤ {REPORT_TARGETS_MS[kind] // 1000} s: {_met(time_ok)}; "
            f"≤ {REPORT_RATIO_TARGET}× WeasyPrint: {_met(ratio_ok)}; "
            f"≤ {WORKER_MEMORY_TARGET_MB} MB: {_met(memory_ok)} |"
        )
    lines += [
        "",
        "Each figure is the median of the report's builds, one after another (a single build "
        "varied by a third between runs), and of as many renders by WeasyPrint alone, each "
        "in a fresh process. Built in the worker: the version's requested → generated time, "
        "the queue's pickup (requested → leased) included. "
        + "; ".join(
            f"{kind}: pickup {report['pickup_ms']:.0f} ms, builds "
            + ", ".join(f"{ms:.0f}" for ms in report["worker_build_runs_ms"])
            + " ms, WeasyPrint alone "
            + ", ".join(f"{ms:.0f}" for ms in report["weasyprint_alone"]["render_runs_ms"])
            + " ms"
            for kind, report in work["reports"].items()
        )
        + ". The worker's peak RSS is its child process's high-water mark (VmHWM) after the "
        "builds; the ministry report is built after the cluster's, so its figure is the peak "
        "of both.",
    ]
    return lines


def _header_lines(meta, bare, was):
    low, top = min(meta["connections"]), max(meta["connections"])
    seeded = (
        f"built in {meta['seed_seconds']} s by this run"
        if meta["seeded_now"]
        else "reused from an earlier run"
    )
    before = (
        f" Before: the committed run of {was['date']} (bench/results_before.json; bare view "
        f"{was['bare_rps']} req/s at {top}, load average {was['load_average_before'][0]:.1f} "
        f"before, {was['load_average_after'][0]:.1f} after, "
        f"{was.get('gunicorn_workers', 2)} gunicorn workers)."
        if was
        else ""
    )
    return [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {meta['date']} (total {meta['total_seconds']} s).",
        "",
        f"- **Data**: national data set at scale {meta['scale']} ({seeded}); database "
        f"{meta['database_size']}, PostgreSQL {meta['postgresql']}. SQL counts: the same page "
        "on the demo data (`seed_demo`) and on the national data, cold (the first request "
        "after a write to the benched year: every cached fragment rendered again) / warm.",
        f"- **Stack**: gunicorn with {meta['gunicorn_workers']} sync workers, "
        "`DJANGO_DEBUG=false`, Redis as the cache (fragments, sessions) and the broker of a "
        "Celery worker (answered `/health/?worker=1`).",
        f"- **Load**: wrk, {meta['seconds_per_run']} s per run at {low} and {top} connections, "
        "logged-in session cookie per role. Latencies are p50 / p95 / p99 in ms. App CPU: "
        "the Django process's CPU time per request on the national data, measured in-process "
        "(the database's own work not included), warm (cold), each the median of three "
        "batches of ten requests." + before,
        f"- **Machine**: {meta['cores']} cores, shared with other work while this ran (1-minute "
        f"load average {meta['load_average_before'][0]:.1f} before, "
        f"{meta['load_average_during_mean']:.1f} on average during the load runs (at most "
        f"{meta['load_average_during_max']:.1f}), {meta['load_average_after'][0]:.1f} after).",
        f"- **Floor**: the bare view (`/bench/bare/`, same gunicorn and middleware) served "
        f"{bare[low]['rps']} req/s at {low} and **{bare[top]['rps']} req/s at {top}** "
        f"connections ({_latency(bare[top])} ms).",
        "",
    ]


def _page_lines(meta, bare, rows, before):
    low, top = min(meta["connections"]), max(meta["connections"])
    bare_rps = bare[top]["rps"]
    lines = [
        f"| Role | Page | SQL demo | SQL national | app CPU ms | before | req/s @{low} | "
        f"latency @{low} | req/s @{top} | before | latency @{top} | p95 before | "
        f"share of bare @{top} | targets |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| – | bare view | 0 | 0 | – | – | {bare[low]['rps']} | {_latency(bare[low])} | "
        f"{bare_rps} | – | {_latency(bare[top])} | – | 100% | |",
    ]
    for row in rows:
        verdicts, share = _verdicts(row, top, bare_rps)
        key = (row["role"], row["page"])
        lines.append(
            f"| {row['role']} | {row['page']} | {row['queries_demo_cold']} / "
            f"{row['queries_demo']} | {row['queries_cold']} / {row['queries']} | "
            f"{row['cpu_ms']} ({row['cpu_cold_ms']}) | {_was(before, key, 'cpu_ms')} | "
            f"{row['load'][low]['rps']} | {_latency(row['load'][low])} | "
            f"{row['load'][top]['rps']} | {_was(before, key, 'rps')} | "
            f"{_latency(row['load'][top])} | {_was(before, key, 'p95_ms', '{:.1f}')} | "
            f"{share:.1%} | {', '.join(verdicts)} |"
        )
    return lines


def write_results(meta, bare, rows, work):
    (HERE / "results.json").write_text(
        json.dumps(
            {"meta": meta, "bare": bare, "pages": rows, **work}, indent=2, ensure_ascii=False
        )
        + "\n"
    )
    was, before = _before()
    errors = sum(run["errors"] for row in rows for run in row["load"].values())
    lines = [
        *_header_lines(meta, bare, was),
        *_page_lines(meta, bare, rows, before),
        "",
        f"Errors (non-2xx/3xx or socket) over all runs: {errors}.",
        *_work_lines(work, (was or {}).get("reports", {})),
        "",
        "What the numbers mean, what is pending and how to grow: docs/scaling.md and "
        "bench/README.md.",
        "",
    ]
    (HERE / "results.md").write_text("\n".join(lines))
