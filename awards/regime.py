"""Which law applies to a dossier: the regime in force on the day it is submitted to the
deciding level, not the achievement year (Điều 94, 95 Luật Thi đua, khen thưởng số
06/2022/QH15; the effect and transitional clauses of each decree, stored per regime in
``LegalRegime.transition_citation``)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from emulation.dates import short_date
from emulation.errors import DomainError
from emulation.models import AwardTitle, LegalRegime


@dataclass(frozen=True)
class ApplicableRegime:
    regime: LegalRegime
    on_date: object  # the date that decides, or None while the dossier has none
    reason: str


def regime_on(*, on_date, what):
    """The regime in force on ``on_date`` for ``what`` (a dossier's description), with why."""
    regime = LegalRegime.for_date(on_date)
    if regime is None:
        raise DomainError(
            _("Không có chế độ pháp lý nào có hiệu lực ngày %(date)s.")
            % {"date": short_date(on_date)}
        )
    reason = _(
        "Áp dụng %(regime)s vì %(what)s ngày %(date)s, khi chế độ này đang có hiệu lực (từ "
        "%(since)s): chế độ áp dụng là chế độ có hiệu lực vào ngày hồ sơ được trình cấp có "
        "thẩm quyền quyết định, không theo năm thành tích. Căn cứ: %(citation)s"
    ) % {
        "regime": regime.name,
        "what": what,
        "date": short_date(on_date),
        "since": short_date(regime.valid_from),
        "citation": regime.transition_citation or regime.law_citation,
    }
    return ApplicableRegime(regime=regime, on_date=on_date, reason=reason)


def proposal_regime(proposal):
    """A cluster's proposal goes to the Minister: the date of its cover submission (tờ trình)
    decides. Until it has one, the regime of the emulation year applies provisionally."""
    if proposal.dated:
        return regime_on(
            on_date=proposal.dated,
            what=_("tờ trình %(number)s trình Bộ trưởng") % {"number": proposal.number or ""},
        )
    regime = proposal.cluster_year.emulation_year.regime
    return ApplicableRegime(
        regime=regime,
        on_date=None,
        reason=_(
            "Tờ trình chưa có ngày: tạm áp dụng %(regime)s của năm thi đua %(year)s. Khi ghi "
            "ngày tờ trình, chế độ áp dụng là chế độ có hiệu lực vào ngày đó."
        )
        % {"regime": regime.name, "year": proposal.cluster_year.year},
    )


def head_decision_regime(decision):
    """A unit head decides a title by signing a decision: its date decides (the date is
    required, so there is no provisional regime)."""
    return regime_on(
        on_date=decision.dated,
        what=_("quyết định %(number)s của thủ trưởng đơn vị") % {"number": decision.number},
    )


def same_title_in(regime, award_title):
    """The catalogue entry of ``regime`` with the same code, or a DomainError."""
    if award_title.regime_id == regime.pk:
        return award_title
    match = AwardTitle.objects.filter(regime=regime, code=award_title.code).first()
    if match is None:
        raise DomainError(
            _("%(award)s không có trong danh mục của %(regime)s.")
            % {"award": award_title.name_vi, "regime": regime.name},
            field="award_title",
        )
    return match
