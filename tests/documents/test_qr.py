"""The QR code printed on a paper: the public address of its code, drawn as inline SVG that
WeasyPrint renders without fetching anything."""

import io

import pypdf

from documents.pdf import static_url_fetcher
from documents.qr import qr_svg, verification_url


def test_the_address_is_built_on_the_public_base_url(settings):
    settings.PUBLIC_BASE_URL = "https://thidua.example.gov.vn/"
    assert verification_url("ABCDEFGHJKMN") == "https://thidua.example.gov.vn/v/ABCDEFGHJKMN/"


def test_the_default_public_base_url_is_the_local_server():
    assert verification_url("ABCDEFGHJKMN") == "http://127.0.0.1:8000/v/ABCDEFGHJKMN/"


def test_the_qr_code_is_an_svg_element_of_the_asked_size_with_nothing_to_fetch():
    svg = qr_svg("http://127.0.0.1:8000/v/ABCDEFGHJKMN/", size_mm=20)
    assert svg.startswith('<svg width="20.0mm" height="20.0mm"')
    assert svg.endswith("</svg>")
    assert "<?xml" not in svg and "href" not in svg and "<script" not in svg


def test_weasyprint_draws_it_in_a_pdf_without_fetching_anything():
    from weasyprint import HTML

    calls = []
    svg = qr_svg("http://127.0.0.1:8000/v/ABCDEFGHJKMN/")
    pdf = HTML(string=f"<p>{svg}</p>", url_fetcher=static_url_fetcher(calls)).write_pdf()
    assert pdf.startswith(b"%PDF-") and calls == []
    strokes = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()
    assert strokes.count(b" l\n") > 100  # the dark modules, drawn as lines
