"""Measure the secretary's 10 × 40 score grid in Chromium: keystrokes, clicks, page loads,
time, and whether every value was stored. The numbers of docs/ux.md come from here.

    .venv/bin/python scripts/ux_measure.py                      # this checkout
    .venv/bin/python scripts/ux_measure.py --repo /tmp/before   # another checkout ("before")
    .venv/bin/python scripts/ux_measure.py --json               # one JSON object per line

The script makes a fresh SQLite database (the embedded default, as ``make run``), adds a
cluster-year of 10 units and a table of 40 criteria (4 groups of 10, each worth 5) and a
secretary, starts ``manage.py runserver`` of the checkout, logs in and fills the grid in
each way that checkout offers:

- ``paste``: click the first agreed-score cell, copy the 10 × 40 block in the spreadsheet
  (Ctrl+C, counted) and paste it (Ctrl+V);
- ``keyboard``: the 400 agreed scores typed column by column, each value then Enter; where
  Enter does not go on from the foot of a column to the next unit, a click does;
- ``keyboard-both``: the 800 numbers (self and agreed), the quickest way the grid offers:
  row by row with Tab before (self, Tab, agreed, Tab, Tab past the comment), column by column
  with Enter after.

Keystrokes count every key pressed (one per character typed); a page load is a navigation
of the main frame after logging in (the grid itself is the first). Time runs from the first
action until every value is in the database (polled), so it includes the saves; it is the
machine's time, with keys sent without delay: a person's time grows with the keystrokes.
After each run the page is reloaded and every input compared with what was typed: "lost"
counts values that did not survive."""

import argparse
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNITS, CRITERIA = 10, 40
CHROMIUM = "/usr/bin/chromium"

SETUP = """
import json
from emulation.models import RoleAssignment
from tests.clusters.evaluation.conftest import build_table
from tests.factories import (
    ClusterFactory, MinistryFactory, UnitFactory, UserFactory, cluster_year_with_units, grant,
)
ministry = MinistryFactory(name="Bộ đo thử")
cluster = ClusterFactory(ministry=ministry, number=1, name="Cụm đo thử")
units = [UnitFactory(ministry=ministry, name=f"Đơn vị {i:02d}") for i in range(1, 11)]
cluster_year = cluster_year_with_units(cluster, 2022, units)
build_table(ministry, 2022, groups=4, criteria=10)
grant(UserFactory(username="thuky.do"), RoleAssignment.Role.CLUSTER_SECRETARY, ministry, cluster)
print(json.dumps({"cluster": cluster.pk, "year": 2022}))
"""


def value(row, unit):
    """The score typed at criterion ``row`` for unit ``unit``: one digit from 0 to 5."""
    return str((row + unit) % 6)


class Server:
    def __init__(self, repo, python):
        self.repo, self.python = Path(repo), python
        self.dir = tempfile.mkdtemp(prefix="ux-measure-")
        self.db = Path(self.dir) / "ux.sqlite3"
        self.env = {
            key: val
            for key, val in os.environ.items()
            if key not in ("DATABASE_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE")
        }
        self.env.update({"DATABASE_URL": f"sqlite:///{self.db}", "DJANGO_DEBUG": "true"})
        self.process = None

    def manage(self, *args):
        return subprocess.run(
            [self.python, "manage.py", *args],
            cwd=self.repo,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def start(self):
        self.manage("migrate", "--no-input", "-v", "0")
        world = json.loads(self.manage("shell", "-c", SETUP).strip().splitlines()[-1])
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [self.python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=self.repo,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            with socket.socket() as client:
                if client.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        self.url = f"http://127.0.0.1:{port}"
        self.grid = f"{self.url}/clusters/{world['cluster']}/years/{world['year']}/scores/"
        return self

    def stored(self, column):
        """How many cells have the score ``column`` (self_score / agreed_score) stored."""
        for _attempt in range(50):
            try:
                with sqlite3.connect(self.db, timeout=5) as db:
                    return db.execute(
                        f"SELECT count(*) FROM clusters_score WHERE {column} IS NOT NULL"
                    ).fetchone()[0]
            except sqlite3.OperationalError:
                time.sleep(0.1)
        return 0

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


class Session:
    """A logged-in page that counts keys, clicks and page loads."""

    def __init__(self, browser, server):
        self.server = server
        self.context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        self.context.grant_permissions(["clipboard-read", "clipboard-write"])
        self.page = self.context.new_page()
        self.page.goto(f"{server.url}/accounts/login/")
        self.page.locator("#id_username").fill("thuky.do")
        self.page.locator("#id_password").fill("mat-khau-thu-nghiem-1")
        self.page.locator("main button[type=submit]").click()
        self.page.wait_for_load_state()
        self.keys = self.clicks = self.loads = 0
        self.page.on("framenavigated", self._navigated)

    def _navigated(self, frame):
        if frame == self.page.main_frame:
            self.loads += 1

    def goto(self, url):
        self.page.goto(url)

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def type(self, text):
        self.keys += len(text)
        self.page.keyboard.type(text)

    def press(self, key):
        self.keys += 1
        self.page.keyboard.press(key)

    def close(self):
        self.context.close()


def agreed_inputs(page):
    """The agreed-score inputs by [row][unit], in the grid's order."""
    ids = page.eval_on_selector_all(
        "input[data-field=agreed]", "inputs => inputs.map(input => input.id)"
    )
    return [ids[r * UNITS : (r + 1) * UNITS] for r in range(CRITERIA)]


def has_wrap(page):
    """Does Enter at the foot of a column go on to the next unit (the new grid)?"""
    return page.locator("#grid-status").count() > 0


def fill_paste(session):
    page = session.page
    if not has_wrap(page):
        return None
    block = "\r\n".join("\t".join(value(r, u) for u in range(UNITS)) for r in range(CRITERIA))
    page.evaluate("text => navigator.clipboard.writeText(text)", block + "\r\n")
    session.keys += 1  # Ctrl+C in the spreadsheet
    session.click(page.locator("input[data-field=agreed]").first)
    session.press("Control+V")
    return {"agreed_score": UNITS * CRITERIA}


def fill_keyboard(session):
    page = session.page
    ids = agreed_inputs(page)
    wraps = has_wrap(page)
    for unit in range(UNITS):
        if unit == 0 or not wraps:
            session.click(page.locator(f"#{ids[0][unit]}"))
        for row in range(CRITERIA):
            session.type(value(row, unit))
            session.press("Enter")
    return {"agreed_score": UNITS * CRITERIA}


def fill_keyboard_both(session):
    page = session.page
    if has_wrap(page):  # column by column: the self scores, then the agreed scores
        session.click(page.locator("input[data-field=self]").first)
        for field in ("self", "agreed"):
            if field == "agreed":
                session.press("Control+Home")
                session.press("ArrowRight")
            for unit in range(UNITS):
                for row in range(CRITERIA):
                    session.type(value(row, unit))
                    session.press("Enter")
    else:  # row by row: self, Tab, agreed, Tab, Tab past the comment to the next cell
        session.click(page.locator("input[data-field=self]").first)
        for row in range(CRITERIA):
            for unit in range(UNITS):
                session.type(value(row, unit))
                session.press("Tab")
                session.type(value(row, unit))
                session.press("Tab")
                session.press("Tab")
    return {"self_score": UNITS * CRITERIA, "agreed_score": UNITS * CRITERIA}


STRATEGIES = {
    "paste": fill_paste,
    "keyboard": fill_keyboard,
    "keyboard-both": fill_keyboard_both,
}


def lost_values(session, fields):
    """Reload the grid and count the inputs that do not show what was typed."""
    page = session.page
    page.goto(session.server.grid)
    shown = page.eval_on_selector_all(
        "input[data-field=self], input[data-field=agreed]",
        "inputs => inputs.map(input => [input.dataset.field, input.value])",
    )
    lost = 0
    for index, (field, text) in enumerate(shown):
        if f"{field}_score" not in fields:
            continue
        cell = index // 2
        row, unit = divmod(cell, UNITS)
        if text.strip() != value(row, unit):
            lost += 1
    return lost


def measure(repo, python, strategy):
    from playwright.sync_api import sync_playwright

    server = Server(repo, python).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
            )
            session = Session(browser, server)
            started = time.monotonic()
            session.goto(server.grid)
            fields = STRATEGIES[strategy](session)
            if fields is None:
                browser.close()
                return {"strategy": strategy, "available": False}
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if all(server.stored(column) >= n for column, n in fields.items()):
                    break
                time.sleep(0.1)
            elapsed = time.monotonic() - started
            result = {
                "strategy": strategy,
                "available": True,
                "keystrokes": session.keys,
                "clicks": session.clicks,
                "page_loads": session.loads,
                "seconds": round(elapsed, 1),
                "values": sum(fields.values()),
                "lost": lost_values(session, fields),
            }
            browser.close()
            return result
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", default=str(ROOT), help="the checkout to serve")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--strategy", choices=[*STRATEGIES, "all"], default="all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    strategies = list(STRATEGIES) if args.strategy == "all" else [args.strategy]
    if not args.json:
        print("| way | keystrokes | clicks | page loads | time (s) | values | lost |")
        print("|---|---:|---:|---:|---:|---:|---:|")
    for strategy in strategies:
        result = measure(args.repo, args.python, strategy)
        if args.json:
            print(json.dumps(result), flush=True)
        elif not result["available"]:
            print(f"| {strategy} | not offered | | | | | |", flush=True)
        else:
            print(
                f"| {strategy} | {result['keystrokes']} | {result['clicks']} | "
                f"{result['page_loads']} | {result['seconds']} | {result['values']} | "
                f"{result['lost']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
