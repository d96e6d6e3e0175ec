"""The legal regimes of docs/domain.md §4.1 and the award catalogue of each, as editable data."""

import datetime
from decimal import Decimal

from django.db import migrations

REGIMES = [
    {
        "code": "luat-2003-nd-91-2017",
        "name": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP",
        "law_citation": "Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2013",
        "decree_citation": "Nghị định số 91/2017/NĐ-CP",
        "valid_from": datetime.date(2017, 10, 1),
        "collective_advanced_share": 50,
        "articles": {
            "cstd-toan-quoc": "Điều 21", "cstd-bo": "Điều 22", "cstd-co-so": "Điều 23",
            "lao-dong-tien-tien": "Điều 24", "co-thi-dua-chinh-phu": "Điều 25",
            "co-thi-dua-bo": "Điều 26", "tt-lao-dong-xuat-sac": "Điều 27",
            "tt-lao-dong-tien-tien": "Điều 28", "bang-khen-ttg": "Điều 38",
            "bang-khen-bo": "Điều 39",
        },
    },
    {
        "code": "luat-2022-nd-98-2023",
        "name": "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP",
        "law_citation": "Luật Thi đua, khen thưởng số 06/2022/QH15",
        "decree_citation": "Nghị định số 98/2023/NĐ-CP",
        "valid_from": datetime.date(2024, 1, 1),
        "collective_advanced_share": 70,
    },
    {
        "code": "luat-2022-nd-152-2025",
        "name": "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 152/2025/NĐ-CP",
        "law_citation": "Luật Thi đua, khen thưởng số 06/2022/QH15",
        "decree_citation": "Nghị định số 152/2025/NĐ-CP",
        "valid_from": datetime.date(2025, 7, 1),
        "collective_advanced_share": 70,
    },
]
LAW_2022_ARTICLES = {
    "cstd-toan-quoc": "Điều 21", "cstd-bo": "Điều 22", "cstd-co-so": "Điều 23",
    "lao-dong-tien-tien": "Điều 24", "co-thi-dua-chinh-phu": "Điều 25",
    "co-thi-dua-bo": "Điều 26", "tt-lao-dong-xuat-sac": "Điều 27",
    "tt-lao-dong-tien-tien": "Điều 28", "bang-khen-ttg": "Điều 71", "bang-khen-bo": "Điều 74",
}

# code, vi, en, kind, subject, level, threshold, quota, multiplier, prerequisites
TITLES = [
    ("lao-dong-tien-tien", "Lao động tiên tiến", "Advanced Worker", "title", "individual",
     "unit_head", None, None, "0.3", "Hoàn thành tốt nhiệm vụ, chấp hành tốt kỷ luật."),
    ("cstd-co-so", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", "title",
     "individual", "unit_head", 80, None, "1.0",
     "Đạt Lao động tiên tiến trong năm và hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến "
     "được công nhận, hoặc có đề tài nghiên cứu được nghiệm thu."),
    ("cstd-bo", "Chiến sĩ thi đua cấp Bộ", "Ministry Emulation Fighter", "title", "individual",
     "minister", 90, None, "3.0",
     "Ba lần liên tục đạt Chiến sĩ thi đua cơ sở và có sáng kiến có phạm vi ảnh hưởng toàn ngành."),
    ("cstd-toan-quoc", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter", "title",
     "individual", "prime_minister", 90, None, "4.5",
     "Hai lần liên tục đạt Chiến sĩ thi đua cấp Bộ."),
    ("tt-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "Advanced Collective", "title",
     "collective", "unit_head", None, None, "0.8",
     "Tỷ lệ Lao động tiên tiến đạt mức quy định, không có cá nhân bị kỷ luật từ cảnh cáo trở lên."),
    ("tt-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "Excellent Collective", "title",
     "collective", "minister", None, None, "1.5",
     "Hoàn thành xuất sắc nhiệm vụ; 100% thành viên hoàn thành nhiệm vụ; tỷ lệ Lao động tiên "
     "tiến đạt mức quy định; có ít nhất một Chiến sĩ thi đua cơ sở."),
    ("co-thi-dua-bo", "Cờ thi đua cấp Bộ", "Ministry Emulation Flag", "title", "collective",
     "minister", 80, 1, "8.0",
     "Đơn vị dẫn đầu cụm, khối thi đua, được cụm suy tôn bằng bỏ phiếu."),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "Government Emulation Flag", "title",
     "collective", "prime_minister", 80, None, "12.0",
     "Được lựa chọn trong số các đơn vị dẫn đầu cụm, khối thi đua; hồ sơ gửi trước 30/6."),
    ("bang-khen-bo-tap-the", "Bằng khen của Bộ trưởng (tập thể)",
     "Minister's Certificate of Merit (collective)", "form", "collective", "minister", 80, None,
     "3.0", "Có thành tích xuất sắc được bình xét trong phong trào thi đua."),
    ("bang-khen-bo-ca-nhan", "Bằng khen của Bộ trưởng (cá nhân)",
     "Minister's Certificate of Merit (individual)", "form", "individual", "minister", 80, None,
     None, "Hai lần liên tục đạt Chiến sĩ thi đua cơ sở (hoặc các trường hợp tương đương)."),
    ("bang-khen-ttg-tap-the", "Bằng khen của Thủ tướng Chính phủ (tập thể)",
     "Prime Minister's Certificate of Merit (collective)", "form", "collective",
     "prime_minister", 80, None, "7.0", "Đã được tặng Bằng khen cấp Bộ và có thành tích xuất sắc."),
    ("bang-khen-ttg-ca-nhan", "Bằng khen của Thủ tướng Chính phủ (cá nhân)",
     "Prime Minister's Certificate of Merit (individual)", "form", "individual",
     "prime_minister", 80, None, None,
     "Đã được tặng Bằng khen cấp Bộ và 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên, "
     "trong đó có 3 lần Chiến sĩ thi đua cơ sở."),
]

BASE_SALARIES = [
    (1490000, datetime.date(2019, 7, 1), "Nghị định số 38/2019/NĐ-CP"),
    (1800000, datetime.date(2023, 7, 1), "Nghị định số 24/2023/NĐ-CP"),
    (2340000, datetime.date(2024, 7, 1), "Nghị định số 73/2024/NĐ-CP"),
]


def load(apps, schema_editor):
    LegalRegime = apps.get_model("emulation", "LegalRegime")
    AwardTitle = apps.get_model("emulation", "AwardTitle")
    BaseSalary = apps.get_model("emulation", "BaseSalary")
    for data in REGIMES:
        data = dict(data)
        articles = data.pop("articles", LAW_2022_ARTICLES)
        regime, _ = LegalRegime.objects.update_or_create(code=data.pop("code"), defaults=data)
        for order, row in enumerate(TITLES, start=1):
            code, vi, en, kind, subject, level, threshold, quota, mult, prereq = row
            article = articles[code.removesuffix("-tap-the").removesuffix("-ca-nhan")]
            AwardTitle.objects.update_or_create(
                regime=regime,
                code=code,
                defaults={
                    "name_vi": vi, "name_en": en, "kind": kind, "subject": subject,
                    "level": level, "vote_threshold": threshold, "quota_per_cluster": quota,
                    "reward_multiplier": Decimal(mult) if mult else None,
                    "prerequisites": prereq, "order": order,
                    "citation": f"{article} {regime.law_citation}; {regime.decree_citation}",
                },
            )
    for amount, valid_from, citation in BASE_SALARIES:
        BaseSalary.objects.update_or_create(
            valid_from=valid_from, defaults={"amount": amount, "citation": citation}
        )


class Migration(migrations.Migration):
    dependencies = [("emulation", "0002_audit_append_only")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
