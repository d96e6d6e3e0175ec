"""Settings of the benchmark only (`make bench`, bench/run.py): production settings plus the
bare view `/bench/bare/` (config/bench_urls.py), the floor the pages are measured against.
Production never loads this module."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
