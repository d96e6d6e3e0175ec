"""Rules for individual titles and forms (docs/domain.md §4.6)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.rules.base import (
    APPROVAL,
    BK_BO_CA_NHAN,
    BK_TTG_CA_NHAN,
    CSTD_BO,
    CSTD_TQ,
    CSTDCS,
    ERROR,
    HEAD_DECISION,
    LDTT,
    SUBMISSION,
    WARNING,
    Finding,
    rule,
)
from units.models import PersonYear

GOOD_OR_BETTER = {PersonYear.Rating.EXCELLENT, PersonYear.Rating.GOOD}


def _not_a_person(line, code):
    if line.person_id:
        return []
    return [
        Finding(
            ERROR,
            code,
            _("%(award)s chỉ xét cho cá nhân: hãy chọn cá nhân được đề nghị (%(citation)s).")
            % {"award": line.award_title.name_vi, "citation": line.award_title.citation},
        )
    ]


def _no_data(line, code, years):
    return [
        Finding(
            WARNING,
            code,
            _(
                "Chưa có hồ sơ năm %(years)s của %(subject)s: chưa thể kiểm tra điều kiện "
                "%(award)s (%(citation)s)."
            )
            % {
                "years": ", ".join(str(y) for y in years),
                "subject": line.subject_name,
                "award": line.award_title.name_vi,
                "citation": line.award_title.citation,
            },
        )
    ]


def _unmet(line, code, condition):
    return [
        Finding(
            ERROR,
            code,
            _("%(subject)s chưa đủ điều kiện %(award)s: %(condition)s (%(citation)s).")
            % {
                "subject": line.subject_name,
                "award": line.award_title.name_vi,
                "condition": condition,
                "citation": line.award_title.citation,
            },
        )
    ]


def _years_without_data(line, ctx, years):
    titles = ctx.titles_of(line)
    return [y for y in years if ctx.person_year(line, y) is None and not titles.get(y)]


def _check_title_years(line, ctx, code, title_code, years, condition):
    """Each of ``years`` must hold ``title_code``; missing data warns instead of guessing."""
    titles = ctx.titles_of(line)
    if all(title_code in titles.get(y, set()) for y in years):
        return []
    missing = _years_without_data(line, ctx, years)
    if missing:
        return _no_data(line, code, missing)
    return _unmet(line, code, condition)


@rule(
    "cstd-co-so",
    gettext_lazy("Chiến sĩ thi đua cơ sở"),
    gettext_lazy(
        "Đạt Lao động tiên tiến trong năm và có sáng kiến được công nhận hoặc đề tài nghiên "
        "cứu được nghiệm thu; theo Luật 2022 hoàn thành xuất sắc nhiệm vụ cũng được tính, theo "
        "Luật 2003 (Điều 23) thì không. Kiểm tra khi ghi quyết định của thủ trưởng đơn vị."
    ),
    awards={CSTDCS},
    stages=(SUBMISSION, APPROVAL, HEAD_DECISION),
    only=_not_a_person,
)
def grassroots_fighter(line, ctx):
    code = "cstd-co-so"
    record = ctx.person_year(line)
    titles = ctx.titles_of(line).get(ctx.year, set())
    if record is None and LDTT not in titles:
        return _no_data(line, code, [ctx.year])
    if LDTT not in titles:
        return _unmet(line, code, _("chưa đạt Lao động tiên tiến năm %(y)s") % {"y": ctx.year})
    if record is None:
        return _no_data(line, code, [ctx.year])
    if record.has_initiative or record.research_accepted:
        return []
    if not ctx.regime.grassroots_rating_suffices:
        # Law 2003, art. 23: an initiative or an accepted research project is required.
        return _unmet(line, code, _("không có sáng kiến hay đề tài nghiên cứu được công nhận"))
    if record.task_rating != PersonYear.Rating.EXCELLENT:
        return _unmet(
            line,
            code,
            _(
                "không hoàn thành xuất sắc nhiệm vụ, không có sáng kiến hay đề tài nghiên cứu "
                "được công nhận"
            ),
        )
    return []


@rule(
    "cstd-bo",
    gettext_lazy("Chiến sĩ thi đua cấp Bộ"),
    gettext_lazy(
        "Ba năm liên tục (năm xét và hai năm trước) đạt Chiến sĩ thi đua cơ sở và có sáng kiến "
        "có phạm vi ảnh hưởng toàn ngành."
    ),
    awards={CSTD_BO},
    only=_not_a_person,
)
def ministry_fighter(line, ctx):
    code = "cstd-bo"
    years = [ctx.year - 2, ctx.year - 1, ctx.year]
    findings = _check_title_years(
        line, ctx, code, CSTDCS, years, _("chưa đủ 3 năm liên tục Chiến sĩ thi đua cơ sở")
    )
    if findings:
        return findings
    record = ctx.person_year(line)
    if record is None:
        return _no_data(line, code, [ctx.year])
    if not record.initiative_ministry_wide:
        return _unmet(line, code, _("chưa có sáng kiến có phạm vi ảnh hưởng toàn ngành"))
    return []


# A term of Chiến sĩ thi đua cấp Bộ rewards three consecutive years of Chiến sĩ thi đua cơ sở;
# two terms are consecutive when the second is awarded three years after the first.
MINISTRY_TERM = 3


def _ministry_fighter_years(line, ctx):
    titles = ctx.titles_of(line)
    years = {year for year, codes in titles.items() if CSTD_BO in codes}
    same = any(
        other.person_id == line.person_id and other.award_title.code == CSTD_BO
        for other in ctx.live_lines()
    )
    return years | ({ctx.year} if same else set())


@rule(
    "cstd-toan-quoc",
    gettext_lazy("Chiến sĩ thi đua toàn quốc"),
    gettext_lazy(
        "Hai lần liên tục đạt Chiến sĩ thi đua cấp Bộ (hai nhiệm kỳ 3 năm nối tiếp, lần sau "
        "trong năm xét hoặc năm trước) và có sáng kiến có phạm vi ảnh hưởng toàn quốc."
    ),
    awards={CSTD_TQ},
    only=_not_a_person,
)
def national_fighter(line, ctx):
    code = "cstd-toan-quoc"
    years = _ministry_fighter_years(line, ctx)
    consecutive = any(
        second - MINISTRY_TERM in years for second in years if ctx.year - 1 <= second <= ctx.year
    )
    if not consecutive:
        window = range(ctx.year - 2 * MINISTRY_TERM + 1, ctx.year + 1)
        if not years and not any(ctx.person_year(line, y) for y in window):
            return _no_data(line, code, list(window))
        return _unmet(
            line,
            code,
            _(
                "chưa đủ 2 lần liên tục Chiến sĩ thi đua cấp Bộ (đã có: %(years)s; lần sau phải "
                "là năm %(last)s hoặc %(year)s và lần trước đúng 3 năm trước đó)"
            )
            % {
                "years": ", ".join(str(y) for y in sorted(years)) or "—",
                "last": ctx.year - 1,
                "year": ctx.year,
            },
        )
    record = ctx.person_year(line)
    if record is None:
        return _no_data(line, code, [ctx.year])
    if not record.initiative_nationwide:
        return _unmet(line, code, _("chưa có sáng kiến có phạm vi ảnh hưởng toàn quốc"))
    return []


@rule(
    "bang-khen-bo-ca-nhan",
    gettext_lazy("Bằng khen của Bộ trưởng cho cá nhân"),
    gettext_lazy("Hai năm liên tục (năm xét và năm trước) đạt Chiến sĩ thi đua cơ sở."),
    awards={BK_BO_CA_NHAN},
    only=_not_a_person,
)
def minister_certificate(line, ctx):
    return _check_title_years(
        line,
        ctx,
        "bang-khen-bo-ca-nhan",
        CSTDCS,
        [ctx.year - 1, ctx.year],
        _("chưa đủ 2 năm liên tục Chiến sĩ thi đua cơ sở"),
    )


@rule(
    "bang-khen-ttg-ca-nhan",
    gettext_lazy("Bằng khen của Thủ tướng Chính phủ cho cá nhân"),
    gettext_lazy(
        "Đã được tặng Bằng khen cấp Bộ và 5 năm liên tục (đến năm xét) hoàn thành tốt nhiệm "
        "vụ trở lên, trong đó có 3 lần Chiến sĩ thi đua cơ sở."
    ),
    awards={BK_TTG_CA_NHAN},
    only=_not_a_person,
)
def prime_minister_certificate(line, ctx):
    code = "bang-khen-ttg-ca-nhan"
    titles = ctx.titles_of(line)
    if not any(BK_BO_CA_NHAN in codes for y, codes in titles.items() if y < ctx.year):
        return _unmet(line, code, _("chưa được tặng Bằng khen của Bộ trưởng"))
    years = list(range(ctx.year - 4, ctx.year + 1))
    missing = [y for y in years if ctx.person_year(line, y) is None]
    if missing:
        return _no_data(line, code, missing)
    if any(ctx.person_year(line, y).task_rating not in GOOD_OR_BETTER for y in years):
        return _unmet(line, code, _("chưa đủ 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên"))
    if sum(1 for y in years if CSTDCS in titles.get(y, set())) < 3:
        return _unmet(line, code, _("chưa đủ 3 lần Chiến sĩ thi đua cơ sở trong 5 năm"))
    return []
