import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "config" / "gunicorn.conf.py"


def test_gunicorn_takes_workers_bind_and_access_log_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:8765")
    monkeypatch.setenv("GUNICORN_ACCESS_LOG", "")

    conf = runpy.run_path(str(CONF))

    assert (conf["workers"], conf["bind"], conf["accesslog"]) == (2, "127.0.0.1:8765", None)
    assert conf["timeout"] == 30


def test_gunicorn_logs_access_to_stdout_by_default(monkeypatch):
    monkeypatch.delenv("GUNICORN_ACCESS_LOG", raising=False)

    assert runpy.run_path(str(CONF))["accesslog"] == "-"
