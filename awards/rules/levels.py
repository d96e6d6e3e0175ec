"""Who decides: a cluster's proposal goes to the Minister, who grants titles of the Minister's
level and forwards those of the Prime Minister and the President; titles the unit head decides
are never proposed upward (khoản 1 Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.rules.base import APPROVAL, ERROR, SUBMISSION, Finding, rule


def unit_head_refusal(award_title):
    """The message refusing a unit-head title in a proposal to the ministry."""
    return _(
        "“%(award)s” do %(level)s quyết định tặng (%(citation)s): không đề nghị lên Bộ. Hãy "
        "ghi quyết định của thủ trưởng đơn vị (số, ngày) vào hồ sơ năm của đơn vị hoặc cá nhân; "
        "đó là điều kiện để xét các danh hiệu cao hơn."
    ) % {
        "award": award_title.name_vi,
        "level": award_title.get_level_display(),
        "citation": award_title.level_citation or award_title.citation,
    }


@rule(
    "deciding-level",
    gettext_lazy("Cấp quyết định"),
    gettext_lazy(
        "Hồ sơ của cụm chỉ gồm danh hiệu, hình thức do Bộ trưởng quyết định hoặc Bộ trình lên "
        "Thủ tướng Chính phủ, Chủ tịch nước; danh hiệu do thủ trưởng đơn vị quyết định thì "
        "ghi vào hồ sơ năm của đơn vị, cá nhân."
    ),
    stages=(SUBMISSION,),
)
def deciding_level(line, ctx):
    if line.award_title.is_unit_head:
        return [Finding(ERROR, "deciding-level", unit_head_refusal(line.award_title))]
    return []


@rule(
    "council-ranking",
    gettext_lazy("Xếp hạng khi vượt số lượng"),
    gettext_lazy(
        "Khi số dòng đạt ngưỡng phiếu của Hội đồng nhiều hơn số lượng cho phép, lấy theo số "
        "phiếu từ cao xuống; bằng phiếu ở vị trí cuối thì Chủ tịch Hội đồng quyết định, ghi "
        "vào biên bản."
    ),
    stages=(APPROVAL,),
)
def council_ranking(line, ctx):
    result = ctx.council_results.get(line.pk)
    if result == "outranked":
        text = _(
            "%(subject)s – %(award)s: đạt ngưỡng phiếu nhưng xếp sau, vượt số lượng được tặng "
            "(%(citation)s)."
        )
    elif result == "tie":
        text = _(
            "%(subject)s – %(award)s: bằng phiếu ở vị trí cuối trong số lượng được tặng, chờ Chủ "
            "tịch Hội đồng quyết định (%(citation)s)."
        )
    else:
        return []
    return [
        Finding(
            ERROR,
            "council-ranking",
            text
            % {
                "subject": line.subject_name,
                "award": line.award_title.name_vi,
                "citation": line.award_title.citation,
            },
        )
    ]
