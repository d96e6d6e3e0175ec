"""Demo data for the year-end reports: the narrative of Cụm thi đua số 2's 2020 report and
a ministry-wide 2020 report. No PDF is generated here: the leader asks for it.

From the news report of 14/12/2020: the organisation and results (Covid-19, movements run on
the ministry's 2020 plan), the shortcomings (Covid-19, part-time emulation staff, generic
movements), and Vice-Minister Nguyễn Thanh Tịnh's direction for 2021. Invented for the demo:
the document number, the lessons, and the whole ministry-wide narrative."""

import datetime

from clusters.models import ClusterYear
from documents.models import YearEndReport
from emulation.demo import MINISTRY
from emulation.models import Ministry

YEAR = 2020

CLUSTER_2_NARRATIVE = {
    "organisation": (
        "Công tác thi đua của Cụm đã được triển khai kịp thời, bám sát Kế hoạch phát động "
        "phong trào thi đua năm 2020 do Bộ Tư pháp ban hành. Việc tổ chức triển khai các "
        "phong trào thi đua đảm bảo kịp thời, nề nếp, trở thành hoạt động thường xuyên của "
        "đơn vị.\n\n"
        "Trên cơ sở chức năng, nhiệm vụ được giao và đặc thù riêng của từng đơn vị, các đơn "
        "vị đã phát động, tổ chức thực hiện các phong trào thi đua với những nội dung, hình "
        "thức thiết thực, phù hợp, hiệu quả. Lãnh đạo các đơn vị quan tâm sâu sắc đến công "
        "tác thi đua, khen thưởng, nêu cao trách nhiệm trong lãnh đạo, chỉ đạo, tổ chức quán "
        "triệt và triển khai sâu rộng các chủ trương, chính sách của Đảng, pháp luật của "
        "Nhà nước."
    ),
    "results": (
        "Năm 2020, trong bối cảnh diễn biến phức tạp của dịch Covid-19, các đơn vị trong Cụm "
        "đã triển khai kịp thời, nghiêm túc các giải pháp phòng chống dịch bệnh, đồng thời vẫn "
        "duy trì hiệu quả hoạt động chính trị, chuyên môn của đơn vị và đạt được nhiều kết quả "
        "quan trọng; duy trì và thực hiện nghiêm túc kỷ luật, kỷ cương hành chính, tăng cường "
        "đoàn kết, chăm lo tốt đời sống cho công chức, viên chức, người lao động."
    ),
    "shortcomings": (
        "Bên cạnh những kết quả đã đạt được, phong trào thi đua của Cụm còn một số tồn tại, "
        "hạn chế:\n"
        "- do tác động của dịch bệnh Covid-19;\n"
        "- cán bộ làm công tác thi đua, khen thưởng của các đơn vị chủ yếu là kiêm nhiệm nên "
        "còn thiếu tính chủ động;\n"
        "- các phong trào thi đua còn mang tính chung nhất, chưa tạo được sự khác biệt."
    ),
    # Invented for the demo: the news report gives no lessons.
    "lessons": (
        "Phong trào thi đua chỉ thực chất khi gắn với nhiệm vụ chuyên môn cụ thể của từng "
        "đơn vị; cần bố trí cán bộ theo dõi công tác thi đua ổn định và thường xuyên trao đổi "
        "kinh nghiệm giữa các đơn vị trong Cụm. (Nội dung minh họa của bản demo.)"
    ),
    "direction": (
        "Thực hiện chỉ đạo của Thứ trưởng Nguyễn Thanh Tịnh tại Hội nghị, năm 2021 các đơn vị "
        "cần coi thi đua, khen thưởng là nhiệm vụ đặc biệt quan trọng, mang tính chiến lược, "
        "là giải pháp thực hiện thắng lợi nhiệm vụ chuyên môn. Việc triển khai các phong trào "
        "thi đua của Bộ, ngành, của Cụm cần thực chất, hiệu quả, gắn với việc đẩy mạnh học "
        "tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh bằng các hoạt động cụ thể, "
        "thiết thực.\n\n"
        "Đổi mới nội dung, hình thức các phong trào thi đua để bám sát nhiệm vụ chính trị của "
        "Bộ, ngành; đổi mới phương thức đánh giá kết quả thi đua, khen thưởng bảo đảm kịp thời, "
        "khách quan; chú ý khen thưởng đột xuất; quan tâm bồi dưỡng gương điển hình tiên tiến; "
        "đẩy mạnh truyền thông các gương điển hình, mô hình hay, cách làm hiệu quả. Tăng cường "
        "theo dõi, kiểm tra, giám sát, tránh tình trạng thi đua hình thức, hời hợt."
    ),
}

# Invented for the demo: the ministry-wide narrative.
MINISTRY_NARRATIVE = {
    "organisation": (
        "Các cụm, khối thi đua thuộc Bộ đã tổ chức hội nghị tổng kết công tác thi đua, khen "
        "thưởng năm 2020 và ký kết giao ước thi đua năm 2021. (Nội dung minh họa của bản demo.)"
    ),
    "results": "Tổng hợp kết quả của từng cụm, khối thi đua được nêu tại bảng dưới đây.",
    "shortcomings": (
        "Dịch bệnh Covid-19 ảnh hưởng đến việc tổ chức các hoạt động thi đua; cán bộ làm công "
        "tác thi đua, khen thưởng ở nhiều đơn vị là kiêm nhiệm."
    ),
    "lessons": "",
    "direction": (
        "Coi thi đua, khen thưởng là nhiệm vụ đặc biệt quan trọng, mang tính chiến lược; đổi "
        "mới nội dung, hình thức và phương thức đánh giá các phong trào thi đua."
    ),
}


def seed_reports():
    ministry = Ministry.objects.get(name=MINISTRY)
    cluster_year = ClusterYear.objects.get(cluster__ministry=ministry, cluster__number=2, year=YEAR)
    YearEndReport.objects.get_or_create(
        cluster_year=cluster_year,
        defaults={
            "kind": YearEndReport.Kind.CLUSTER,
            "ministry": ministry,
            "year": YEAR,
            "number": "12/BC-CTĐ2",  # invented: the news report gives no number
            "place": "Hà Nội",
            "issued_on": datetime.date(2020, 12, 14),
            **CLUSTER_2_NARRATIVE,
        },
    )
    YearEndReport.objects.get_or_create(
        kind=YearEndReport.Kind.MINISTRY,
        ministry=ministry,
        year=YEAR,
        defaults={
            "number": "35/BC-HĐTĐKT",  # invented
            "place": "Hà Nội",
            "issued_on": datetime.date(2020, 12, 30),  # invented
            **MINISTRY_NARRATIVE,
        },
    )
