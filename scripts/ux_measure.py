"""Measure the secretary's work in Chromium: keystrokes, clicks, files chosen, page loads,
time, and whether everything was stored. The numbers of docs/ux.md come from here.

    .venv/bin/python scripts/ux_measure.py                      # this checkout, the grid
    .venv/bin/python scripts/ux_measure.py --strategy year-end  # the whole year-end
    .venv/bin/python scripts/ux_measure.py --repo /tmp/before   # another checkout ("before")
    .venv/bin/python scripts/ux_measure.py --json               # one JSON object per line

The script makes a fresh SQLite database (the embedded default, as ``make run``), adds a
cluster-year of 10 units with its leadership term, a table of 40 criteria (4 groups of 10,
each worth 5) and a secretary, starts ``manage.py runserver`` of the checkout, logs in and
fills the grid in each way that checkout offers:

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
counts values that did not survive.

``year-end`` drives the whole year-end from the home page's task list instead (see
``year_end``): the pledge (create, write, open, the board of registrations and signatures,
lock), the grid by paste, the vote, the minutes, the proposal sent to the ministry; it prints
a row per step and checks the database at the end (exit status 1 when something is missing).
A field costs a click unless the page focused it; a select two clicks; a file a click and a
file chosen; a confirm() accepted a click. ``--units`` and ``--criteria`` make it smaller."""

import argparse
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNITS, CRITERIA = 10, 40
CHROMIUM = "/usr/bin/chromium"

SETUP = """
import json
from clusters.models import LeadershipTerm
from emulation.roles import Role
from tests.clusters.evaluation.conftest import build_table
from tests.factories import (
    ClusterFactory, MinistryFactory, UnitFactory, UserFactory, cluster_year_with_units, grant,
)
ministry = MinistryFactory(name="Bộ đo thử")
cluster = ClusterFactory(ministry=ministry, number=1, name="Cụm đo thử")
units = [UnitFactory(ministry=ministry, name=f"Đơn vị {i:02d}") for i in range(1, %(units)s + 1)]
cluster_year = cluster_year_with_units(cluster, 2022, units)
LeadershipTerm.objects.create(
    cluster_year=cluster_year, head_unit=units[0], head_name="Nguyễn Văn An",
    head_position="Hiệu trưởng", deputy_unit=units[1], deputy_name="Trần Thị Bình",
    deputy_position="Viện trưởng",
)
build_table(ministry, 2022, groups=%(groups)s, criteria=%(criteria)s)
grant(UserFactory(username="thuky.do"), Role.CLUSTER_SECRETARY, ministry, cluster)
print(json.dumps({"cluster": cluster.pk, "year": 2022, "cluster_year": cluster_year.pk}))
"""


def value(row, unit):
    """The score typed at criterion ``row`` for unit ``unit``: one digit from 0 to 5."""
    return str((row + unit) % 6)


class Server:
    def __init__(self, repo, python, *, units=UNITS, criteria=CRITERIA):
        self.repo, self.python = Path(repo), python
        self.units, self.criteria = units, criteria
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
        groups = 4 if self.criteria % 4 == 0 else 1
        setup = SETUP % {
            "units": self.units,
            "groups": groups,
            "criteria": self.criteria // groups,
        }
        world = json.loads(self.manage("shell", "-c", setup).strip().splitlines()[-1])
        self.world = world
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
    """A logged-in page that counts keys, clicks, files chosen and page loads."""

    def __init__(self, browser, server, username="thuky.do"):
        self.server = server
        self.context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        self.context.grant_permissions(["clipboard-read", "clipboard-write"])
        self.page = self.context.new_page()
        self.page.goto(f"{server.url}/accounts/login/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill("mat-khau-thu-nghiem-1")
        self.page.locator("main button[type=submit]").click()
        self.page.wait_for_load_state()
        self.keys = self.clicks = self.loads = self.files = 0
        self.month_first = None
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

    def counts(self):
        return {
            "keystrokes": self.keys,
            "clicks": self.clicks,
            "files": self.files,
            "page_loads": self.loads,
        }

    # --- A person filling forms: what each action costs ---------------------------------
    def focus(self, locator):
        """A click into the field, unless the page already put the focus there."""
        if not locator.evaluate("field => field === document.activeElement"):
            self.click(locator)

    def fill(self, locator, text):
        """Type ``text`` into a text field; what the field already holds is selected first
        (Ctrl+A) and typed over; a field already holding ``text`` is left alone."""
        current = locator.input_value()
        if current == text:
            return
        self.focus(locator)
        if current:
            self.press("Control+A")
        self.type(text)

    def date(self, locator, iso):
        """A date field: a click on its first part (unless focused), then the 8 digits in
        the order the browser shows them (its own language's: dd/mm/yyyy or mm/dd/yyyy)."""
        if locator.input_value() == iso:
            return
        year, month, day = iso.split("-")
        if not locator.evaluate("field => field === document.activeElement"):
            self.clicks += 1
            locator.click(position={"x": 8, "y": 8})  # on the field's first part
        self.type(month + day + year if self._month_first() else day + month + year)
        assert locator.input_value() == iso, (locator.input_value(), iso)

    def _month_first(self):
        """Does this browser's date field take the month first? Asked once, off the count."""
        if self.month_first is None:
            probe = self.context.new_page()
            probe.set_content('<input type="date" id="d">')
            probe.locator("#d").focus()
            probe.keyboard.type("01152022")
            self.month_first = probe.locator("#d").input_value() == "2022-01-15"
            probe.close()
        return self.month_first

    def choose(self, locator, label):
        """A select: a click to open it and a click on the option (nothing if chosen)."""
        options = locator.evaluate("select => [...select.options].map(o => [o.label, o.selected])")
        match = next(text for text, _selected in options if text.startswith(label))
        if dict(options)[match]:
            return
        self.clicks += 2
        locator.select_option(label=match)

    def upload(self, locator, path):
        """A file field: a click on "Choose file" and the file picked in the dialog."""
        self.clicks += 1
        self.files += 1
        locator.set_input_files(path)

    def navigate(self, locator, confirm=False):
        """Click a link or button that loads a page; ``confirm``: accept the confirm()
        the button asks first (one more click)."""
        if confirm:
            self.clicks += 1
            self.page.once("dialog", lambda dialog: dialog.accept())
        with self.page.expect_navigation():
            self.click(locator)

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
    units, criteria = session.server.units, session.server.criteria
    block = "\r\n".join("\t".join(value(r, u) for u in range(units)) for r in range(criteria))
    page.evaluate("text => navigator.clipboard.writeText(text)", block + "\r\n")
    session.keys += 1  # Ctrl+C in the spreadsheet
    session.click(page.locator("input[data-field=agreed]").first)
    session.press("Control+V")
    return {"agreed_score": units * criteria}


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


# --- The whole year-end, following the home page's task list ---------------------------------

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
COMMITMENTS = (
    "Thực hiện tốt chủ trương, chính sách của Đảng và pháp luật của Nhà nước.\n"
    "Hoàn thành xuất sắc nhiệm vụ chuyên môn được giao.\n"
    "Đẩy mạnh cải cách hành chính và ứng dụng công nghệ thông tin.\n"
    "Chăm lo đời sống vật chất, tinh thần của người lao động."
)
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
REGISTERED = "Tập thể lao động xuất sắc (tập thể)"
FLAG = "Cờ thi đua cấp Bộ"


class Steps:
    """What each step of the year-end cost: the session's counters and the time between
    its start and its end."""

    def __init__(self, session):
        self.session, self.rows = session, []

    @contextmanager
    def step(self, name):
        before, started = self.session.counts(), time.monotonic()
        yield
        after = self.session.counts()
        self.rows.append(
            {
                "step": name,
                **{key: after[key] - before[key] for key in after},
                "seconds": round(time.monotonic() - started, 1),
            }
        )


def ballots(units):
    """The counted ballots of the flag vote: every unit votes, no unit for itself; the
    first unit gets every other vote, the others too few to pass 80 %."""
    return [units - 1] + [max(units - 2 - i, 0) for i in range(1, units)]


def year_end(session, world, files):
    """The secretary's year-end in the browser only, from the task list's next actions:
    the pledge, the grid (by paste), the vote, the minutes, the proposal. Returns the
    steps' costs. ``world``: cluster_year, year; ``files``: a folder for the PDFs chosen."""
    from playwright.sync_api import expect

    page, server = session.page, session.server
    year, units = world["year"], server.units
    names = [f"Đơn vị {i:02d}" for i in range(1, units + 1)]
    home = f"{server.url}/?year={year}"
    next_action = page.locator(f"#next-{world['cluster_year']}")
    steps = Steps(session)
    button = page.get_by_role

    def task_list(expected):
        """Back to the task list (one click: the home link, or a bookmark of the year)."""
        session.clicks += 1
        session.goto(home)
        expect(next_action).to_contain_text(expected)

    with steps.step("pledge: create, write, open for signing"):
        task_list("Chưa lập giao ước.")
        session.navigate(next_action.get_by_role("button", name="Lập giao ước"))
        session.navigate(button("link", name="Sửa nội dung", exact=True))
        session.fill(page.get_by_label("Nội dung giao ước"), COMMITMENTS)
        session.fill(page.get_by_label("Địa điểm ký"), "Hà Nội")
        session.date(page.get_by_label("Ngày hội nghị ký kết"), f"{year}-01-15")
        session.navigate(button("button", name="Lưu", exact=True))
        session.navigate(button("button", name="Mở ký giao ước"))
        expect(page.locator("#pledge-state")).to_have_text("Đang ký")

    with steps.step("pledge: registrations and signatures"):
        task_list("Ghi chữ ký")
        session.navigate(next_action.get_by_role("link", name="Ghi chữ ký"))
        if "/board/" not in page.url:
            session.navigate(button("link", name="Nhập đăng ký và chữ ký (cả bảng)"))
        for i, name in enumerate(names):
            session.fill(page.get_by_label(f"Người ký – {name}"), SIGNERS[i % len(SIGNERS)])
            session.fill(page.get_by_label(f"Chức vụ – {name}"), "Thủ trưởng")
            session.date(page.get_by_label(f"Ngày ký – {name}"), f"{year}-01-15")
            session.choose(page.get_by_label(f"Danh hiệu đăng ký – {name}"), REGISTERED)
        session.navigate(button("button", name="Lưu cả bảng"))
        expect(page.locator("#pledge-state")).to_have_text("Đã ký đủ")

    with steps.step("pledge: lock"):
        task_list("Đã ký đủ")
        session.navigate(next_action.get_by_role("link", name="Khóa giao ước"))
        session.navigate(button("button", name="Khóa giao ước"), confirm=True)
        expect(page.locator("#pledge-state")).to_have_text("Đã khóa")

    with steps.step("grid (paste)"):
        task_list("Chấm điểm")
        session.navigate(next_action.get_by_role("link", name="Chấm điểm"))
        fill_paste(session)
        page.wait_for_function(
            "() => [...document.querySelectorAll('input[data-field=agreed]')]"
            ".every(input => input.value !== '')"
            " && !document.getElementById('grid-status').classList.contains('has-unsaved')",
            timeout=120_000,
        )

    with steps.step("vote"):
        task_list("Chưa có cuộc bỏ phiếu.")
        session.navigate(next_action.get_by_role("link", name="Bỏ phiếu"))
        session.choose(page.get_by_label("Danh hiệu, hình thức suy tôn"), FLAG)
        session.navigate(button("button", name="Mở cuộc bỏ phiếu"))
        session.fill(page.get_by_label("Số thành viên có quyền bỏ phiếu"), str(units))
        session.fill(page.get_by_label("Số phiếu phát ra"), str(units))
        session.fill(page.get_by_label("Số phiếu hợp lệ"), str(units))
        for name, votes in zip(names, ballots(units), strict=True):
            session.fill(page.get_by_label(name), str(votes))  # "Đơn vị 01*": no exact match
        session.navigate(button("button", name="Lưu kết quả kiểm phiếu"))
        expect(page.locator("#vote-counts")).to_contain_text("Đạt (dự kiến)")
        session.navigate(button("button", name="Kết thúc bỏ phiếu và công bố kết quả"), True)
        rows = page.locator("#vote-counts tbody tr", has_text="Được suy tôn")
        expect(rows).to_have_count(1)
        nominated = [text.strip() for text in rows.locator("td:first-child").all_inner_texts()]

    with steps.step("minutes"):
        task_list("Chưa lập biên bản.")
        session.navigate(next_action.get_by_role("link", name="Lập biên bản"))
        session.date(page.locator("#id_held_on"), f"{year}-12-14")
        session.fill(page.locator("#id_place"), "Hà Nội")
        session.fill(page.locator("#id_chair_name"), SIGNERS[0])
        session.fill(page.locator("#id_secretary_name"), "Nguyễn Thị Thu Hà")
        session.navigate(button("button", name="Lưu biên bản"))
        session.navigate(button("button", name="Ký biên bản và khóa kết quả"), confirm=True)
        expect(page.locator("#minutes-state")).to_have_text("Đã ký")

    cover = Path(files) / "to-trinh.pdf"
    cover.write_bytes(PDF)
    with steps.step("proposal"):
        task_list("Chưa lập hồ sơ.")
        session.navigate(next_action.get_by_role("button", name="Lập hồ sơ"))
        session.navigate(button("link", name="Sửa tờ trình"))
        session.fill(page.get_by_label("Số tờ trình"), "15/TTr-CĐT")
        session.date(page.get_by_label("Ngày tờ trình"), f"{year}-12-20")
        session.upload(page.get_by_label("Tệp tờ trình"), cover)
        session.navigate(button("button", name="Lưu", exact=True))
        for i, name in enumerate(nominated):
            report = Path(files) / f"bao-cao-{i + 1}.pdf"
            report.write_bytes(PDF)
            session.navigate(button("link", name="Thêm dòng đề nghị"))
            session.choose(page.locator("#id_unit"), name)
            session.choose(page.locator("#id_award_title"), FLAG)
            session.fill(
                page.locator("#id_achievements"),
                f"Dẫn đầu phong trào thi đua của cụm năm {year}.",
            )
            session.upload(page.locator("#id_report_file"), report)
            session.navigate(button("button", name="Lưu", exact=True))
        expect(page.locator("#missing-parts")).to_have_count(0)
        session.navigate(button("button", name="Gửi hồ sơ lên Bộ"), confirm=True)
        expect(page.locator("#proposal-state")).to_have_text("Đã gửi")
    return steps.rows


def year_end_stored(db):
    """What the database holds at the end of the year-end."""
    with sqlite3.connect(db, timeout=5) as con:

        def one(sql):
            row = con.execute(sql).fetchone()
            return row[0] if row else None

        return {
            "pledge": one("SELECT state FROM clusters_pledge"),
            "agreed_scores": one(
                "SELECT count(*) FROM clusters_score WHERE agreed_score IS NOT NULL"
            ),
            "vote": one("SELECT state FROM clusters_vote"),
            "minutes": one("SELECT state FROM clusters_minutes"),
            "proposal": one("SELECT state FROM awards_proposal"),
        }


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    )


def measure_year_end(repo, python, units=UNITS, criteria=CRITERIA):
    from playwright.sync_api import sync_playwright

    load_before = Path("/proc/loadavg").read_text().split()[:3]
    server = Server(repo, python, units=units, criteria=criteria).start()
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            session = Session(browser, server)
            try:
                steps = year_end(session, server.world, server.dir)
            except Exception:
                failed = Path(server.dir) / "failed.html"
                failed.write_text(session.page.content())
                print(f"stopped at {session.page.url}; the page: {failed}", file=sys.stderr)
                raise
            browser.close()
        stored = year_end_stored(server.db)
    finally:
        server.stop()
    total = {
        key: sum(row[key] for row in steps)
        for key in ("keystrokes", "clicks", "files", "page_loads", "seconds")
    }
    total["seconds"] = round(total["seconds"], 1)
    expected = {
        "pledge": "locked",
        "agreed_scores": server.units * server.criteria,
        "vote": "closed",
        "minutes": "signed",
        "proposal": "submitted",
    }
    return {
        "strategy": "year-end",
        "steps": steps,
        "total": total,
        "stored": stored,
        "complete": stored == expected,
        "loadavg": {"before": load_before, "after": Path("/proc/loadavg").read_text().split()[:3]},
    }


def print_year_end(result):
    print("| step | keystrokes | clicks | files | page loads | time (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in [*result["steps"], {"step": "**total**", **result["total"]}]:
        print(
            f"| {row['step']} | {row['keystrokes']} | {row['clicks']} | {row['files']} | "
            f"{row['page_loads']} | {row['seconds']} |"
        )
    print(f"\nstored: {json.dumps(result['stored'])} (complete: {result['complete']})")
    print(f"load average: before {result['loadavg']['before']}, after {result['loadavg']['after']}")


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
            browser = launch(playwright)
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
    parser.add_argument("--strategy", choices=[*STRATEGIES, "year-end", "all"], default="all")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--units", type=int, default=UNITS, help="year-end: units of the cluster")
    parser.add_argument(
        "--criteria", type=int, default=CRITERIA, help="year-end: criteria of the table"
    )
    args = parser.parse_args()
    if args.strategy == "year-end":
        result = measure_year_end(args.repo, args.python, args.units, args.criteria)
        if args.json:
            print(json.dumps(result))
        else:
            print_year_end(result)
        sys.exit(0 if result["complete"] else 1)
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
