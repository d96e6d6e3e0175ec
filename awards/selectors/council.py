"""Reads of the council: its roster and its meetings."""

from awards.models import Council


def council_page(*, ministry):
    """The ministry's council (None before its first member), its members and its last 50
    meetings."""
    council = Council.objects.filter(ministry=ministry).first()
    if council is None:
        return None, [], []
    return council, list(council.members.all()), list(council.meetings.all()[:50])


def meeting_rows(*, meeting):
    """A meeting's attendance (with the members) and its lines (with what they propose)."""
    attendance = list(meeting.attendance.select_related("member"))
    lines = list(
        meeting.lines.select_related(
            "nomination__award_title",
            "nomination__unit",
            "nomination__person",
            "nomination__proposal__cluster_year__cluster",
        )
    )
    return attendance, lines
