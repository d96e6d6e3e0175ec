"""Building one ``ReportVersion``'s PDF through the shared pipeline (``documents.pipeline``:
leases, takeover of dead builds, idempotent storing). Called by the Celery task."""

from documents import pdf, pipeline
from documents.models import ReportVersion
from documents.reports.data import report_context, report_data_version

RELATED = ("report__ministry", "report__cluster_year__cluster__ministry")


def versions_to_resume(now=None):
    return pipeline.versions_to_resume(ReportVersion, now)


def _render(version):
    data_version = report_data_version(version.report)  # before the data it labels
    context = report_context(version.report)
    content = pdf.report_pdf(context)
    name = f"{version.report_id}/{version.request_id}.pdf"
    return pipeline.Built(files={"file": (name, content)}, data_version=data_version)


def report_version_build(*, version_id, last_attempt=True):
    """Render the report and store the file, its checksum and the data version."""
    return pipeline.build(
        ReportVersion,
        version_id=version_id,
        render=_render,
        related=RELATED,
        last_attempt=last_attempt,
    )
