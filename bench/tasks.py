"""Timed work beyond page loads, on the national data set (ministry 001, cluster 01):

- ``grid``: save the full 10 x 40 score grid of the current year (one POST of every cell,
  each cell's comment changed) through the view, in-process with the test client;
  with ``--base`` and ``--cookie``, the same POST through gunicorn over HTTP;
- ``reports``: ask gunicorn for the cluster report and the ministry-wide report (20
  clusters) of the year before the benched one, poll the version until the Celery worker
  has built it, download the file (end-to-end time), and read the worker's build time (requested →
  generated, and the queue's pickup: requested → leased) and the peak memory of the
  worker's child process (``VmHWM``); ``BUILDS`` builds of each, medians;
- ``weasyprint REPORT_ID``: WeasyPrint alone rendering the HTML of that report (context
  and template rendered before the clock starts), in a fresh process: time and peak RSS.

    DATABASE_URL=… python -m bench.tasks grid|reports|weasyprint …   (JSON on stdout)"""

import argparse
import json
import os
import re
import resource
import statistics
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import django

RUNS = 5
BUILDS = 3


class _Inputs(HTMLParser):
    """Every named <input> of a page (the grid's cells, the CSRF token), name → value."""

    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and attrs.get("type") != "submit":
            self.values.setdefault(attrs["name"], attrs.get("value") or "")


def inputs_of(html):
    parser = _Inputs()
    parser.feed(html)
    return parser.values


def changed_grid(values, run):
    """The grid's POST data with every cell's comment changed (so each cell saves; the
    scores stay valid whatever the criteria's rules)."""
    data = {k: v for k, v in values.items() if k.startswith("c-") or k == "csrfmiddlewaretoken"}
    cells = 0
    for name in data:
        if name.endswith("-comment"):
            data[name] = f"Nhận xét lần {run + 1} (benchmark)"
            cells += 1
    return data, cells


class Http:
    """A logged-in browser, minimal: the session cookie, the CSRF cookie, no redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base, cookie):
        self.base = base
        self.cookies = dict([cookie.split("=", 1)])
        self.opener = urllib.request.build_opener(self._NoRedirect)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = header.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
            return response.status, response.read()


def _ms(seconds):
    return round(seconds * 1000, 1)


def _summary(times):
    return {
        "runs": len(times),
        "median_ms": _ms(statistics.median(times)),
        "max_ms": _ms(max(times)),
    }


def _national():
    from bench.probe import subjects

    users, s = subjects("national")
    from clusters.models import ClusterYear

    current = ClusterYear.objects.filter(cluster=s.cluster).order_by("-year").first()
    return users, s, current


def grid(base=None, cookie=None):
    from django.test import Client
    from django.urls import reverse

    users, _s, current = _national()
    url = reverse("clusters:scores", args=[current.cluster_id, current.year])
    result = {"url": url}
    client = Client()
    client.force_login(users["secretary"])
    times = []
    for run in range(RUNS):
        data, cells = changed_grid(inputs_of(client.get(url).content.decode()), run)
        started = time.perf_counter()
        response = client.post(url, data)
        times.append(time.perf_counter() - started)
        if response.status_code != 302:
            raise SystemExit(f"grid save answered {response.status_code}")
    result["cells"] = cells
    result["in_process"] = _summary(times)
    if base:
        http = Http(base, cookie)
        times = []
        for run in range(RUNS, 2 * RUNS):
            status, body = http.request(url)
            data, cells = changed_grid(inputs_of(body.decode()), run)
            started = time.perf_counter()
            status, _body = http.request(url, data)
            times.append(time.perf_counter() - started)
            if status != 302:
                raise SystemExit(f"grid save over HTTP answered {status}")
        result["http"] = _summary(times)
    return result


def _peak_rss_mb(worker_pid):
    """The peak resident memory of the worker's child processes (prefork), in MB."""
    peaks = []
    children = Path(f"/proc/{worker_pid}/task/{worker_pid}/children").read_text().split()
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return round(max(peaks), 1) if peaks else None


def _build(http, page, generate, worker_pid):
    from documents.models import ReportVersion

    status, body = http.request(page)
    token = inputs_of(body.decode())["csrfmiddlewaretoken"]
    last = ReportVersion.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    started = time.perf_counter()
    status, _body = http.request(generate, {"csrfmiddlewaretoken": token})
    if status != 302:
        raise SystemExit(f"{generate} answered {status}")
    while True:
        version = ReportVersion.objects.filter(pk__gt=last).order_by("pk").first()
        if version and version.status in ReportVersion.FINAL:
            break
        if time.perf_counter() - started > 300:
            raise SystemExit(f"{generate}: no file after 300 s")
        time.sleep(0.05)
    if version.status != ReportVersion.Status.READY:
        raise SystemExit(f"{generate}: {version.error_message}")
    from django.urls import reverse

    status, content = http.request(reverse("reports:download", args=[version.pk]))
    end_to_end = time.perf_counter() - started
    if status != 200 or not content.startswith(b"%PDF"):
        raise SystemExit(f"download of version {version.pk} answered {status}")
    return {
        "report_id": version.report_id,
        "end_to_end_ms": _ms(end_to_end),
        "worker_build_ms": _ms((version.generated_at - version.requested_at).total_seconds()),
        "pickup_ms": _ms((version.leased_at - version.requested_at).total_seconds()),
        "worker_peak_rss_mb": _peak_rss_mb(worker_pid),
        "pdf_bytes": len(content),
    }


def _builds(http, page, generate, worker_pid, write):
    """``BUILDS`` builds of one report, one after another, each after ``write()`` (a request
    with the data unchanged since the last ready PDF is answered with that PDF): the median
    of each time (one build varies by a third between runs), the highest peak of memory."""
    runs = []
    for _ in range(BUILDS):
        write()
        runs.append(_build(http, page, generate, worker_pid))
    return {
        "report_id": runs[0]["report_id"],
        "builds": BUILDS,
        **{
            key: round(statistics.median(run[key] for run in runs), 1)
            for key in ("end_to_end_ms", "worker_build_ms", "pickup_ms")
        },
        "worker_build_runs_ms": [run["worker_build_ms"] for run in runs],
        "worker_peak_rss_mb": max(run["worker_peak_rss_mb"] or 0 for run in runs) or None,
        "pdf_bytes": runs[-1]["pdf_bytes"],
    }


def reports(base, cookie, worker_pid):
    from django.urls import reverse

    from bench.probe import write_to_the_year

    _users, benched, _current = _national()
    # The year before the benched one: the builds add versions to their reports, and the
    # benched report pages would list more of them at every run.
    s = SimpleNamespace(**{**vars(benched), "year": benched.year - 1})
    http = Http(base, cookie)
    args = [s.cluster.pk, s.year]
    margs = [s.cluster.ministry_id, s.year]
    return {
        "cluster": _builds(
            http,
            reverse("reports:cluster", args=args),
            reverse("reports:cluster_generate", args=args),
            worker_pid,
            lambda: write_to_the_year(s),
        ),
        "ministry": _builds(
            http,
            reverse("reports:ministry", args=margs),
            reverse("reports:ministry_generate", args=margs),
            worker_pid,
            lambda: write_to_the_year(s),
        ),
    }


def weasyprint_alone(report_id):
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    from documents import pdf
    from documents.models import YearEndReport
    from documents.reports.data import report_context

    context = report_context(YearEndReport.objects.get(pk=report_id))
    with translation.override("vi"):
        html = render_to_string("documents/report_pdf.html", context)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    HTML(
        string=html, base_url=pdf.STATIC_DIR.as_uri() + "/", url_fetcher=pdf.static_url_fetcher()
    ).write_pdf(pdf_variant="pdf/a-3b")
    return {
        "render_ms": _ms(time.perf_counter() - started),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_mb": round(before, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["grid", "reports", "weasyprint"])
    parser.add_argument("report_id", nargs="?", type=int)
    parser.add_argument("--base")
    parser.add_argument("--cookie")
    parser.add_argument("--worker-pid", type=int)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    if args.what == "grid":
        result = grid(args.base, args.cookie)
    elif args.what == "reports":
        result = reports(args.base, args.cookie, args.worker_pid)
    else:
        result = weasyprint_alone(args.report_id)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
