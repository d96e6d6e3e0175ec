from django.utils import timezone

from emulation.bounds import year_in_range
from emulation.models import AwardTitle, EmulationYear, LegalRegime, MinistryAwardSetting
from emulation.roles import scope_of


def selected_year(request):
    """The year the page shows: ``?year=`` when it is a sensible year, else this year."""
    raw = request.GET.get("year", "")
    if raw.isdigit() and len(raw) <= 6 and year_in_range(int(raw)):
        return int(raw)
    return timezone.localdate().year


def quota_per_cluster(*, award_title, settings):
    """The number a cluster may put forward for ``award_title`` in a year: the ministry's own
    quota (``settings``: ``{code: MinistryAwardSetting}``) when it set one, else the national
    catalogue's; None when neither did. The vote, the rules and the council all ask here."""
    setting = settings.get(award_title.code)
    if setting is not None and setting.quota_per_cluster is not None:
        return setting.quota_per_cluster
    return award_title.quota_per_cluster


def ministry_award_settings(*, ministry_id):
    """``{code: MinistryAwardSetting}`` of one ministry, in one query."""
    return {s.code: s for s in MinistryAwardSetting.objects.filter(ministry_id=ministry_id)}


def local_name(settings_by_code, award_title):
    """The ministry's own name of a catalogue entry (e.g. "Cờ thi đua ngành Tư pháp"), or ""."""
    setting = settings_by_code.get(award_title.code)
    return setting.local_name if setting is not None else ""


def catalogue_page(*, regime_code):
    """Every regime, the one asked for by its code (else the latest) and its catalogue."""
    regimes = list(LegalRegime.objects.all())
    regime = next((r for r in regimes if r.code == regime_code), None)
    regime = regime or (regimes[-1] if regimes else None)
    return regimes, regime, catalogue_of(regime=regime)


def catalogue_of(*, regime):
    return AwardTitle.objects.filter(regime=regime).order_by("order", "id")


def regime_by_code(code):
    return LegalRegime.objects.filter(code=code).first()


def latest_award_title(*, code):
    """The entry of ``code`` in the latest regime that has it, or None."""
    return AwardTitle.objects.filter(code=code).order_by("-regime__valid_from").first()


def managed_emulation_years(*, user):
    """The emulation years of the ministries the user manages, with their regime."""
    years = scope_of(user).managed(EmulationYear.objects.all())
    return years.select_related("ministry", "regime")
