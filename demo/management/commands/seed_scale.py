import time

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from demo.scale import BENCH_PASSWORD, Plan, seed_scale
from emulation.models import Ministry


class Command(BaseCommand):
    help = (
        "Fill an empty database with the national-scale data set (100 ministries x 20 "
        "clusters x 10 units x 10 years, 8 million scores at --scale 1) for the benchmark."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="size factor (default 1)")
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="do nothing when the database already holds exactly this scale's data set",
        )

    def handle(self, *args, scale, reuse, **options):
        if not settings.DEBUG:
            raise CommandError("seed_scale sets known passwords: it refuses to run in production.")
        try:
            plan = Plan.for_scale(scale, last_year=timezone.localdate().year)
        except ValueError as error:
            raise CommandError(f"--scale: {error}") from error
        if Ministry.objects.exists():
            if reuse and self._holds(plan):
                self.stdout.write(f"The database already holds the data set of scale {scale}.")
                return
            raise CommandError(
                f"The database already holds {Ministry.objects.count()} ministries; seed_scale "
                "fills an empty one. Create and migrate a fresh database (e.g. "
                "createdb thidua_national) and point DATABASE_URL at it."
            )
        self.stdout.write(
            f"Scale {scale}: {plan.ministries} ministries x {plan.clusters} clusters x "
            f"{plan.units} units x {plan.years} years ({plan.year_range.start}–"
            f"{plan.year_range.stop - 1}), {plan.scores:,} scores."
        )
        started = time.monotonic()
        counts = seed_scale(plan, log=self.stdout.write)
        total = sum(counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"{total:,} rows in {time.monotonic() - started:.1f} s{self._size()}. "
                f"Accounts bench.001.vu, bench.001.lanhdao, bench.001.cum01 … "
                f"(password: {BENCH_PASSWORD})."
            )
        )

    def _holds(self, plan):
        return all(
            apps.get_model(label).objects.count() == expected
            for label, expected in plan.expected_counts().items()
        )

    def _size(self):
        if connection.vendor != "postgresql":
            return ""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            return f"; database size {cursor.fetchone()[0]}"
