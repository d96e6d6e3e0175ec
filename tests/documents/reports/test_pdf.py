"""The PDF looks like an official document (Decree 30/2020, docs/domain.md §5) and fetches
nothing but the app's own fonts and stylesheet."""

import datetime
import re
import subprocess
from decimal import Decimal
from io import BytesIO

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from documents import pdf
from documents.reports.data import document_settings, report_context, report_data
from documents.templatetags.reports import document_date, recipient_lines
from emulation.demo import CLUSTER_2_UNITS
from tests.documents.reports.conftest import (
    HEAD_NAME,
    NEXT_HEAD_NAME,
    build_cluster_year,
    pdf_text,
)

A4 = (595.28, 841.89)
STATIC_URL = pdf.STATIC_DIR.as_uri()
OWN_FILES = {
    f"{STATIC_URL}/css/report_pdf.css",
    f"{STATIC_URL}/fonts/LiberationSerif-Regular.ttf",
    f"{STATIC_URL}/fonts/LiberationSerif-Bold.ttf",
    f"{STATIC_URL}/fonts/LiberationSerif-Italic.ttf",
    f"{STATIC_URL}/fonts/LiberationSerif-BoldItalic.ttf",
}


@pytest.fixture
def cluster_pdf(cluster2):
    return pdf.report_pdf(report_context(cluster2.report))


def test_pdf_has_the_official_header_title_and_closing(cluster_pdf, tmp_path):
    text = pdf_text(cluster_pdf, tmp_path)

    for line in [
        "BỘ TƯ PHÁP",
        "CỤM THI ĐUA SỐ 2",
        "Số: 12/BC-CTĐ2",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 14 tháng 12 năm 2020",
        "BÁO CÁO",
        "Nơi nhận:",
        "- Các đơn vị thành viên Cụm;",
        "- Lưu: VT, CTĐ2.",
        "TM. CỤM THI ĐUA SỐ 2",
        "CỤM TRƯỞNG",
    ]:
        assert line in text.splitlines(), line
    summary = "Tổng kết công tác thi đua, khen thưởng năm 2020 và phương hướng, nhiệm vụ năm 2021"
    assert summary in " ".join(text.split())


def test_pdf_names_the_cluster_its_ten_units_and_its_leaders(cluster_pdf, tmp_path):
    text = pdf_text(cluster_pdf, tmp_path)

    assert "1. Thành viên Cụm thi đua số 2 (10 đơn vị)" in text
    for name, _short, _kind in CLUSTER_2_UNITS:
        assert name in text, name
    flat = " ".join(text.split())
    assert f"Cụm trưởng: Học viện Tư pháp, do đồng chí {HEAD_NAME}, Giám đốc đại diện." in flat
    assert (
        f"Cụm trưởng: Trường Cao đẳng Luật miền Bắc, do đồng chí {NEXT_HEAD_NAME}, "
        "Quyền Hiệu trưởng đại diện."
    ) in flat
    assert text.splitlines().count(HEAD_NAME) == 1  # the signer, under the signature space


def test_pdf_is_a4_pdfa_with_every_font_embedded(cluster_pdf, tmp_path):
    reader = PdfReader(BytesIO(cluster_pdf))

    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert {name.split("+")[1] for name in fonts} == {
        "Liberation-Serif",
        "Liberation-Serif-Bold",
        "Liberation-Serif-Italic",
        "Liberation-Serif-Bold-Italic",
    }
    for name, font in fonts.items():
        descendant = font
        if font["/Subtype"] == "/Type0":
            descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), name
    metadata = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3" pdfaid:conformance="B"' in metadata
    target = tmp_path / "report.pdf"
    target.write_bytes(cluster_pdf)
    assert subprocess.run(["qpdf", "--check", str(target)], capture_output=True).returncode == 0


def test_page_numbers_are_at_the_top_from_page_two(cluster_pdf, tmp_path):
    top_margin = {"x": 0, "y": 0, "W": 595, "H": 57}  # the 20 mm above the text

    assert pdf_text(cluster_pdf, tmp_path, first=1, last=1, crop=top_margin).split() == []
    assert pdf_text(cluster_pdf, tmp_path, first=2, last=2, crop=top_margin).split() == ["2"]
    assert pdf_text(cluster_pdf, tmp_path, first=3, last=3, crop=top_margin).split() == ["3"]
    assert pdf_text(cluster_pdf, tmp_path, first=1, last=1).split()[:3] == ["BỘ", "TƯ", "PHÁP"]


def test_the_workers_warm_up_loads_the_reports_own_files_and_nothing_else():
    from django.template import engines

    loader = engines["django"].engine.template_loaders[0]  # the cached loader
    loader.reset()
    calls = []
    size = pdf.warm_up(url_fetcher=pdf.static_url_fetcher(calls))
    assert size > 1000
    assert set(calls) == OWN_FILES  # the stylesheet and every font face a report uses
    compiled = {key.split("-")[0] for key in loader.get_template_cache}
    assert {"documents/report_pdf.html", "documents/reports/_pdf_awards.html"} <= compiled


def test_narrative_markup_and_links_print_as_text_and_fetch_nothing(cluster2, tmp_path):
    cluster2.report.results = (
        '<b>in đậm</b> <img src="file:///etc/passwd">\n\n'
        '<link rel="stylesheet" href="http://example.com/x.css">\n\n'
        "<style>@import url(http://example.com/y.css);</style>"
    )
    cluster2.report.lessons = "Xem http://example.com/a.png và file:///etc/hostname"
    calls = []

    content = pdf.report_pdf(
        report_context(cluster2.report), url_fetcher=pdf.static_url_fetcher(calls)
    )

    assert set(calls) == OWN_FILES
    text = pdf_text(content, tmp_path)
    assert '<b>in đậm</b> <img src="file:///etc/passwd">' in text
    assert '<link rel="stylesheet" href="http://example.com/x.css">' in text
    assert "<style>@import url(http://example.com/y.css);</style>" in text
    assert "Xem http://example.com/a.png và file:///etc/hostname" in text


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/font.ttf",
        "https://example.com/report_pdf.css",
        "file:///etc/passwd",
        f"{STATIC_URL}/fonts/../../manage.py",
        f"{STATIC_URL}/vendor/htmx.min.js",
        "file://evil.example.com/static/fonts/LiberationSerif-Regular.ttf",
        "data:text/css,body{}",
        "ftp://example.com/x",
    ],
)
def test_url_fetcher_refuses_everything_but_own_fonts_and_css(url):
    fetcher = pdf.static_url_fetcher()

    with pytest.raises(pdf.RefusedURL):
        fetcher.fetch(url)


def test_url_fetcher_serves_the_shipped_font():
    response = pdf.static_url_fetcher().fetch(f"{STATIC_URL}/fonts/LiberationSerif-Regular.ttf")

    assert response.read()[:4] == b"\x00\x01\x00\x00"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2020, 12, 14), "ngày 14 tháng 12 năm 2020"),
        (datetime.date(2021, 2, 4), "ngày 04 tháng 02 năm 2021"),
        (datetime.date(2021, 1, 25), "ngày 25 tháng 01 năm 2021"),
    ],
)
def test_document_dates_take_leading_zeros(day, expected):
    assert document_date(day) == expected


def test_a_missing_date_leaves_room_to_write_it():
    assert (
        document_date(None, 2020)
        == "ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng" + ("\u00a0" * 6) + "năm 2020"
    )


def test_recipients_end_with_a_semicolon_and_the_archive_line_with_a_full_stop():
    lines = recipient_lines("- Vụ TĐKT (để b/c);\nCác đơn vị\n\nLưu: VT, CTĐ2")

    assert lines == ["Vụ TĐKT (để b/c);", "Các đơn vị;", "Lưu: VT, CTĐ2."]


def test_document_settings_default_from_cluster_and_leadership(cluster2):
    report = cluster2.report
    report.superior_body = report.number = report.place = ""

    settings = document_settings(report, report_data(report))

    assert {k: settings[k] for k in settings if k != "recipients"} == {
        "superior_body": "BỘ TƯ PHÁP THỬ NGHIỆM",
        "issuing_body": "CỤM THI ĐUA SỐ 2",
        "number": "/BC-CTĐ2",
        "place": "Hà Nội",
        "issued_on": datetime.date(2020, 12, 14),
        "summary": "Tổng kết công tác thi đua, khen thưởng năm 2020 "
        "và phương hướng, nhiệm vụ năm 2021",
        "signer_on_behalf": "TM. CỤM THI ĐUA SỐ 2",
        "signer_title": "CỤM TRƯỞNG",
        "signer_name": HEAD_NAME,
    }
    assert settings["recipients"].splitlines()[-1] == "Lưu: VT, CTĐ2"


def test_ranking_caps_groups_bonus_and_penalty_and_shows_ties(cluster2):
    ranking = report_data(cluster2.report)["ranking"]

    assert [(r["rank"], r["unit"], r["total"], r["tie"]) for r in ranking[:4]] == [
        (1, "Học viện Tư pháp", Decimal("65"), True),
        (1, "Trường Đại học Luật Hà Nội", Decimal("65"), True),
        (3, "Báo Pháp luật Việt Nam", Decimal("64"), False),
        (4, "Viện Khoa học pháp lý", Decimal("63"), False),
    ]
    assert ranking[-1]["unit"] == "Trường Cao đẳng Luật miền Nam"
    assert ranking[-1]["total"] == Decimal("57")


def test_the_report_dates_in_vietnamese_whatever_the_readers_language(cluster2, tmp_path):
    with translation.override("en"):
        content = pdf.report_pdf(report_context(cluster2.report))

    text = " ".join(pdf_text(content, tmp_path).split())
    assert "15/01/2020" in text  # the pledge's signatures
    assert "15 Jan 2020" not in text


def test_the_report_chart_draws_the_bars_of_the_ranking_page(world, cluster2, client_as):
    """One chart geometry (``ranking_chart``) for the page and the report: every bar is as
    long, as a share of the top total, on both."""
    page = (
        client_as("leader")
        .get(reverse("clusters:ranking", args=[world.cluster.pk, 2020]))
        .content.decode()
    )
    with translation.override("vi"):
        report = render_to_string("documents/report_pdf.html", report_context(cluster2.report))

    page_bars = [float(w) for w in re.findall(r'class="chart-bar"[^>]* width="([\d.]+)"', page)]
    report_bars = [int(w) for w in re.findall(r'<rect fill="#555555"[^>]* width="(\d+)"', report)]
    assert len(page_bars) == len(report_bars) == 10
    assert (page_bars[0], report_bars[0]) == (100.0, 300)  # the top total: the whole plot
    # each bar's share of the plot, to the page's one decimal and the report's whole pixel
    assert [width / 300 for width in report_bars] == pytest.approx(
        [percent / 100 for percent in page_bars], abs=0.005
    )


def test_ministry_wide_report_lists_every_cluster_with_leaders_and_top_unit(
    world, cluster2, tmp_path
):
    from documents.models import YearEndReport

    report = YearEndReport.objects.create(
        kind=YearEndReport.Kind.MINISTRY, ministry=world.ministry, year=2020
    )

    data = report_data(report)

    assert data["clusters"] == [
        {
            "cluster": "Cụm thi đua số 2",
            "member_count": 10,
            "leaders": data["clusters"][0]["leaders"],
            "top": [
                {"unit": "Học viện Tư pháp", "total": Decimal("65")},
                {"unit": "Trường Đại học Luật Hà Nội", "total": Decimal("65")},
            ],
        }
    ]
    assert data["clusters"][0]["leaders"]["head_name"] == HEAD_NAME
    text = pdf_text(pdf.report_pdf(report_context(report)), tmp_path)
    flat = " ".join(text.split())
    assert "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG CHỦ TỊCH" in flat
    assert "Tổng kết công tác thi đua, khen thưởng năm 2020 của các cụm, khối thi đua" in flat
    assert "Học viện Tư pháp (65);" in flat  # the first of the two leading units


def test_a_table_that_spans_pages_repeats_its_header_row(world, tmp_path):
    names = [f"Đơn vị thử nghiệm {i:02d}" for i in range(1, 46)]
    built = build_cluster_year(world, 2019, names)

    content = pdf.report_pdf(report_context(built.report))

    page_two = [line for line in pdf_text(content, tmp_path, first=2, last=2).splitlines() if line]
    first_row = next(i for i, line in enumerate(page_two) if line.startswith("Đơn vị thử"))
    assert page_two[:first_row] == ["2", "TT", "Đơn vị", page_two[first_row - 1]]
    assert page_two[first_row] == f"Đơn vị thử nghiệm {int(page_two[first_row - 1]):02d}"
    assert page_two[first_row] != names[0]  # the table continues from page one
