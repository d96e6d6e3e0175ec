from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.demo_certificate import DEMO_MARK, DemoFiles, write_demo_certificate


class Command(BaseCommand):
    help = (
        f"Write the demo signing certificate ({DEMO_MARK}) under var/signing/, with which "
        "the development server signs papers. Does nothing when it is there already."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "demo_certificate is for development: production signs with the certificate "
                "named by THIDUA_SIGNING_P12."
            )
        folder = settings.SIGNING_DEMO_DIR
        if DemoFiles.in_folder(folder).exist():
            self.stdout.write(f"Demo signing certificate already in {folder}.")
            return
        files = write_demo_certificate(folder)
        self.stdout.write(
            self.style.SUCCESS(f"Demo signing certificate written: {files.p12}, {files.root}.")
        )
