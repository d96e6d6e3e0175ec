from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from demo.core import ACCOUNTS

# Each step is idempotent and builds on the ones before it.
STEPS = [
    "demo.core.seed_core",
    "clusters.year_start.demo.seed_cluster_year_start",  # leadership, rotation, pledges
    "clusters.evaluation.demo.seed_evaluation",  # scoring, vote, minutes
    # proposals, review, decisions
    "awards.demo.seed_awards",
    # year-end reports
    "documents.demo.seed_reports",
    # the papers of every proposal, issued (numbered, signed under `make run`)
    "documents.demo_papers.seed_papers",
]


class Command(BaseCommand):
    help = "Load the demo data (Bộ Tư pháp, Cụm thi đua số 2). Safe to run again."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo sets known passwords: it refuses to run in production.")
        with transaction.atomic():
            for step in STEPS:
                import_string(step)()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready. Demo logins (password: {settings.DEMO_PASSWORD}):"
            )
        )
        for username, full_name, role, cluster in ACCOUNTS:
            scope = f"Cụm thi đua số {cluster}" if cluster else "Bộ Tư pháp"
            self.stdout.write(f"  {username:<12} {role.label} – {scope} ({full_name})")
