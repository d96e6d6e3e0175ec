"""The national-scale data set behind ``manage.py seed_scale`` and ``make bench``."""

from demo.scale.plan import Plan
from demo.scale.seed import BENCH_PASSWORD, seed_scale

__all__ = ["BENCH_PASSWORD", "Plan", "seed_scale"]
