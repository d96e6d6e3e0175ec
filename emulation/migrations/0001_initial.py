"""The core's tables (the role assignments' is accounts 0001's now), the audit trail's
append-only triggers (PostgreSQL) and the national award catalogue. It replaces the migrations
0002 to 0015 of before (and 0001_initial: the same name, recorded already): a database they
migrated has all of this and takes this one as applied."""

import datetime

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import emulation.bounds
import emulation.fields
import uuid
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

# The audit trail is append-only: PostgreSQL refuses UPDATE and DELETE on its rows and an entry
# dated before the last one. (TRUNCATE, a table owner's maintenance operation, is left to the
# DBA and to test flushes.)
AUDIT_TRIGGERS = """
CREATE OR REPLACE FUNCTION thidua_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'emulation_auditentry is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER emulation_auditentry_append_only
    BEFORE UPDATE OR DELETE ON emulation_auditentry
    FOR EACH ROW EXECUTE FUNCTION thidua_audit_append_only();
CREATE OR REPLACE FUNCTION thidua_audit_not_backdated() RETURNS trigger AS $$
BEGIN
    IF NEW.recorded_at < (SELECT max(recorded_at) FROM emulation_auditentry) THEN
        RAISE EXCEPTION 'emulation_auditentry: an entry dated before the last one is refused';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER emulation_auditentry_not_backdated
    BEFORE INSERT ON emulation_auditentry
    FOR EACH ROW EXECUTE FUNCTION thidua_audit_not_backdated();
"""

AUDIT_TRIGGERS_DROPPED = """
DROP TRIGGER IF EXISTS emulation_auditentry_not_backdated ON emulation_auditentry;
DROP FUNCTION IF EXISTS thidua_audit_not_backdated();
DROP TRIGGER IF EXISTS emulation_auditentry_append_only ON emulation_auditentry;
DROP FUNCTION IF EXISTS thidua_audit_append_only();
"""


def audit_append_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(AUDIT_TRIGGERS, params=None)


def audit_append_only_lifted(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(AUDIT_TRIGGERS_DROPPED, params=None)


# The legal regimes of docs/domain.md §4.1 and the award catalogue of each, as editable data
# (§4, §6). Figures that could not be confirmed against the legal text are stored all the same,
# marked ``reward_confirmed=False`` or listed in ``LegalRegime.unconfirmed``: staff correct them.
LAW_2003 = "luat-2003-nd-91-2017"
ND_98 = "luat-2022-nd-98-2023"
ND_152 = "luat-2022-nd-152-2025"
LAW_2003_CITATION = "Luật Thi đua, khen thưởng năm 2003, sửa đổi, bổ sung năm 2013"
LAW_2022_CITATION = "Luật Thi đua, khen thưởng số 06/2022/QH15"

REGIMES = [
    {
        "code": LAW_2003,
        "name": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) và Nghị định 91/2017/NĐ-CP",
        "law_citation": LAW_2003_CITATION,
        "decree_citation": "Nghị định số 91/2017/NĐ-CP",
        "valid_from": datetime.date(2017, 10, 1),
        "transition_citation": "Nghị định số 91/2017/NĐ-CP có hiệu lực từ 01/10/2017; áp dụng "
        "cho hồ sơ trình cấp quyết định trước 01/01/2024 (Điều 94 Luật số 06/2022/QH15).",
        "collective_advanced_share": 50,
        "collective_advanced_strict": True,
        "excellent_advanced_share": 70,
        "grassroots_rating_suffices": False,
        "principle_citation": f"Điều 6 {LAW_2003_CITATION}",
        "money_citation": "điểm c khoản 2 Điều 66 Nghị định số 91/2017/NĐ-CP",
        "government_flag_cap": 20,
        "government_flag_due": "30/06",
        "government_flag_citation": f"Điều 25 {LAW_2003_CITATION}; Nghị định số 91/2017/NĐ-CP",
        "unconfirmed": "Điều 6 (nguyên tắc khen thưởng) của Luật 2003; mức tối đa 20% và hạn "
        "30/06 của Cờ thi đua của Chính phủ; hệ số các danh hiệu tập thể và điều cụ thể quy "
        "định hệ số Bằng khen, Giấy khen trong Nghị định 91/2017/NĐ-CP.",
    },
    {
        "code": ND_98,
        "name": "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP",
        "law_citation": LAW_2022_CITATION,
        "decree_citation": "Nghị định số 98/2023/NĐ-CP",
        "valid_from": datetime.date(2024, 1, 1),
        "transition_citation": "Điều 94 Luật Thi đua, khen thưởng số 06/2022/QH15: Luật có hiệu "
        "lực từ 01/01/2024 và Luật năm 2003 hết hiệu lực từ ngày đó; Điều 95: danh hiệu, hình "
        "thức đã tặng trước ngày đó tiếp tục được công nhận; điều khoản thi hành của Nghị định "
        "số 98/2023/NĐ-CP (hiệu lực từ 01/01/2024, số điều cần đối chiếu).",
        "collective_advanced_share": 70,
        "collective_advanced_strict": False,
        "excellent_advanced_share": 70,
        "grassroots_rating_suffices": True,
        "principle_citation": f"khoản 2 Điều 5 {LAW_2022_CITATION}",
        "money_citation": "Nghị định số 98/2023/NĐ-CP (nguyên tắc tiền thưởng)",
        "government_flag_cap": None,
        "government_flag_due": "30/06",
        "government_flag_citation": f"Điều 25 {LAW_2022_CITATION}; Nghị định số 98/2023/NĐ-CP",
        "unconfirmed": "Điều quy định nguyên tắc tiền thưởng và hạn 30/06 của Cờ thi đua của "
        "Chính phủ trong Nghị định 98/2023/NĐ-CP; hệ số Bằng khen, Giấy khen (Điều 55). "
        "Mức tối đa Cờ thi đua của Chính phủ chưa cấu hình.",
    },
    {
        "code": ND_152,
        "name": "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 152/2025/NĐ-CP",
        "law_citation": LAW_2022_CITATION,
        "decree_citation": "Nghị định số 152/2025/NĐ-CP",
        "valid_from": datetime.date(2025, 7, 1),
        "transition_citation": "Điều khoản thi hành và chuyển tiếp của Nghị định số "
        "152/2025/NĐ-CP (hiệu lực từ 01/07/2025, thay thế Nghị định số 98/2023/NĐ-CP; số điều "
        "cần đối chiếu).",
        "collective_advanced_share": 70,
        "collective_advanced_strict": False,
        "excellent_advanced_share": 70,
        "grassroots_rating_suffices": True,
        "principle_citation": f"khoản 2 Điều 5 {LAW_2022_CITATION}",
        "money_citation": "Nghị định số 152/2025/NĐ-CP (nguyên tắc tiền thưởng)",
        "government_flag_cap": None,
        "government_flag_due": "30/06",
        "government_flag_citation": f"Điều 25 {LAW_2022_CITATION}; Nghị định số 152/2025/NĐ-CP",
        "unconfirmed": "Điều quy định nguyên tắc tiền thưởng và hạn 30/06 của Cờ thi đua của "
        "Chính phủ trong Nghị định 152/2025/NĐ-CP; hệ số Giấy khen tập thể. Mức tối đa Cờ thi "
        "đua của Chính phủ chưa cấu hình.",
    },
]

# The article of the law that defines each entry (a "-tap-the"/"-ca-nhan" pair shares one).
ARTICLES = {
    "cstd-toan-quoc": "Điều 21", "cstd-bo": "Điều 22", "cstd-co-so": "Điều 23",
    "lao-dong-tien-tien": "Điều 24", "co-thi-dua-chinh-phu": "Điều 25",
    "co-thi-dua-bo": "Điều 26", "tt-lao-dong-xuat-sac": "Điều 27",
    "tt-lao-dong-tien-tien": "Điều 28", "bang-khen-ttg": "Điều 71", "bang-khen-bo": "Điều 74",
    "giay-khen": "Điều 75",
}
LAW_2003_ARTICLES = {**ARTICLES, "bang-khen-ttg": "Điều 38", "bang-khen-bo": "Điều 39"}

# Who decides (Law 06/2022/QH15, chapter IV: art. 80(1) confirmed for the unit head; the
# article numbers of the higher levels are to be checked, so they stay data staff can correct).
LAW_2003_LEVELS = {
    "unit_head": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013): thẩm quyền của thủ trưởng "
    "cơ quan, đơn vị (số điều cần đối chiếu)",
    "minister": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013): thẩm quyền của Bộ trưởng, "
    "Chủ tịch Ủy ban nhân dân tỉnh (số điều cần đối chiếu)",
    "prime_minister": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013): thẩm quyền của Thủ "
    "tướng Chính phủ (số điều cần đối chiếu)",
    "president": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013): thẩm quyền của Chủ tịch "
    "nước (số điều cần đối chiếu)",
}
LAW_2022_LEVELS = {
    "unit_head": "Khoản 1 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15",
    "minister": "Chương IV Luật Thi đua, khen thưởng số 06/2022/QH15: thẩm quyền của Bộ "
    "trưởng, Chủ tịch Ủy ban nhân dân tỉnh (số điều cần đối chiếu)",
    "prime_minister": "Chương IV Luật Thi đua, khen thưởng số 06/2022/QH15: thẩm quyền của "
    "Thủ tướng Chính phủ (số điều cần đối chiếu)",
    "president": "Chương IV Luật Thi đua, khen thưởng số 06/2022/QH15: thẩm quyền của Chủ "
    "tịch nước (số điều cần đối chiếu)",
}

# code, vi, en, kind, subject, level, vote threshold, quota per cluster, prerequisites; in order
TITLES = [
    ("lao-dong-tien-tien", "Lao động tiên tiến", "Advanced Worker", "title", "individual",
     "unit_head", None, None, "Hoàn thành tốt nhiệm vụ, chấp hành tốt kỷ luật."),
    ("cstd-co-so", "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", "title",
     "individual", "unit_head", 80, None,
     "Đạt Lao động tiên tiến trong năm và hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến "
     "được công nhận, hoặc có đề tài nghiên cứu được nghiệm thu."),
    ("cstd-bo", "Chiến sĩ thi đua cấp Bộ", "Ministry Emulation Fighter", "title", "individual",
     "minister", 90, None,
     "Ba lần liên tục đạt Chiến sĩ thi đua cơ sở và có sáng kiến có phạm vi ảnh hưởng toàn ngành."),
    ("cstd-toan-quoc", "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter", "title",
     "individual", "prime_minister", 90, None, "Hai lần liên tục đạt Chiến sĩ thi đua cấp Bộ."),
    ("tt-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "Advanced Collective", "title",
     "collective", "unit_head", None, None,
     "Tỷ lệ Lao động tiên tiến đạt mức quy định, không có cá nhân bị kỷ luật từ cảnh cáo trở lên."),
    ("tt-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "Excellent Collective", "title",
     "collective", "minister", None, None,
     "Hoàn thành xuất sắc nhiệm vụ; 100% thành viên hoàn thành nhiệm vụ; tỷ lệ Lao động tiên "
     "tiến đạt mức quy định; có ít nhất một Chiến sĩ thi đua cơ sở."),
    ("co-thi-dua-bo", "Cờ thi đua cấp Bộ", "Ministry Emulation Flag", "title", "collective",
     "minister", 80, 1, "Đơn vị dẫn đầu cụm, khối thi đua, được cụm suy tôn bằng bỏ phiếu."),
    ("co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", "Government Emulation Flag", "title",
     "collective", "prime_minister", 80, None,
     "Được lựa chọn trong số các đơn vị dẫn đầu cụm, khối thi đua; hồ sơ gửi trước 30/6."),
    ("bang-khen-bo-tap-the", "Bằng khen của Bộ trưởng (tập thể)",
     "Minister's Certificate of Merit (collective)", "form", "collective", "minister", 80, None,
     "Có thành tích xuất sắc được bình xét trong phong trào thi đua."),
    ("bang-khen-bo-ca-nhan", "Bằng khen của Bộ trưởng (cá nhân)",
     "Minister's Certificate of Merit (individual)", "form", "individual", "minister", 80, None,
     "Hai lần liên tục đạt Chiến sĩ thi đua cơ sở (hoặc các trường hợp tương đương)."),
    ("bang-khen-ttg-tap-the", "Bằng khen của Thủ tướng Chính phủ (tập thể)",
     "Prime Minister's Certificate of Merit (collective)", "form", "collective",
     "prime_minister", 80, None, "Đã được tặng Bằng khen cấp Bộ và có thành tích xuất sắc."),
    ("bang-khen-ttg-ca-nhan", "Bằng khen của Thủ tướng Chính phủ (cá nhân)",
     "Prime Minister's Certificate of Merit (individual)", "form", "individual",
     "prime_minister", 80, None,
     "Đã được tặng Bằng khen cấp Bộ và 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên, "
     "trong đó có 3 lần Chiến sĩ thi đua cơ sở."),
    ("giay-khen-ca-nhan", "Giấy khen (cá nhân)", "Certificate of Merit of the unit head "
     "(individual)", "form", "individual", "unit_head", None, None,
     "Hoàn thành tốt nhiệm vụ, có thành tích được bình xét."),
    ("giay-khen-tap-the", "Giấy khen (tập thể)", "Certificate of Merit of the unit head "
     "(collective)", "form", "collective", "unit_head", None, None,
     "Hoàn thành tốt nhiệm vụ, có thành tích được bình xét."),
]
# The Government flag's dossier is due at the Ministry of Home Affairs by 30/06 of the year
# after the achievement year (docs/domain.md §4.7); a figure staff can correct per regime.
DOSSIER_DUE = {"co-thi-dua-chinh-phu": (30, 6)}

# Reward multipliers: the titles' are the same in every regime, from one article per regime
# (the Law 2003 regime's collective titles unconfirmed); the forms' per regime.
TITLE_MULTIPLIERS = {
    "lao-dong-tien-tien": "0.3", "cstd-co-so": "1.0", "cstd-bo": "3.0", "cstd-toan-quoc": "4.5",
    "tt-lao-dong-tien-tien": "0.8", "tt-lao-dong-xuat-sac": "1.5", "co-thi-dua-bo": "8.0",
    "co-thi-dua-chinh-phu": "12.0",
}
TITLE_REWARD_ARTICLES = {
    LAW_2003: ("Điều 69 Nghị định số 91/2017/NĐ-CP", True),
    ND_98: ("Điều 54 Nghị định số 98/2023/NĐ-CP", True),
    ND_152: ("Điều 50 Nghị định số 152/2025/NĐ-CP", True),
}
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

BASE_SALARIES = [
    (1300000, datetime.date(2017, 7, 1), "Nghị định số 47/2017/NĐ-CP"),
    (1390000, datetime.date(2018, 7, 1), "Nghị định số 72/2018/NĐ-CP"),
    (1490000, datetime.date(2019, 7, 1), "Nghị định số 38/2019/NĐ-CP"),
    (1800000, datetime.date(2023, 7, 1), "Nghị định số 24/2023/NĐ-CP"),
    (2340000, datetime.date(2024, 7, 1), "Nghị định số 73/2024/NĐ-CP"),
]


def reward(regime_code, code, subject):
    if code in FORM_MULTIPLIERS:
        return FORM_MULTIPLIERS[code][regime_code]
    citation, confirmed = TITLE_REWARD_ARTICLES[regime_code]
    confirmed = confirmed and not (regime_code == LAW_2003 and subject == "collective")
    return TITLE_MULTIPLIERS[code], citation, confirmed


def load_catalogue(apps, schema_editor):
    LegalRegime = apps.get_model("emulation", "LegalRegime")
    AwardTitle = apps.get_model("emulation", "AwardTitle")
    BaseSalary = apps.get_model("emulation", "BaseSalary")
    for data in REGIMES:
        regime = LegalRegime.objects.create(**data)
        law_2003 = regime.code == LAW_2003
        articles = LAW_2003_ARTICLES if law_2003 else ARTICLES
        levels = LAW_2003_LEVELS if law_2003 else LAW_2022_LEVELS
        for order, row in enumerate(TITLES, start=1):
            code, vi, en, kind, subject, level, threshold, quota, prerequisites = row
            article = articles[code.removesuffix("-tap-the").removesuffix("-ca-nhan")]
            multiplier, reward_citation, reward_confirmed = reward(regime.code, code, subject)
            due_day, due_month = DOSSIER_DUE.get(code, (None, None))
            AwardTitle.objects.create(
                regime=regime, code=code, name_vi=vi, name_en=en, kind=kind, subject=subject,
                level=level, vote_threshold=threshold, quota_per_cluster=quota,
                prerequisites=prerequisites, order=order,
                citation=f"{article} {regime.law_citation}; {regime.decree_citation}",
                level_citation=levels[level], dossier_due_day=due_day,
                dossier_due_month=due_month, reward_multiplier=Decimal(multiplier),
                reward_citation=reward_citation, reward_confirmed=reward_confirmed,
            )
    for amount, valid_from, citation in BASE_SALARIES:
        BaseSalary.objects.create(amount=amount, valid_from=valid_from, citation=citation)


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ("emulation", "0002_audit_append_only"),
        ("emulation", "0003_award_catalogue"),
        ("emulation", "0004_reports_models"),
        ("emulation", "0005_audit_event_time"),
        ("emulation", "0006_onboard_import_batch"),
        ("emulation", "0007_levels_ministry_settings"),
        ("emulation", "0008_rules_regime_fields"),
        ("emulation", "0009_rules_regime_data"),
        ("emulation", "0010_reports_build_lease"),
        ("emulation", "0011_audit_chain"),
        ("emulation", "0012_year_bounds"),
        ("emulation", "0013_advanced_collective_description"),
        ("emulation", "0014_reports_moved_to_documents"),
        ("emulation", "0015_emulation_year_data_version"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='BaseSalary',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('amount', models.PositiveIntegerField(verbose_name='mức lương cơ sở (đồng)')),
                ('valid_from', models.DateField(unique=True, verbose_name='áp dụng từ')),
                ('citation', models.CharField(blank=True, max_length=200, verbose_name='căn cứ')),
            ],
            options={
                'verbose_name': 'mức lương cơ sở',
                'verbose_name_plural': 'mức lương cơ sở',
                'ordering': ['valid_from'],
            },
        ),
        migrations.CreateModel(
            name='LegalRegime',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(unique=True, verbose_name='mã')),
                ('name', models.CharField(max_length=200, verbose_name='tên')),
                ('law_citation', models.CharField(max_length=200, verbose_name='luật')),
                ('decree_citation', models.CharField(max_length=200, verbose_name='nghị định')),
                ('valid_from', models.DateField(verbose_name='hiệu lực từ')),
                ('collective_advanced_share', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='tỷ lệ LĐTT tối thiểu của tập thể (%)')),
                ('transition_citation', models.CharField(blank=True, help_text='Điều khoản hiệu lực và chuyển tiếp của luật, nghị định làm căn cứ áp dụng.', max_length=400, verbose_name='căn cứ hiệu lực, chuyển tiếp')),
                ('collective_advanced_strict', models.BooleanField(default=False, help_text='Luật 2003: “có trên 50%” – đúng 50% không đạt.', verbose_name='tỷ lệ LĐTT của Tập thể lao động tiên tiến phải vượt (trên) mức')),
                ('excellent_advanced_share', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='tỷ lệ LĐTT tối thiểu của Tập thể lao động xuất sắc (%)')),
                ('grassroots_rating_suffices', models.BooleanField(default=True, help_text='Luật 2003 (Điều 23) đòi sáng kiến hoặc đề tài nghiên cứu.', verbose_name='Chiến sĩ thi đua cơ sở: hoàn thành xuất sắc nhiệm vụ thay cho sáng kiến')),
                ('principle_citation', models.CharField(blank=True, max_length=300, verbose_name='căn cứ: một thành tích một hình thức')),
                ('money_citation', models.CharField(blank=True, max_length=300, verbose_name='căn cứ: nhiều danh hiệu cùng lúc chỉ nhận tiền thưởng cao nhất')),
                ('government_flag_cap', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Cờ thi đua của Chính phủ: tỷ lệ tối đa trên số tập thể đạt Cờ thi đua cấp Bộ (%)')),
                ('government_flag_due', models.CharField(blank=True, help_text='Dạng 30/06; để trống nếu không có hạn.', max_length=5, validators=[django.core.validators.RegexValidator('^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])$', 'Nhập ngày/tháng dạng 30/06.')], verbose_name='Cờ thi đua của Chính phủ: hạn gửi hồ sơ (ngày/tháng năm sau)')),
                ('government_flag_citation', models.CharField(blank=True, max_length=300, verbose_name='căn cứ: Cờ thi đua của Chính phủ')),
                ('unconfirmed', models.TextField(blank=True, help_text='Các số liệu nhập theo nguồn chưa kiểm chứng: cán bộ cần đối chiếu, sửa.', verbose_name='số liệu chưa đối chiếu văn bản')),
            ],
            options={
                'verbose_name': 'chế độ pháp lý',
                'verbose_name_plural': 'chế độ pháp lý',
                'ordering': ['valid_from'],
            },
        ),
        migrations.CreateModel(
            name='Ministry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', emulation.fields.VietnameseCharField(max_length=200, unique=True, verbose_name='tên')),
                ('short_name', models.CharField(max_length=50, verbose_name='tên viết tắt')),
                ('kind', models.CharField(choices=[('ministry', 'Bộ, ngành'), ('province', 'Tỉnh, thành phố')], default='ministry', max_length=20, verbose_name='loại')),
                ('place', models.CharField(default='Hà Nội', help_text='Dùng trên văn bản.', max_length=100, verbose_name='địa danh')),
            ],
            options={
                'verbose_name': 'bộ, ngành',
                'verbose_name_plural': 'bộ, ngành',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='ImportBatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('request_id', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('kind', models.CharField(max_length=30, verbose_name='danh sách')),
                ('file', models.FileField(upload_to='imports/', verbose_name='tệp')),
                ('file_name', models.CharField(max_length=255, verbose_name='tên tệp')),
                ('status', models.CharField(choices=[('queued', 'Đang chờ kiểm tra'), ('checking', 'Đang kiểm tra'), ('checked', 'Đã kiểm tra, chờ xác nhận'), ('refused', 'Có dòng bị từ chối'), ('committing', 'Chờ ghi'), ('writing', 'Đang ghi'), ('done', 'Đã ghi'), ('failed', 'Lỗi'), ('cancelled', 'Đã hủy')], default='queued', max_length=12, verbose_name='trạng thái')),
                ('total_rows', models.PositiveIntegerField(default=0, verbose_name='số dòng')),
                ('processed_rows', models.PositiveIntegerField(default=0, verbose_name='số dòng đã xử lý')),
                ('counts', models.JSONField(default=dict, verbose_name='số dòng theo loại')),
                ('problems', models.JSONField(default=list, verbose_name='dòng bị từ chối')),
                ('changes', models.JSONField(default=list, verbose_name='thay đổi')),
                ('error_message', models.TextField(blank=True, verbose_name='lỗi')),
                ('peak_memory_kib', models.PositiveIntegerField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='tải lên lúc')),
                ('committed_at', models.DateTimeField(blank=True, null=True, verbose_name='ghi lúc')),
                ('committed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='emulation.ministry', verbose_name='bộ, ngành')),
            ],
            options={
                'verbose_name': 'lần nhập Excel',
                'verbose_name_plural': 'các lần nhập Excel',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='thời điểm')),
                ('action', models.CharField(max_length=50, verbose_name='hành động')),
                ('object_type', models.CharField(max_length=100, verbose_name='loại đối tượng')),
                ('object_id', models.CharField(max_length=50, verbose_name='mã đối tượng')),
                ('object_repr', models.CharField(max_length=300, verbose_name='đối tượng')),
                ('before', models.JSONField(blank=True, null=True, verbose_name='trước')),
                ('after', models.JSONField(blank=True, null=True, verbose_name='sau')),
                ('reason', models.TextField(blank=True, verbose_name='lý do')),
                ('actor_uid', models.BigIntegerField(blank=True, null=True, verbose_name='mã người thực hiện')),
                ('actor_name', models.CharField(blank=True, max_length=300, verbose_name='tên người thực hiện lúc đó')),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='thời điểm ghi')),
                ('prev_hash', models.CharField(blank=True, max_length=64, verbose_name='mã của mục trước')),
                ('hash', models.CharField(blank=True, max_length=64, verbose_name='mã kiểm tra')),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người thực hiện')),
            ],
            options={
                'verbose_name': 'nhật ký',
                'verbose_name_plural': 'nhật ký',
                'ordering': ['-at', '-id'],
                'indexes': [models.Index(fields=['object_type', 'object_id', '-at'], name='emulation_a_object__9ffc52_idx')],
            },
        ),
        migrations.CreateModel(
            name='AwardTitle',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(verbose_name='mã')),
                ('name_vi', models.CharField(max_length=200, verbose_name='tên tiếng Việt')),
                ('name_en', models.CharField(max_length=200, verbose_name='tên tiếng Anh')),
                ('kind', models.CharField(choices=[('title', 'Danh hiệu thi đua'), ('form', 'Hình thức khen thưởng')], max_length=10, verbose_name='loại')),
                ('subject', models.CharField(choices=[('collective', 'Tập thể'), ('individual', 'Cá nhân')], max_length=12, verbose_name='đối tượng')),
                ('level', models.CharField(choices=[('unit_head', 'Thủ trưởng đơn vị'), ('minister', 'Bộ trưởng'), ('prime_minister', 'Thủ tướng Chính phủ'), ('president', 'Chủ tịch nước')], max_length=20, verbose_name='cấp quyết định')),
                ('vote_threshold', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='ngưỡng phiếu hội đồng (%)')),
                ('quota_per_cluster', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='số lượng tối đa mỗi cụm mỗi năm')),
                ('prerequisites', models.TextField(blank=True, verbose_name='điều kiện')),
                ('reward_multiplier', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='hệ số tiền thưởng')),
                ('reward_citation', models.CharField(blank=True, max_length=300, verbose_name='căn cứ hệ số tiền thưởng')),
                ('reward_confirmed', models.BooleanField(default=True, help_text='Bỏ chọn khi hệ số chưa được kiểm chứng: trang khen thưởng ghi rõ điều đó.', verbose_name='hệ số đã đối chiếu văn bản')),
                ('citation', models.CharField(max_length=300, verbose_name='căn cứ pháp lý')),
                ('level_citation', models.CharField(blank=True, max_length=300, verbose_name='căn cứ thẩm quyền quyết định')),
                ('dossier_due_day', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='hạn nộp hồ sơ lên cấp quyết định: ngày')),
                ('dossier_due_month', models.PositiveSmallIntegerField(blank=True, help_text='Của năm sau năm thành tích. Ví dụ Cờ thi đua của Chính phủ: 30/6.', null=True, verbose_name='hạn nộp hồ sơ lên cấp quyết định: tháng')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                ('regime', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='award_titles', to='emulation.legalregime', verbose_name='chế độ')),
            ],
            options={
                'verbose_name': 'danh hiệu, hình thức khen thưởng',
                'verbose_name_plural': 'danh mục khen thưởng',
                'ordering': ['regime', 'order', 'id'],
                'permissions': [('manage_national_catalogue', 'Quản trị danh mục khen thưởng quốc gia')],
                'constraints': [models.UniqueConstraint(fields=('regime', 'code'), name='award_title_code_per_regime')],
            },
        ),
        migrations.CreateModel(
            name='EmulationYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(validators=[emulation.bounds.validate_year], verbose_name='năm')),
                ('movement', models.CharField(blank=True, max_length=300, verbose_name='phong trào thi đua')),
                ('pledge_deadline', models.DateField(blank=True, null=True, verbose_name='hạn ký giao ước')),
                ('scores_deadline', models.DateField(blank=True, null=True, verbose_name='hạn chấm điểm')),
                ('proposals_deadline', models.DateField(blank=True, null=True, verbose_name='hạn gửi hồ sơ')),
                ('data_version', models.PositiveIntegerField(default=0, editable=False)),
                ('regime', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='emulation.legalregime', verbose_name='chế độ')),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='years', to='emulation.ministry', verbose_name='bộ, ngành')),
            ],
            options={
                'verbose_name': 'năm thi đua',
                'verbose_name_plural': 'năm thi đua',
                'ordering': ['ministry', '-year'],
                'constraints': [models.UniqueConstraint(fields=('ministry', 'year'), name='one_year_per_ministry')],
            },
        ),
        migrations.CreateModel(
            name='MinistryAwardSetting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(verbose_name='mã danh hiệu')),
                ('local_name', models.CharField(blank=True, help_text='Ví dụ: Cờ thi đua ngành Tư pháp. Để trống thì dùng tên trong danh mục.', max_length=200, verbose_name='tên gọi của bộ, ngành')),
                ('quota_per_cluster', models.PositiveSmallIntegerField(blank=True, help_text='Để trống thì dùng mức của danh mục quốc gia.', null=True, verbose_name='số lượng tối đa mỗi cụm mỗi năm')),
                ('internal_due_day', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='hạn cụm gửi hồ sơ: ngày')),
                ('internal_due_month', models.PositiveSmallIntegerField(blank=True, help_text='Hạn riêng của bộ để cụm gửi hồ sơ danh hiệu này, năm sau năm thành tích.', null=True, verbose_name='hạn cụm gửi hồ sơ: tháng')),
                ('version', models.PositiveIntegerField(default=1)),
                ('ministry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='award_settings', to='emulation.ministry', verbose_name='bộ')),
            ],
            options={
                'verbose_name': 'thiết lập danh hiệu của bộ',
                'verbose_name_plural': 'thiết lập danh hiệu của bộ',
                'ordering': ['ministry', 'code'],
                'constraints': [models.UniqueConstraint(fields=('ministry', 'code'), name='one_setting_per_code')],
            },
        ),
        migrations.RunPython(audit_append_only, audit_append_only_lifted),
        migrations.RunPython(load_catalogue, migrations.RunPython.noop),
    ]
