"""Rules for every nomination: one reward per achievement, pending matters, council vote."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.rules.base import APPROVAL, ERROR, WARNING, Finding, rule


def _law(ctx):
    return f"{ctx.regime.law_citation}; {ctx.regime.decree_citation}"


@rule(
    "one-achievement-once",
    gettext_lazy("Một thành tích chỉ khen thưởng một lần"),
    gettext_lazy(
        "Cùng một đối tượng không được đề nghị hai lần cùng một danh hiệu, hình thức cho cùng "
        "năm thành tích (trong hồ sơ này, hồ sơ khác đã gửi, hoặc khen thưởng đã có)."
    ),
)
def one_achievement_once(line, ctx):
    code = line.award_title.code
    key = (line.person_id, line.unit_id if not line.person_id else None)
    same = [
        other
        for other in ctx.live_lines()
        if other.pk != line.pk
        and other.award_title.code == code
        and (other.person_id, other.unit_id if not other.person_id else None) == key
    ]
    elsewhere = [
        row
        for row in ctx.elsewhere
        if row[2] == code
        and (row[0] == line.person_id if line.person_id else row[1] == line.unit_id)
    ]
    awarded = code in ctx.titles_of(line).get(ctx.year, set())
    if not (same or elsewhere or awarded):
        return []
    return [
        Finding(
            ERROR,
            "one-achievement-once",
            _(
                "%(subject)s đã được đề nghị hoặc đã được tặng %(award)s cho thành tích năm "
                "%(year)s: một thành tích chỉ được khen thưởng một lần (nguyên tắc khen thưởng, "
                "%(law)s)."
            )
            % {
                "subject": line.subject_name,
                "award": line.award_title.name_vi,
                "year": ctx.year,
                "law": _law(ctx),
            },
        )
    ]


def _overlaps_year(record, year):
    start, end = record.discipline_start, record.discipline_end
    return start <= datetime.date(year, 12, 31) and (
        end is None or end >= datetime.date(year, 1, 1)
    )


@rule(
    "no-pending-matter",
    gettext_lazy("Không đề nghị khi đang bị kỷ luật, điều tra, thanh tra, khiếu nại"),
    gettext_lazy(
        "Cá nhân đang trong thời gian kỷ luật trong năm xét, hoặc cá nhân, tập thể đang bị "
        "điều tra, thanh tra, kiểm tra, có khiếu nại chưa giải quyết thì không đề nghị khen "
        "thưởng; thành tích tính từ khi hết thời hạn kỷ luật."
    ),
)
def no_pending_matter(line, ctx):
    findings = []
    law = _law(ctx)
    if line.person_id:
        record = ctx.person_year(line)
        pending = record is not None and record.pending_review
        for discipline in ctx.person_disciplines.get(line.person_id, []):
            if discipline.discipline_start is None:
                findings.append(
                    Finding(
                        WARNING,
                        "no-pending-matter",
                        _(
                            "%(subject)s có hình thức kỷ luật (năm %(year)s) nhưng chưa ghi "
                            "ngày bắt đầu: chưa thể kiểm tra thời hạn kỷ luật (%(law)s)."
                        )
                        % {"subject": line.subject_name, "year": discipline.year, "law": law},
                    )
                )
            elif _overlaps_year(discipline, ctx.year):
                findings.append(
                    Finding(
                        ERROR,
                        "no-pending-matter",
                        _(
                            "%(subject)s đang trong thời gian kỷ luật (%(level)s) trong năm "
                            "%(year)s: không đề nghị khen thưởng; thành tích tính từ khi hết "
                            "thời hạn kỷ luật (%(law)s)."
                        )
                        % {
                            "subject": line.subject_name,
                            "level": discipline.get_discipline_level_display(),
                            "year": ctx.year,
                            "law": law,
                        },
                    )
                )
    else:
        record = ctx.unit_years.get(line.unit_id)
        pending = record is not None and record.pending_review
    if pending:
        findings.append(
            Finding(
                ERROR,
                "no-pending-matter",
                _(
                    "%(subject)s đang bị điều tra, thanh tra, kiểm tra hoặc có khiếu nại chưa "
                    "giải quyết: không đề nghị khen thưởng (%(law)s)."
                )
                % {"subject": line.subject_name, "law": law},
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
                "share": f"{share:.1f}",
                "threshold": title.vote_threshold,
                "award": title.name_vi,
                "citation": title.citation,
            },
        )
    ]
