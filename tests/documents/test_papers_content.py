"""Each paper's PDF and DOCX say the same thing, in the layout of Decree 30/2020/NĐ-CP: the
header lines, the number and symbol (or the blank before issue), the units, the amounts, the
signer; what a person writes is printed as typed, HTML included, in both files."""

from io import BytesIO

import segno
from django.template.loader import render_to_string
from pypdf import PdfReader

from documents.papers.registry import paper_context, paper_data_version
from documents.papers.render import render_paper
from documents.services.papers import (
    achievement_report_for,
    paper_for_cluster_year,
    paper_for_decision,
    paper_for_upward_dossier,
    paper_update,
)
from emulation.models import AuditEntry
from tests.documents.conftest import docx_text, flat, pdf_text

HEADER = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def both(paper, **kwargs):
    files = render_paper(paper, **kwargs)
    return pdf_text(files.pdf), docx_text(files.docx)


def test_cover_submission_prints_its_header_number_votes_lines_and_signer(world, dossier):
    term_head = "Nguyễn Văn Bình"
    from clusters.models import LeadershipTerm

    LeadershipTerm.objects.create(
        cluster_year=dossier.cluster_year,
        head_unit=world.units[0],
        head_name=term_head,
        head_position="Hiệu trưởng",
        deputy_unit=world.units[1],
        deputy_name="Trần Phó",
        deputy_position="Giám đốc",
    )
    paper = paper_for_cluster_year(dossier.cluster_year, "cover_submission")

    for lines in both(paper, number_label="15/TTr-CTĐ2"):
        for line in [
            *HEADER,
            "BỘ TƯ PHÁP THỬ NGHIỆM",
            "CỤM THI ĐUA SỐ 2",
            "Số: 15/TTr-CTĐ2",
            "Hà Nội, ngày 20 tháng 12 năm 2021",
            "TỜ TRÌNH",
            "Kính gửi: Hội đồng Thi đua - Khen thưởng Bộ Tư pháp thử nghiệm.",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT, CTĐ2.",
            "TM. CỤM THI ĐUA SỐ 2",
            "CỤM TRƯỞNG",
            term_head,
        ]:
            assert line in lines, line
        text = flat(lines)
        assert "1 Trường số 1 2 66,67% Được suy tôn" in text
        assert "1 Trường số 1 Cờ thi đua cấp Bộ 66,67% 1" in text
        assert "3 Lê Thị Hoa (Trường số 2) Bằng khen của Bộ trưởng (cá nhân)" in text
        assert "- Báo cáo thành tích của Trường số 1 (đề nghị tặng Cờ thi đua cấp Bộ);" in text
        assert "- Biên bản Hội nghị tổng kết ngày 14 tháng 12 năm 2021;" in text


def test_a_paper_not_yet_issued_leaves_its_number_blank(world, dossier):
    paper = paper_for_cluster_year(dossier.cluster_year, "minutes")

    for lines in both(paper):
        number = next(line for line in lines if line.startswith("Số:"))
        assert number.endswith("/BB-CTĐ2") and number[3:-8].isspace(), number
        assert "BIÊN BẢN" in lines
        text = flat(lines)
        assert "Thời gian: ngày 14 tháng 12 năm 2021." in text
        assert "Chủ trì: Nguyễn Văn Chủ, Vụ trưởng." in text
        assert "Thành phần tham dự: 2/3 đơn vị thành viên có mặt." in text
        assert "3 Trường số 3 Đại diện Vắng mặt" in text
        assert "- Suy tôn Trường số 1 đề nghị tặng Cờ thi đua cấp Bộ (2/3 phiếu, đạt 66,67%)." in (
            text
        )
        assert "THƯ KÝ" in lines and "CHỦ TRÌ" in lines
        assert "Trần Thị Thư" in lines and "Nguyễn Văn Chủ" in lines


def test_decision_prints_its_annex_with_each_amount_and_the_total(world, dossier):
    paper = paper_for_decision(dossier.decision)

    for lines in both(paper, number_label="256/QĐ-BTP"):
        text = flat(lines)
        for line in [*HEADER, "BỘ TƯ PHÁP THỬ NGHIỆM", "Số: 256/QĐ-BTP", "QUYẾT ĐỊNH"]:
            assert line in lines, line
        assert "Hà Nội, ngày 20 tháng 01 năm 2022" in lines
        assert "BỘ TRƯỞNG BỘ TƯ PHÁP THỬ NGHIỆM" in lines
        assert "QUYẾT ĐỊNH:" in lines
        assert "KT. BỘ TRƯỞNG" in lines and "THỨ TRƯỞNG" in lines
        assert "Phạm Quốc Hùng" in lines
        assert "1 Trường số 1 Cờ thi đua cấp Bộ 11.920.000" in text
        assert "2 Lê Thị Hoa (Trường số 2) Bằng khen của Bộ trưởng (cá nhân) 1.490.000" in text
        assert "Tổng cộng 13.410.000" in text
        assert (
            "(Kèm theo Quyết định số 256/QĐ-BTP ngày 20 tháng 01 năm 2022 của Bộ trưởng Bộ Tư "
            "pháp thử nghiệm)"
        ) in text


def test_upward_submission_names_its_lines_and_the_council_figures(world, dossier):
    paper = paper_for_upward_dossier(dossier.upward)

    for lines in both(paper):
        text = flat(lines)
        assert "Kính gửi: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)." in text
        assert "Về việc đề nghị Thủ tướng Chính phủ khen thưởng năm 2021" in text
        assert "1 Trường số 1 Cụm thi đua số 2 Cờ thi đua của Chính phủ 8/9 thành viên đồng ý" in (
            text
        )
        assert "Hà Nội, ngày 15 tháng 3 năm 2022" in lines


def test_achievement_reports_follow_the_collective_and_the_individual_forms(world, dossier):
    collective = achievement_report_for(dossier.collective)
    individual = achievement_report_for(dossier.individual)

    for lines in both(collective):
        text = flat(lines)
        assert lines[:2] == ["BỘ TƯ PHÁP THỬ NGHIỆM", "TRƯỜNG SỐ 1"]
        assert "BÁO CÁO THÀNH TÍCH" in lines
        for heading in [
            "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN",
        ]:
            assert heading in lines, heading
        assert "Dẫn đầu Cụm thi đua số 2 năm 2021." in text
        assert "Được bình xét, suy tôn với tỷ lệ 66,67% số thành viên có quyền bỏ phiếu." in text
        assert "THỦ TRƯỞNG ĐƠN VỊ" in lines
    for lines in both(individual):
        text = flat(lines)
        for heading in [
            "I. THÔNG TIN CHUNG",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        ]:
            assert heading in lines, heading
        assert "- Họ và tên: Lê Thị Hoa" in lines
        assert "- Giới tính: Nữ" in lines
        assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in lines
        assert lines.count("Lê Thị Hoa") == 1  # the signer, under the signature space
        assert "Chưa có." in lines  # no award recorded before this one


def test_what_a_person_types_is_printed_in_both_files_as_typed(world, dossier):
    paper = achievement_report_for(dossier.collective)
    typed = "Trường có <b>120</b> cán bộ & <script>alert(1)</script> giảng viên."

    paper = paper_update(
        paper=paper,
        user=world.users.secretary,
        data={"sections": {"situation": typed}, "signer_name": "Nguyễn Hiệu Trưởng"},
        version=paper.version,
    )

    pdf, docx = both(paper)
    assert typed in pdf and typed in docx
    assert "Nguyễn Hiệu Trưởng" in pdf and "Nguyễn Hiệu Trưởng" in docx
    html = render_to_string(paper_context(paper)["template"], paper_context(paper))
    assert "&lt;b&gt;120&lt;/b&gt;" in html and "<script>" not in html
    entry = AuditEntry.objects.get(action="paper_update")
    assert entry.after["sections"] == {"situation": typed}


def test_the_verification_code_and_qr_close_the_last_page(world, dossier):
    paper = paper_for_cluster_year(dossier.cluster_year, "cover_submission")
    url = "https://thidua.example/v/ABCDEFGH2345"
    verification = {
        "code": "ABCDEFGH2345",
        "url": url,
        "qr_svg": segno.make(url).svg_inline(scale=2),
    }

    files = render_paper(paper, number_label="15/TTr-CTĐ2", verification=verification)

    foot = ["Mã xác thực: ABCDEFGH2345", f"Kiểm tra tại: {url}"]
    last_page = PdfReader(BytesIO(files.pdf)).pages[-1].extract_text().splitlines()
    assert [line for line in last_page if not line.strip().isdigit()][-2:] == foot
    assert docx_text(files.docx)[-2:] == foot
    html = render_to_string(
        "documents/papers/cover_submission.html",
        paper_context(paper, verification=verification),
    )
    assert html.count('id="signature-area"') == 1 and "<svg" in html
    # the code differs from version to version; the data do not
    assert files.data_version == render_paper(paper, number_label="15/TTr-CTĐ2").data_version


def test_data_version_follows_the_data(world, dossier):
    paper = achievement_report_for(dossier.individual)
    before = paper_data_version(paper_context(paper))
    assert before == paper_data_version(paper_context(paper))

    paper = paper_update(
        paper=paper,
        user=world.users.secretary,
        data={"sections": {"duties": "Giảng dạy."}},
        version=paper.version,
    )

    assert paper_data_version(paper_context(paper)) != before
    assert paper_data_version(paper_context(paper, number_label="3/BC-CTĐ2")) != (
        paper_data_version(paper_context(paper))
    )
