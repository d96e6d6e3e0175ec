"""Build small .xlsx files in memory for the import tests."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile


def xlsx(rows, name="bang.xlsx"):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())


PAPER_TABLE = [
    ("BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA NĂM 2022",),
    ("Số TT", "Tiêu chí", "Điểm chuẩn", "Minh chứng"),
    ("I", "Thực hiện nhiệm vụ chuyên môn", 40),
    ("1", "Hoàn thành kế hoạch công tác năm", 30, "x"),
    ("2", "Gửi báo cáo định kỳ", 10),
    ("-", "Đúng hạn", 10),
    ("-", "Chậm 1–2 ngày", 5),
    ("II.", "Công tác thi đua, khen thưởng", 20),
    ("1", "Phát động phong trào thi đua", "20"),
    ("III", "Điểm thưởng", 5),
    ("1", "Có sáng kiến được công nhận", 5),
    ("IV", "Điểm trừ", 3),
    ("1", "Có cán bộ bị kỷ luật", 3),
]
