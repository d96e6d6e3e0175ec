from django.utils import timezone

from emulation.bounds import year_in_range


def selected_year(request):
    """The year the page shows: ``?year=`` when it is a sensible year, else this year."""
    raw = request.GET.get("year", "")
    if raw.isdigit() and len(raw) <= 6 and year_in_range(int(raw)):
        return int(raw)
    return timezone.localdate().year


def ministry_award_settings(*, ministry_id):
    """``{code: MinistryAwardSetting}`` of one ministry, in one query."""
    from emulation.models import MinistryAwardSetting

    return {s.code: s for s in MinistryAwardSetting.objects.filter(ministry_id=ministry_id)}


def local_name(settings_by_code, award_title):
    """The ministry's own name of a catalogue entry (e.g. "Cờ thi đua ngành Tư pháp"), or ""."""
    setting = settings_by_code.get(award_title.code)
    return setting.local_name if setting is not None else ""
