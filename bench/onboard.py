"""A national ministry on board: 2,000 units and 200,000 people-year rows loaded from
spreadsheets through the same check (preview) and commit the Celery worker runs, each step in
a fresh process so its peak memory (``ru_maxrss``) is its own. Part of ``make bench``.

    python -m bench.onboard                  # BENCH_ONBOARD_SCALE [1]: 2,000 units, 40,000
                                             # people x 5 years; 0.1 for a tenth
    python -m bench.onboard step KIND FILE   # one list, check then commit (JSON on stdout)

Database: BENCH_ONBOARD_DATABASE_URL [postgres://postgres@127.0.0.1:5432/thidua_bench_onboard],
dropped and created afresh each run. Writes bench/results_onboard.json and .md."""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE_URL = os.environ.get("BENCH_ONBOARD_DATABASE_URL", f"{PG}/thidua_bench_onboard")
SCALE = float(os.environ.get("BENCH_ONBOARD_SCALE", "1"))
YEARS = (2021, 2022, 2023, 2024, 2025)
KINDS = ["Trường đại học", "Học viện", "Viện", "Tạp chí", "Cục, vụ", "Khác"]
RATINGS = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"]


FILE_NAMES = {"units": "don-vi.xlsx", "people": "can-bo.xlsx", "person-years": "ket-qua-nam.xlsx"}


def log(message):
    print(f"[bench-onboard {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def write_xlsx(path, header, rows):
    """Stream rows to an .xlsx file (openpyxl write-only: memory stays flat)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Dữ liệu")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)


def units_rows(n_units):
    for i in range(n_units):
        parent = f"QG-{i // 50 * 50:05d}" if i % 50 else ""
        yield [f"QG-{i:05d}", f"Đơn vị quốc gia số {i:05d}", "", parent, KINDS[i % len(KINDS)]]


def people_rows(n_people, n_units):
    for i in range(n_people):
        yield [
            f"CB-{i:07d}",
            f"Cán bộ số {i:07d}",
            "Nữ" if i % 2 else "Nam",
            "Chuyên viên",
            f"QG-{i % n_units:05d}",
        ]


def person_year_rows(n_people):
    for i in range(n_people):
        for year in YEARS:
            yield [
                f"CB-{i:07d}",
                year,
                RATINGS[(i + year) % 3],
                "x" if (i + year) % 7 == 0 else "",
                "",
            ]


def make_files(directory, *, n_units, n_people):
    """The three files of the benchmark; returns {kind: path}. Also used by the tests."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    files = {kind: directory / name for kind, name in FILE_NAMES.items()}
    write_xlsx(
        files["units"],
        ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Mã cơ quan cấp trên", "Loại hình"],
        units_rows(n_units),
    )
    write_xlsx(
        files["people"],
        ["Mã cá nhân", "Họ và tên", "Giới tính", "Chức vụ", "Mã đơn vị"],
        people_rows(n_people, n_units),
    )
    write_xlsx(
        files["person-years"],
        ["Mã cá nhân", "Năm", "Xếp loại nhiệm vụ", "Có sáng kiến được công nhận", "Ghi chú"],
        person_year_rows(n_people),
    )
    return files


def load_file(*, ministry, actor, kind, path):
    """Check then commit one file the way the worker does; returns the timings."""
    from django.core.files import File

    from emulation.imports import services
    from emulation.models import ImportBatch

    with open(path, "rb") as handle:
        batch = ImportBatch(
            ministry=ministry, kind=kind, file_name=Path(path).name, created_by=actor
        )
        batch.file.save(Path(path).name, File(handle), save=False)
        batch.save()
    started = time.monotonic()
    services.import_check(batch_id=batch.pk)
    checked = time.monotonic()
    batch.refresh_from_db()
    if batch.status != ImportBatch.Status.CHECKED:
        raise SystemExit(f"{kind}: {batch.status} {batch.error_message} {batch.problems[:3]}")
    services.import_confirm(actor=actor, batch=batch)
    services.import_commit(batch_id=batch.pk)
    done = time.monotonic()
    batch.refresh_from_db()
    return {
        "kind": kind,
        "rows": batch.total_rows,
        "status": batch.status,
        "counts": batch.counts,
        "check_s": round(checked - started, 1),
        "commit_s": round(done - checked, 1),
    }


def step(kind, path):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from accounts.models import RoleAssignment
    from emulation.models import Ministry
    from emulation.roles import Role

    staff = RoleAssignment.objects.select_related("user", "ministry").get(
        role=Role.MINISTRY_STAFF, ministry__name="Bộ Quốc gia (benchmark)"
    )
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = load_file(ministry=staff.ministry, actor=staff.user, kind=kind, path=path)
    result["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    result["baseline_rss_mib"] = round(baseline / 1024)
    assert Ministry.objects.count() >= 1
    print(json.dumps(result))


def _env():
    return {**os.environ, "DATABASE_URL": DATABASE_URL, "DJANGO_SETTINGS_MODULE": "config.settings"}


def _setup_database():
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin, "-q", "-c", sql], check=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=_env(), check=True
    )
    script = (
        "from accounts.models import RoleAssignment\n"
        "from emulation.models import Ministry\n"
        "from django.contrib.auth import get_user_model\n"
        "m = Ministry.objects.create(name='Bộ Quốc gia (benchmark)', short_name='BQG')\n"
        "u = get_user_model().objects.create_user('bench.onboard')\n"
        "RoleAssignment.objects.create(user=u, role='ministry_staff', ministry=m)\n"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=_env(), check=True
    )


def main():
    n_units, n_people = int(2000 * SCALE), int(40000 * SCALE)
    started = time.monotonic()
    load_before = os.getloadavg()
    log(f"files: {n_units} units, {n_people} people, {n_people * len(YEARS)} people-year rows")
    directory = OUT / f"onboard-{SCALE:g}"
    files = {k: directory / n for k, n in FILE_NAMES.items()}
    if not all(path.exists() for path in files.values()):  # kept between runs, per scale
        files = make_files(directory, n_units=n_units, n_people=n_people)
    made = time.monotonic() - started
    log(f"files written in {made:.0f} s; fresh database {DATABASE_URL.rsplit('/', 1)[1]}")
    _setup_database()
    results = []
    for kind in ("units", "people", "person-years"):
        output = subprocess.run(
            [sys.executable, "-m", "bench.onboard", "step", kind, str(files[kind])],
            cwd=ROOT,
            env=_env(),
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(output.stdout.strip().splitlines()[-1])
        result["file_mib"] = round(files[kind].stat().st_size / 1048576, 1)
        results.append(result)
        log(
            f"{kind}: {result['rows']} rows, check {result['check_s']} s, commit "
            f"{result['commit_s']} s, peak {result['peak_rss_mib']} MiB"
        )
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "scale": SCALE,
        "cores": os.cpu_count(),
        "files_written_s": round(made, 1),
        "total_s": round(time.monotonic() - started),
        "load_average_before": [round(x, 1) for x in load_before],
        "load_average_after": [round(x, 1) for x in os.getloadavg()],
    }
    (ROOT / "bench" / "results_onboard.json").write_text(
        json.dumps({"meta": meta, "steps": results}, indent=2, ensure_ascii=False) + "\n"
    )
    lines = [
        "# A national ministry on board from spreadsheets (`python -m bench.onboard`)",
        "",
        f"{meta['date']}, scale {SCALE}, {meta['cores']} cores, PostgreSQL; each list checked "
        "(the preview) then committed, as the Celery worker does, in a fresh process. Load "
        f"average {meta['load_average_before'][0]} before, {meta['load_average_after'][0]} "
        "after (other work on the machine slows every figure).",
        "",
        "| List | Rows | File (MiB) | Check (s) | Commit (s) | Peak RSS (MiB) "
        "| RSS at start (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['kind']} | {r['rows']:,} | {r['file_mib']} | {r['check_s']} | {r['commit_s']} | "
        f"{r['peak_rss_mib']} | {r['baseline_rss_mib']} |"
        for r in results
    ]
    (ROOT / "bench" / "results_onboard.md").write_text("\n".join(lines) + "\n")
    log("wrote bench/results_onboard.md and bench/results_onboard.json")


if __name__ == "__main__":
    if sys.argv[1:2] == ["step"]:
        step(sys.argv[2], sys.argv[3])
    else:
        main()
