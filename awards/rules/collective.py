"""Rules for collective titles: advanced and excellent collectives, the flags."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from awards.rules.base import (
    APPROVAL,
    CO_BO,
    CO_CP,
    ERROR,
    HEAD_DECISION,
    SUBMISSION,
    TTLDTT,
    TTLDXS,
    WARNING,
    Finding,
    rule,
)
from emulation.dates import short_date
from emulation.numbers import format_share
from units.models import PersonYear


def _finding(level, code, line, text):
    return Finding(
        level,
        code,
        _("%(subject)s – %(award)s: %(text)s (%(citation)s).")
        % {
            "subject": line.subject_name,
            "award": line.award_title.name_vi,
            "text": text,
            "citation": line.award_title.citation,
        },
    )


def _not_collective(line, code):
    if line.person_id:
        return [_finding(ERROR, code, line, _("danh hiệu này chỉ xét cho tập thể"))]
    return []


def _unit_figures(line, ctx, code, fields):
    """The unit's record for the year, or a warning naming what is not entered."""
    record = ctx.unit_years.get(line.unit_id)
    if record is None or any(getattr(record, f) is None for f in fields) or not record.staff_count:
        return None, [
            _finding(
                WARNING,
                code,
                line,
                _("chưa nhập đủ số liệu năm %(year)s của đơn vị, chưa thể kiểm tra điều kiện")
                % {"year": ctx.year},
            )
        ]
    return record, []


def _advanced_share(line, ctx, code, record, required, strict):
    """The share of Lao động tiên tiến against the regime's minimum: "ít nhất" (≥) or, under
    Law 2003 for Tập thể lao động tiên tiến, "trên" (>)."""
    if required is None:
        return [
            _finding(
                WARNING,
                code,
                line,
                _("chưa cấu hình tỷ lệ Lao động tiên tiến tối thiểu của %(regime)s")
                % {"regime": ctx.regime.name},
            )
        ]
    share = Decimal(record.advanced_count) * 100 / Decimal(record.staff_count)
    if share > required or (share == required and not strict):
        return []
    if strict:
        text = _("tỷ lệ Lao động tiên tiến %(share)s%% chưa vượt (trên) mức %(required)s%%")
    else:
        text = _("tỷ lệ Lao động tiên tiến %(share)s%% thấp hơn mức %(required)s%%")
    return [
        _finding(ERROR, code, line, text % {"share": format_share(share), "required": required})
    ]


@rule(
    "tt-lao-dong-tien-tien",
    gettext_lazy("Tập thể lao động tiên tiến"),
    gettext_lazy(
        "Tỷ lệ Lao động tiên tiến của tập thể đạt mức của chế độ pháp lý năm xét (Luật 2003: "
        "trên 50%; Luật 2022: ít nhất 70%); không có thành viên bị kỷ luật từ cảnh cáo trở lên "
        "(khiển trách không cản trở). Kiểm tra khi ghi quyết định của thủ trưởng đơn vị."
    ),
    awards={TTLDTT},
    stages=(SUBMISSION, APPROVAL, HEAD_DECISION),
    only=_not_collective,
)
def advanced_collective(line, ctx):
    code = "tt-lao-dong-tien-tien"
    record, findings = _unit_figures(line, ctx, code, ["advanced_count", "disciplined_count"])
    if record is None:
        return findings
    findings = _advanced_share(
        line,
        ctx,
        code,
        record,
        ctx.regime.collective_advanced_share,
        ctx.regime.collective_advanced_strict,
    )
    warned = max(record.disciplined_count, ctx.unit_warned.get(line.unit_id, 0))
    if warned:
        findings.append(
            _finding(
                ERROR,
                code,
                line,
                _("có %(n)s thành viên bị kỷ luật từ cảnh cáo trở lên") % {"n": warned},
            )
        )
    return findings


@rule(
    "tt-lao-dong-xuat-sac",
    gettext_lazy("Tập thể lao động xuất sắc"),
    gettext_lazy(
        "Hoàn thành xuất sắc nhiệm vụ; 100% thành viên hoàn thành nhiệm vụ; tỷ lệ Lao động "
        "tiên tiến đạt mức quy định; có ít nhất một Chiến sĩ thi đua cơ sở."
    ),
    awards={TTLDXS},
    only=_not_collective,
)
def excellent_collective(line, ctx):
    code = "tt-lao-dong-xuat-sac"
    record, findings = _unit_figures(
        line, ctx, code, ["completed_count", "advanced_count", "grassroots_fighter_count"]
    )
    if record is None:
        return findings
    if record.task_rating != PersonYear.Rating.EXCELLENT:
        findings.append(_finding(ERROR, code, line, _("tập thể chưa hoàn thành xuất sắc nhiệm vụ")))
    if record.completed_count < record.staff_count:
        findings.append(
            _finding(ERROR, code, line, _("chưa đủ 100% thành viên hoàn thành nhiệm vụ"))
        )
    findings += _advanced_share(
        line, ctx, code, record, ctx.regime.excellent_advanced_share, strict=False
    )
    if record.grassroots_fighter_count < 1:
        findings.append(_finding(ERROR, code, line, _("chưa có Chiến sĩ thi đua cơ sở")))
    return findings


def _quota(line, ctx, code, title_code, label):
    quota = ctx.quota_for(line.award_title)
    if quota is None:
        return [
            _finding(
                WARNING,
                code,
                line,
                _("chưa cấu hình %(label)s trong danh mục khen thưởng: không kiểm tra số lượng")
                % {"label": label},
            )
        ]
    same = [
        other
        for other in ctx.live_lines()
        if other.award_title.code == title_code and not other.person_id
    ]
    if len(same) > quota and line in same[quota:]:
        return [
            _finding(
                ERROR,
                code,
                line,
                ngettext(
                    "vượt %(label)s: tối đa %(quota)s đơn vị mỗi cụm mỗi năm, hồ sơ đề nghị %(n)s",
                    "vượt %(label)s: tối đa %(quota)s đơn vị mỗi cụm mỗi năm, hồ sơ đề nghị %(n)s",
                    quota,
                )
                % {"label": label, "quota": quota, "n": len(same)},
            )
        ]
    return []


def _led_by_vote(line, ctx, code, flags, not_led):
    """No finding if the cluster's closed vote put the unit forward for one of ``flags``;
    else the error ``not_led``."""
    if any(ctx.vote_nominated.get((flag, line.unit_id)) for flag in flags):
        return []
    return [_finding(ERROR, code, line, not_led)]


@rule(
    CO_BO,
    gettext_lazy("Cờ thi đua cấp Bộ"),
    gettext_lazy(
        "Chỉ tặng cho đơn vị được cụm suy tôn dẫn đầu bằng bỏ phiếu (cuộc bỏ phiếu đã kết "
        "thúc); số lượng mỗi cụm mỗi năm không vượt mức cấu hình trong danh mục."
    ),
    awards={CO_BO},
    only=_not_collective,
)
def ministry_flag(line, ctx):
    not_led = _("đơn vị không được cụm suy tôn trong cuộc bỏ phiếu đã kết thúc năm %(year)s")
    return _led_by_vote(line, ctx, CO_BO, {CO_BO}, not_led % {"year": ctx.year}) + _quota(
        line, ctx, CO_BO, CO_BO, _("số lượng Cờ thi đua cấp Bộ của cụm")
    )


def _government_cap(line, ctx, code):
    """At most ``cap`` % of the ministry's collectives meeting the ministry-flag standard."""
    cap = ctx.regime.government_flag_cap
    if cap is None:
        return [
            _finding(
                WARNING,
                code,
                line,
                _(
                    "chưa cấu hình tỷ lệ tối đa Cờ thi đua của Chính phủ của %(regime)s: không "
                    "kiểm tra số lượng"
                )
                % {"regime": ctx.regime.name},
            )
        ]
    standard = set(ctx.flag_units.get(CO_BO, set()))
    standard |= {
        unit
        for (flag, unit), nominated in ctx.vote_nominated.items()
        if nominated and flag == CO_BO
    }
    proposed = len(ctx.flag_units.get(CO_CP, set()))
    if proposed * 100 <= cap * len(standard):
        return []
    # A warning, not a block: the cap counts the whole ministry's flag holders, and the
    # ministry chooses among them when it makes its dossier to the Ministry of Home Affairs.
    return [
        _finding(
            WARNING,
            code,
            line,
            _(
                "%(n)s đơn vị được đề nghị Cờ thi đua của Chính phủ, vượt %(cap)s%% của "
                "%(standard)s tập thể đạt tiêu chuẩn Cờ thi đua cấp Bộ trong bộ năm %(year)s"
            )
            % {"n": proposed, "cap": cap, "standard": len(standard), "year": ctx.year},
        )
    ]


def _government_deadline(line, ctx, code):
    due = ctx.regime.government_flag_due_date(ctx.year)
    if due is None or ctx.on <= due:
        return []
    return [
        _finding(
            WARNING,
            code,
            line,
            _(
                "đã quá hạn gửi hồ sơ Cờ thi đua của Chính phủ cho thành tích năm %(year)s "
                "(hạn %(due)s)"
            )
            % {"year": ctx.year, "due": short_date(due)},
        )
    ]


@rule(
    CO_CP,
    gettext_lazy("Cờ thi đua của Chính phủ"),
    gettext_lazy(
        "Chọn trong số các đơn vị được cụm suy tôn dẫn đầu; số đơn vị được đề nghị trong bộ "
        "không vượt tỷ lệ tối đa của chế độ pháp lý trên số tập thể đạt tiêu chuẩn Cờ thi đua "
        "cấp Bộ (chưa cấu hình thì chỉ cảnh báo); hồ sơ gửi trước hạn của chế độ (30/6)."
    ),
    awards={CO_CP},
    only=_not_collective,
)
def government_flag(line, ctx):
    not_led = _("đơn vị không phải đơn vị dẫn đầu được cụm suy tôn")
    findings = _led_by_vote(line, ctx, CO_CP, {CO_BO, CO_CP}, not_led)
    findings += _government_cap(line, ctx, CO_CP) + _government_deadline(line, ctx, CO_CP)
    if ctx.quota_for(line.award_title) is not None:
        findings += _quota(line, ctx, CO_CP, CO_CP, _("mức tối đa Cờ thi đua của Chính phủ"))
    return findings
