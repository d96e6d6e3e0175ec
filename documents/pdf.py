"""Official documents as PDF (Decree 30/2020/NĐ-CP layout): data in, bytes out.

WeasyPrint is imported inside the functions (it is heavy). It may read only the app's own
fonts and PDF stylesheet, by path: no http(s), no file outside those folders, no data: URL,
so nothing a user typed can make the renderer fetch anything."""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

# WeasyPrint logs every layout step at INFO: keep its warnings only.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

STATIC_DIR = Path(settings.BASE_DIR) / "static"
ALLOWED_DIRS = (STATIC_DIR / "fonts", STATIC_DIR / "css")


class RefusedURL(ValueError):
    """The renderer asked for something outside the app's fonts and stylesheets."""


def allowed_path(url):
    """The local file a ``file:`` URL names, if it lies under an allowed folder."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"refused: {url}")
    path = Path(unquote(parts.path)).resolve()
    if not any(path.is_relative_to(folder.resolve()) for folder in ALLOWED_DIRS):
        raise RefusedURL(f"refused: {url}")
    if not path.is_file():
        raise RefusedURL(f"missing: {url}")
    return path


def static_url_fetcher(calls=None):
    """A WeasyPrint URL fetcher limited to ``allowed_path``; ``calls`` (a list), when
    given, records every URL it was asked for."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if calls is not None:
                calls.append(url)
            path = allowed_path(url)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, path.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticOnlyFetcher(allowed_protocols=["file"])


PDF_VARIANT = "pdf/a-3b"
SIGNATURE_AREA_ID = "signature-area"
PT_PER_PX = 0.75  # CSS px are 1/96 in, PDF points 1/72 in


def _html(template_name, context, url_fetcher):
    from weasyprint import HTML

    with translation.override("vi"):
        html = render_to_string(template_name, context)
    return HTML(
        string=html,
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=url_fetcher or static_url_fetcher(),
    )


def render_pdf(template_name, context, *, url_fetcher=None):
    """Render a template with print CSS to PDF/A-3b bytes, fonts embedded."""
    return _html(template_name, context, url_fetcher).write_pdf(pdf_variant=PDF_VARIANT)


def element_box(page, element_id):
    """Where the element with this id lies on a laid-out WeasyPrint page: its border box as
    PDF points ``(x1, y1, x2, y2)`` from the page's bottom left, or None if it is not there."""
    for box in page._page_box.descendants():
        element = getattr(box, "element", None)
        if element is not None and element.get("id") == element_id:
            x, y = box.border_box_x(), box.border_box_y()
            bottom = page.height - y - box.border_height()
            return tuple(
                round(value * PT_PER_PX, 2)
                for value in (x, bottom, x + box.border_width(), page.height - y)
            )
    return None


def render_pdf_with_box(template_name, context, *, url_fetcher=None):
    """``render_pdf``, and where the signature area (the element ``id="signature-area"``)
    lies on the last page, for the visible signature (documents.signing): ``(bytes, box)``,
    box in PDF points as ``element_box`` gives it, None when the last page has none."""
    document = _html(template_name, context, url_fetcher).render(pdf_variant=PDF_VARIANT)
    box = element_box(document.pages[-1], SIGNATURE_AREA_ID)
    return document.write_pdf(pdf_variant=PDF_VARIANT), box


WARM_UP_HTML = (
    '<link rel="stylesheet" href="css/report_pdf.css">'
    "<p>Cộng hòa xã hội chủ nghĩa Việt Nam <b>Độc lập</b> <i>Tự do</i> <b><i>Hạnh phúc</i></b></p>"
)


REPORT_TEMPLATES = Path(__file__).parent / "templates" / "documents"


def warm_up(*, url_fetcher=None):
    """Import WeasyPrint, load the report's stylesheet and its four font faces, make a PDF/A
    as the reports are made, compile the report's templates and load the Vietnamese
    catalogue once, in a worker process as it starts (config/celery.py), so that its first
    report costs what the others do. Returns the size of the throwaway PDF."""
    from django.template.loader import get_template
    from weasyprint import HTML

    for path in sorted(REPORT_TEMPLATES.glob("report*.html")) + sorted(
        (REPORT_TEMPLATES / "reports").glob("_pdf_*.html")
    ):
        get_template(str(path.relative_to(REPORT_TEMPLATES.parent)))
    with translation.override("vi"):
        translation.gettext("Thi đua, khen thưởng")
    document = HTML(
        string=WARM_UP_HTML,
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=url_fetcher or static_url_fetcher(),
    )
    return len(document.write_pdf(pdf_variant=PDF_VARIANT))


def report_pdf(context, *, url_fetcher=None):
    """The year-end report (``documents.reports.data.report_context``) as PDF bytes."""
    return render_pdf("documents/report_pdf.html", context, url_fetcher=url_fetcher)
