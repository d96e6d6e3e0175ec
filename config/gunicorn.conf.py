"""gunicorn settings for thidua, from the environment (``gunicorn -c config/gunicorn.conf.py
config.wsgi``). Sync workers: each serves one request at a time, so WEB_CONCURRENCY is the
number of requests served at once; put a buffering proxy (nginx) in front for slow clients."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))  # heavy work (PDFs) runs in Celery
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
# Load the app once in the master: faster worker starts, copy-on-write memory.
preload_app = True
# Behind a proxy on the same host; list the proxy's address when it is elsewhere.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# "-" = stdout (journald under systemd); empty = no access log (benchmarks).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
