from django.utils import timezone

from emulation.models import EmulationYear

MIN_YEAR, MAX_YEAR = 2000, 2100


def selected_year(request):
    """The year the page shows: ``?year=`` when it is a sensible year, else this year."""
    raw = request.GET.get("year", "")
    if raw.isdigit() and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    return timezone.localdate().year


def years_of_ministries(ministry_ids):
    return sorted(
        set(
            EmulationYear.objects.filter(ministry_id__in=ministry_ids).values_list(
                "year", flat=True
            )
        ),
        reverse=True,
    )
