"""The QR code printed on an issued paper and the public address it opens.

The code is drawn as inline SVG markup (segno), so a PDF template puts it in place with
``|safe`` and WeasyPrint draws it without fetching anything."""

import segno
from django.conf import settings
from django.urls import reverse


def verification_url(code):
    """The public verification page of ``code`` on the address printed on papers
    (``PUBLIC_BASE_URL``, environment ``THIDUA_PUBLIC_BASE_URL``)."""
    return settings.PUBLIC_BASE_URL.rstrip("/") + reverse("verify:code", args=[code])


def qr_svg(url, *, size_mm=22):
    """``url`` as a QR code (error correction M, quiet zone included): an ``<svg>`` element
    ``size_mm`` millimetres wide, with no XML declaration and no external reference."""
    code = segno.make(url, error="m", micro=False)
    modules = code.symbol_size(scale=1)[0]
    return code.svg_inline(scale=size_mm / modules, unit="mm")
