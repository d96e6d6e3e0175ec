"""Per-regime rule data (docs/domain.md §4, §6): thresholds, citations, the Government flag's
cap and deadline, reward multipliers with their articles, Giấy khen, base salaries from 2017.

Figures that could not be confirmed against the legal text are stored all the same, marked
``reward_confirmed=False`` or listed in ``LegalRegime.unconfirmed``: staff correct them."""

import datetime
from decimal import Decimal

from django.db import migrations

LAW_2003 = "luat-2003-nd-91-2017"
ND_98 = "luat-2022-nd-98-2023"
ND_152 = "luat-2022-nd-152-2025"

REGIMES = {
    LAW_2003: {
        "collective_advanced_share": 50,
        "collective_advanced_strict": True,
        "excellent_advanced_share": 70,
        "grassroots_rating_suffices": False,
        "principle_citation": "Điều 6 Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2013",
        "money_citation": "điểm c khoản 2 Điều 66 Nghị định số 91/2017/NĐ-CP",
        "government_flag_cap": 20,
        "government_flag_due": "30/06",
        "government_flag_citation": "Điều 25 Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ "
        "sung năm 2013; Nghị định số 91/2017/NĐ-CP",
        "unconfirmed": "Điều 6 (nguyên tắc khen thưởng) của Luật 2003; mức tối đa 20% và hạn "
        "30/06 của Cờ thi đua của Chính phủ; hệ số các danh hiệu tập thể và điều cụ thể quy "
        "định hệ số Bằng khen, Giấy khen trong Nghị định 91/2017/NĐ-CP.",
    },
    ND_98: {
        "collective_advanced_share": 70,
        "collective_advanced_strict": False,
        "excellent_advanced_share": 70,
        "grassroots_rating_suffices": True,
        "principle_citation": "khoản 2 Điều 5 Luật Thi đua, khen thưởng số 06/2022/QH15",
        "money_citation": "Nghị định số 98/2023/NĐ-CP (nguyên tắc tiền thưởng)",
        "government_flag_cap": None,
        "government_flag_due": "30/06",
        "government_flag_citation": "Điều 25 Luật Thi đua, khen thưởng số 06/2022/QH15; "
        "Nghị định số 98/2023/NĐ-CP",
        "unconfirmed": "Điều quy định nguyên tắc tiền thưởng và hạn 30/06 của Cờ thi đua của "
        "Chính phủ trong Nghị định 98/2023/NĐ-CP; hệ số Bằng khen, Giấy khen (Điều 55). "
        "Mức tối đa Cờ thi đua của Chính phủ chưa cấu hình.",
    },
    ND_152: {
        "collective_advanced_share": 70,
        "collective_advanced_strict": False,
        "excellent_advanced_share": 70,
        "grassroots_rating_suffices": True,
        "principle_citation": "khoản 2 Điều 5 Luật Thi đua, khen thưởng số 06/2022/QH15",
        "money_citation": "Nghị định số 152/2025/NĐ-CP (nguyên tắc tiền thưởng)",
        "government_flag_cap": None,
        "government_flag_due": "30/06",
        "government_flag_citation": "Điều 25 Luật Thi đua, khen thưởng số 06/2022/QH15; "
        "Nghị định số 152/2025/NĐ-CP",
        "unconfirmed": "Điều quy định nguyên tắc tiền thưởng và hạn 30/06 của Cờ thi đua của "
        "Chính phủ trong Nghị định 152/2025/NĐ-CP; hệ số Giấy khen tập thể. Mức tối đa Cờ thi "
        "đua của Chính phủ chưa cấu hình.",
    },
}

TITLE_CODES = [
    "lao-dong-tien-tien", "cstd-co-so", "cstd-bo", "cstd-toan-quoc", "tt-lao-dong-tien-tien",
    "tt-lao-dong-xuat-sac", "co-thi-dua-bo", "co-thi-dua-chinh-phu",
]
TITLE_MULTIPLIERS = {
    "lao-dong-tien-tien": "0.3", "cstd-co-so": "1.0", "cstd-bo": "3.0", "cstd-toan-quoc": "4.5",
    "tt-lao-dong-tien-tien": "0.8", "tt-lao-dong-xuat-sac": "1.5", "co-thi-dua-bo": "8.0",
    "co-thi-dua-chinh-phu": "12.0",
}
COLLECTIVE_TITLES = {"tt-lao-dong-tien-tien", "tt-lao-dong-xuat-sac", "co-thi-dua-bo",
                     "co-thi-dua-chinh-phu"}
# code -> {regime: (multiplier, citation, confirmed)}
FORM_MULTIPLIERS = {
    "bang-khen-bo-ca-nhan": {
        LAW_2003: ("1.0", "Nghị định số 91/2017/NĐ-CP", False),
        ND_98: ("1.0", "Điều 55 Nghị định số 98/2023/NĐ-CP", False),
        ND_152: ("1.5", "khoản 1 Điều 54 Nghị định số 152/2025/NĐ-CP", True),
    },
    "bang-khen-bo-tap-the": {
        LAW_2003: ("2.0", "Nghị định số 91/2017/NĐ-CP", False),
        ND_98: ("2.0", "Điều 55 Nghị định số 98/2023/NĐ-CP", False),
        ND_152: ("3.0", "Điều 54 Nghị định số 152/2025/NĐ-CP", True),
    },
    "bang-khen-ttg-ca-nhan": {
        LAW_2003: ("3.5", "Nghị định số 91/2017/NĐ-CP", False),
        ND_98: ("3.5", "Điều 55 Nghị định số 98/2023/NĐ-CP", False),
        ND_152: ("3.5", "khoản 1 Điều 54 Nghị định số 152/2025/NĐ-CP", True),
    },
    "bang-khen-ttg-tap-the": {
        LAW_2003: ("7.0", "Nghị định số 91/2017/NĐ-CP", False),
        ND_98: ("7.0", "Điều 55 Nghị định số 98/2023/NĐ-CP", False),
        ND_152: ("7.0", "Điều 54 Nghị định số 152/2025/NĐ-CP", True),
    },
    "giay-khen-ca-nhan": {
        LAW_2003: ("0.3", "Nghị định số 91/2017/NĐ-CP", False),
        ND_98: ("0.3", "Điều 55 Nghị định số 98/2023/NĐ-CP", False),
        ND_152: ("0.3", "khoản 1 Điều 54 Nghị định số 152/2025/NĐ-CP", True),
    },
    "giay-khen-tap-the": {
        LAW_2003: ("0.6", "Nghị định số 91/2017/NĐ-CP", False),
        ND_98: ("0.6", "Điều 55 Nghị định số 98/2023/NĐ-CP", False),
        ND_152: ("0.6", "Điều 54 Nghị định số 152/2025/NĐ-CP", False),
    },
}
TITLE_ARTICLES = {LAW_2003: ("Điều 69 Nghị định số 91/2017/NĐ-CP", False),
                  ND_98: ("Điều 54 Nghị định số 98/2023/NĐ-CP", True),
                  ND_152: ("Điều 50 Nghị định số 152/2025/NĐ-CP", True)}
GIAY_KHEN = [
    ("giay-khen-ca-nhan", "Giấy khen (cá nhân)", "Certificate of Merit of the unit head "
     "(individual)", "individual", "Hoàn thành tốt nhiệm vụ, có thành tích được bình xét."),
    ("giay-khen-tap-the", "Giấy khen (tập thể)", "Certificate of Merit of the unit head "
     "(collective)", "collective", "Hoàn thành tốt nhiệm vụ, có thành tích được bình xét."),
]
GIAY_KHEN_ARTICLE = {LAW_2003: "Điều 75", ND_98: "Điều 75", ND_152: "Điều 75"}

BASE_SALARIES = [
    (1300000, datetime.date(2017, 7, 1), "Nghị định số 47/2017/NĐ-CP"),
    (1390000, datetime.date(2018, 7, 1), "Nghị định số 72/2018/NĐ-CP"),
]


# Who decides a Giấy khen: the unit head (as migration 0007 says of the other unit-head titles).
UNIT_HEAD_CITATION = {
    LAW_2003: "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013): thẩm quyền của thủ trưởng "
    "cơ quan, đơn vị (số điều cần đối chiếu)",
    ND_98: "Khoản 1 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15",
    ND_152: "Khoản 1 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15",
}


def load(apps, schema_editor):
    LegalRegime = apps.get_model("emulation", "LegalRegime")
    AwardTitle = apps.get_model("emulation", "AwardTitle")
    BaseSalary = apps.get_model("emulation", "BaseSalary")
    for code, data in REGIMES.items():
        regime = LegalRegime.objects.filter(code=code).first()
        if regime is None:
            continue
        LegalRegime.objects.filter(pk=regime.pk).update(**data)
        last = AwardTitle.objects.filter(regime=regime).order_by("-order").first()
        order = last.order if last else 0
        for gk_code, vi, en, subject, prereq in GIAY_KHEN:
            order += 1
            AwardTitle.objects.get_or_create(
                regime=regime,
                code=gk_code,
                defaults={
                    "name_vi": vi, "name_en": en, "kind": "form", "subject": subject,
                    "level": "unit_head", "prerequisites": prereq, "order": order,
                    "level_citation": UNIT_HEAD_CITATION[code],
                    "citation": f"{GIAY_KHEN_ARTICLE[code]} {regime.law_citation}; "
                    f"{regime.decree_citation}",
                },
            )
        article, confirmed = TITLE_ARTICLES[code]
        for title_code in TITLE_CODES:
            AwardTitle.objects.filter(regime=regime, code=title_code).update(
                reward_multiplier=Decimal(TITLE_MULTIPLIERS[title_code]),
                reward_citation=article,
                reward_confirmed=confirmed
                and not (code == LAW_2003 and title_code in COLLECTIVE_TITLES),
            )
        if code == LAW_2003:
            AwardTitle.objects.filter(
                regime=regime, code__in=TITLE_CODES
            ).exclude(code__in=COLLECTIVE_TITLES).update(reward_confirmed=True)
        for form_code, per_regime in FORM_MULTIPLIERS.items():
            mult, citation, confirmed = per_regime[code]
            AwardTitle.objects.filter(regime=regime, code=form_code).update(
                reward_multiplier=Decimal(mult), reward_citation=citation,
                reward_confirmed=confirmed,
            )
    for amount, valid_from, citation in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            valid_from=valid_from, defaults={"amount": amount, "citation": citation}
        )


class Migration(migrations.Migration):
    dependencies = [("emulation", "0008_rules_regime_fields")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
