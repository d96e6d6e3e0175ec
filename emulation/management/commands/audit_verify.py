from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from emulation.audit import audit_verify


class Command(BaseCommand):
    help = (
        "Walk the audit trail's hash chain and report the first broken link "
        "(exit status 1), or that every entry holds."
    )

    def handle(self, *args, **options):
        checked, broken = audit_verify()
        if broken is None:
            self.stdout.write(
                self.style.SUCCESS(f"Nhật ký toàn vẹn: {checked} mục, mọi mắt xích đều khớp.")
            )
            return
        entry, problem = broken
        raise CommandError(
            f"Nhật ký bị phá vỡ ở mục #{entry.pk} "
            f"({timezone.localtime(entry.at):%d/%m/%Y %H:%M:%S}, {entry.action}, "
            f"{entry.object_repr}): {problem}. {checked} mục trước đó khớp.",
            returncode=1,
        )
