from django.utils import timezone

from emulation.bounds import year_in_range


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
    from emulation.models import MinistryAwardSetting

    return {s.code: s for s in MinistryAwardSetting.objects.filter(ministry_id=ministry_id)}


def local_name(settings_by_code, award_title):
    """The ministry's own name of a catalogue entry (e.g. "Cờ thi đua ngành Tư pháp"), or ""."""
    setting = settings_by_code.get(award_title.code)
    return setting.local_name if setting is not None else ""
