"""Reward money (docs/domain.md §4.11): multiplier of the award's regime × the base salary in
force on the decision date, rounded up to 10,000 VND; when one subject receives several
emulation titles in one decision, money is paid for the highest title only."""

from decimal import ROUND_CEILING, Decimal

from django.utils.translation import gettext as _

from emulation.dates import short_date
from emulation.models import AwardTitle, BaseSalary
from emulation.numbers import format_decimal

ROUND_TO = Decimal(10000)


def _salary_on(on_date, salaries=None):
    if salaries is None:
        return BaseSalary.objects.filter(valid_from__lte=on_date).order_by("-valid_from").first()
    in_force = [salary for salary in salaries if salary.valid_from <= on_date]
    return max(in_force, key=lambda salary: salary.valid_from) if in_force else None


def round_up(raw):
    """Round up to the next 10,000 VND (an exact multiple stays as it is)."""
    return (Decimal(raw) / ROUND_TO).to_integral_value(rounding=ROUND_CEILING) * ROUND_TO


def reward_amount(*, award_title, on_date, salaries=None):
    """``(amount, note)``; a missing multiplier or base salary gives no amount and says why."""
    if award_title.reward_multiplier is None:
        return None, _("Chưa cấu hình hệ số tiền thưởng cho %(award)s: chưa tính tiền thưởng.") % {
            "award": award_title.name_vi
        }
    salary = _salary_on(on_date, salaries)
    if salary is None:
        return None, _("Chưa có mức lương cơ sở áp dụng ngày %(date)s: chưa tính tiền thưởng.") % {
            "date": short_date(on_date)
        }
    amount = round_up(Decimal(award_title.reward_multiplier) * Decimal(salary.amount))
    note = _("%(mult)s × %(salary)s đồng (%(citation)s; %(salary_citation)s)") % {
        "mult": format_decimal(award_title.reward_multiplier),
        "salary": format_decimal(salary.amount),
        "citation": award_title.reward_citation or award_title.citation,
        "salary_citation": salary.citation,
    }
    if not award_title.reward_confirmed:
        note += " – " + _("hệ số chưa đối chiếu văn bản, cần kiểm tra")
    return amount, note


def _subject(line):
    return (line.person_id, None if line.person_id else line.unit_id)


def allocate(lines, *, on_date, regime):
    """``{line.pk: (amount, note)}`` for the lines one decision grants. Several emulation
    titles of one subject at once: only the highest is paid, the others get 0 with the reason;
    forms of commendation are paid each on their own."""
    salaries = list(BaseSalary.objects.filter(valid_from__lte=on_date))
    result = {
        line.pk: reward_amount(award_title=line.award_title, on_date=on_date, salaries=salaries)
        for line in lines
    }
    titles = {}
    for line in lines:
        if line.award_title.kind == AwardTitle.Kind.TITLE and result[line.pk][0] is not None:
            titles.setdefault(_subject(line), []).append(line)
    for same in titles.values():
        # The catalogue lists titles from the lowest up: on equal amounts the highest is paid.
        paid = max(same, key=lambda line: (result[line.pk][0], line.award_title.order))
        for line in same:
            if line is paid:
                continue
            result[line.pk] = (
                Decimal(0),
                _(
                    "Cùng lúc được %(paid)s: chỉ nhận tiền thưởng của danh hiệu cao nhất "
                    "(%(citation)s)."
                )
                % {
                    "paid": paid.award_title.name_vi,
                    "citation": regime.money_citation or regime.decree_citation,
                },
            )
    return result
