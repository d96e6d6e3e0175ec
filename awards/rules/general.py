"""Rules for every nomination: one reward and one form per achievement, pending matters
(discipline, investigation, inspection, complaint) on every date of the procedure, council vote."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.rules.base import (
    APPROVAL,
    BK_BO_CA_NHAN,
    BK_TTG_CA_NHAN,
    CSTD_BO,
    CSTD_TQ,
    DECISION,
    ERROR,
    FLAGS,
    HEAD_DECISION,
    SUBMISSION,
    WARNING,
    Finding,
    rule,
)
from emulation.dates import short_date
from emulation.models import AwardTitle
from emulation.numbers import format_share


def _law(ctx):
    return f"{ctx.regime.law_citation}; {ctx.regime.decree_citation}"


def _subject_codes(line, ctx):
    """Codes proposed or awarded to the line's subject for the same achievement year, other
    than the line itself."""
    key = (line.person_id, line.unit_id if not line.person_id else None)
    codes = [
        other.award_title.code
        for other in ctx.live_lines()
        if other.pk != line.pk
        and (other.person_id, other.unit_id if not other.person_id else None) == key
    ]
    codes += [
        row[2]
        for row in ctx.elsewhere
        if (row[0] == line.person_id if line.person_id else row[1] == line.unit_id)
    ]
    return codes, ctx.titles_of(line).get(ctx.year, set())


def _is_form(ctx, code):
    return ctx.kinds.get(code) == AwardTitle.Kind.FORM


@rule(
    "one-achievement-once",
    gettext_lazy("Một thành tích chỉ khen thưởng một lần, một hình thức"),
    gettext_lazy(
        "Cùng một đối tượng không được đề nghị hai lần cùng một danh hiệu, hình thức cho cùng "
        "năm thành tích (trong hồ sơ này, hồ sơ khác đã gửi, hoặc khen thưởng đã có); các danh "
        "hiệu thi đua được cộng dồn, nhưng một thành tích chỉ được một hình thức khen thưởng: "
        "Bằng khen, Giấy khen không đi cùng một hình thức khác hay một Cờ thi đua cùng năm."
    ),
)
def one_achievement_once(line, ctx):
    code = line.award_title.code
    proposed, awarded = _subject_codes(line, ctx)
    principle = ctx.regime.principle_citation or _law(ctx)
    if code in proposed or code in awarded:
        return [
            Finding(
                ERROR,
                "one-achievement-once",
                _(
                    "%(subject)s đã được đề nghị hoặc đã được tặng %(award)s cho thành tích năm "
                    "%(year)s: một thành tích chỉ được khen thưởng một lần (%(law)s)."
                )
                % {
                    "subject": line.subject_name,
                    "award": line.award_title.name_vi,
                    "year": ctx.year,
                    "law": principle,
                },
            )
        ]
    others = set(proposed) | set(awarded)
    if _is_form(ctx, code):
        conflicts = {other for other in others if _is_form(ctx, other) or other in FLAGS}
    elif code in FLAGS:
        conflicts = {other for other in others if _is_form(ctx, other)}
    else:
        conflicts = set()
    if not conflicts:
        return []
    return [
        Finding(
            ERROR,
            "one-achievement-once",
            _(
                "%(subject)s đã được đề nghị hoặc đã được tặng %(others)s cho thành tích năm "
                "%(year)s: không khen thưởng nhiều hình thức cho một thành tích, không thể thêm "
                "%(award)s (%(law)s)."
            )
            % {
                "subject": line.subject_name,
                "others": ", ".join(sorted(ctx.names.get(code, code) for code in conflicts)),
                "award": line.award_title.name_vi,
                "year": ctx.year,
                "law": principle,
            },
        )
    ]


# Years of achievement a title rewards, ending with the proposal's year: achievements count
# only from the end of a discipline (CSTĐ cấp Bộ: 3 years of CSTĐ cơ sở; toàn quốc: two
# terms of CSTĐ cấp Bộ; Bằng khen: 2 and 5 consecutive years).
ACHIEVEMENT_YEARS = {CSTD_BO: 3, CSTD_TQ: 6, BK_BO_CA_NHAN: 2, BK_TTG_CA_NHAN: 5}


def _fmt(date):
    return short_date(date)


def _discipline_findings(line, ctx, discipline, law):
    start, end = discipline.discipline_start, discipline.discipline_end
    values = {
        "subject": line.subject_name,
        "level": discipline.get_discipline_level_display(),
        "law": law,
    }
    if start is None:
        return [
            Finding(
                WARNING,
                "no-pending-matter",
                _(
                    "%(subject)s có hình thức kỷ luật (năm %(year)s) nhưng chưa ghi ngày bắt "
                    "đầu: chưa thể kiểm tra thời hạn kỷ luật (%(law)s)."
                )
                % {**values, "year": discipline.year},
            )
        ]
    in_force = [day for day in ctx.check_dates() if start <= day and (end is None or day <= end)]
    if in_force:
        return [
            Finding(
                ERROR,
                "no-pending-matter",
                _(
                    "%(subject)s đang trong thời hạn kỷ luật (%(level)s, từ %(start)s) vào ngày "
                    "%(day)s, ngày lập, xét hoặc quyết định khen thưởng: không đề nghị khen "
                    "thưởng (%(law)s)."
                )
                % {**values, "start": _fmt(start), "day": _fmt(in_force[0])},
            )
        ]
    span = ACHIEVEMENT_YEARS.get(line.award_title.code, 1)
    period_start = datetime.date(ctx.year - span + 1, 1, 1)
    if start <= datetime.date(ctx.year, 12, 31) and (end is None or end >= period_start):
        return [
            Finding(
                ERROR,
                "no-pending-matter",
                _(
                    "%(subject)s bị kỷ luật (%(level)s) từ %(start)s đến %(end)s, trong thời "
                    "gian tính thành tích từ %(period)s: thành tích chỉ được tính từ khi hết "
                    "thời hạn kỷ luật (%(law)s)."
                )
                % {
                    **values,
                    "start": _fmt(start),
                    "end": _fmt(end) if end else "…",
                    "period": _fmt(period_start),
                },
            )
        ]
    return []


@rule(
    "no-pending-matter",
    gettext_lazy("Không đề nghị khi đang bị kỷ luật, điều tra, thanh tra, khiếu nại"),
    gettext_lazy(
        "Kiểm tra vào ngày lập tờ trình, ngày xét và ngày quyết định, kể cả quyết định của thủ "
        "trưởng đơn vị (không chỉ trong năm thành tích): cá nhân đang trong thời hạn kỷ luật, "
        "hoặc cá nhân, tập thể đang bị điều tra, thanh tra, kiểm tra, có khiếu nại chưa giải "
        "quyết thì không đề nghị khen thưởng; thành tích chỉ được tính từ khi hết thời hạn kỷ "
        "luật."
    ),
    stages=(SUBMISSION, APPROVAL, DECISION, HEAD_DECISION),
)
def no_pending_matter(line, ctx):
    findings = []
    law = _law(ctx)
    if line.person_id:
        pending = ctx.person_pending.get(line.person_id, [])
        for discipline in ctx.person_disciplines.get(line.person_id, []):
            findings += _discipline_findings(line, ctx, discipline, law)
    else:
        pending = ctx.unit_pending.get(line.unit_id, [])
    if pending:
        findings.append(
            Finding(
                ERROR,
                "no-pending-matter",
                _(
                    "%(subject)s đang bị điều tra, thanh tra, kiểm tra hoặc có khiếu nại chưa "
                    "giải quyết (ghi trong hồ sơ năm %(years)s): không đề nghị khen thưởng "
                    "(%(law)s)."
                )
                % {
                    "subject": line.subject_name,
                    "years": ", ".join(str(year) for year in sorted(pending)),
                    "law": law,
                },
            )
        )
    return findings


@rule(
    "council-vote-threshold",
    gettext_lazy("Tỷ lệ phiếu đồng ý của Hội đồng Thi đua - Khen thưởng"),
    gettext_lazy(
        "Khi phê duyệt: số phiếu đồng ý trên tổng số thành viên hội đồng (kể cả thành viên "
        "vắng mặt bỏ phiếu bằng văn bản) phải đạt ngưỡng của danh hiệu trong danh mục."
    ),
    stages=(APPROVAL,),
)
def council_vote_threshold(line, ctx):
    title = line.award_title
    if title.vote_threshold is None:
        return [
            Finding(
                WARNING,
                "council-vote-threshold",
                _(
                    "Chưa cấu hình ngưỡng phiếu hội đồng cho %(award)s (%(citation)s): "
                    "không kiểm tra tỷ lệ phiếu."
                )
                % {"award": title.name_vi, "citation": title.citation},
            )
        ]
    if not line.council_members or line.council_votes_for is None:
        return [
            Finding(
                ERROR,
                "council-vote-threshold",
                _(
                    "Chưa ghi kết quả biểu quyết của hội đồng cho %(subject)s: cần đạt "
                    "%(threshold)s%% tổng số thành viên (%(citation)s)."
                )
                % {
                    "subject": line.subject_name,
                    "threshold": title.vote_threshold,
                    "citation": title.citation,
                },
            )
        ]
    share = Decimal(line.council_votes_for) * 100 / Decimal(line.council_members)
    if share >= title.vote_threshold:
        return []
    return [
        Finding(
            ERROR,
            "council-vote-threshold",
            _(
                "%(subject)s được %(votes)s/%(members)s thành viên hội đồng đồng ý "
                "(%(share)s%%), chưa đạt %(threshold)s%% tổng số thành viên cần cho %(award)s "
                "(%(citation)s)."
            )
            % {
                "subject": line.subject_name,
                "votes": line.council_votes_for,
                "members": line.council_members,
                "share": format_share(share),
                "threshold": title.vote_threshold,
                "award": title.name_vi,
                "citation": title.citation,
            },
        )
    ]
