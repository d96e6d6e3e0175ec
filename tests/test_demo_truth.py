"""The demo tells the truth: what the news report of 14/12/2020 says is recorded as it says,
everything else is marked as invented where it is shown, the audit trail carries the dates
of the events, and a report lists only what happened up to its own date."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from awards.models import Decision, Proposal
from clusters.models import Cluster, LeadershipTerm, Pledge, Vote
from documents.models import YearEndReport
from documents.reports.data import report_context
from emulation.demo import MINISTRY
from emulation.models import AuditEntry

REPORTED = {"Hoàng Xuân Châu", "Đặng Vũ Huân"}


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=None)
    return Cluster.objects.get(ministry__name=MINISTRY, number=2)


def local(entry):
    return timezone.localtime(entry.at)


def test_the_demo_tells_the_truth(demo):
    cluster = demo
    # The 2021 head and deputy were appointed by a decision announced at the conference.
    term = LeadershipTerm.objects.get(cluster_year__cluster=cluster, cluster_year__year=2021)
    assert term.selection == LeadershipTerm.Selection.APPOINTMENT
    assert (term.head_name, term.deputy_name) == ("Hoàng Xuân Châu", "Đặng Vũ Huân")
    assert (term.decision_number, term.decision_date) == ("", None)  # the report gives none
    assert "công bố Quyết định cử Cụm trưởng" in term.note
    other = LeadershipTerm.objects.get(cluster_year__cluster=cluster, cluster_year__year=2020)
    assert other.selection == LeadershipTerm.Selection.ROTATION
    assert other.head_name.endswith("(minh họa)") and other.deputy_name.endswith("(minh họa)")

    # The 2021 pledge: signers other than the head and deputy, commitments, registrations.
    pledge = Pledge.objects.get(cluster_year=term.cluster_year)
    signers = sorted(s.signer_name for s in pledge.signatures.all())
    assert [name for name in signers if not name.endswith(" (minh họa)")] == sorted(REPORTED)
    assert len(signers) == 10
    assert all(c.text.endswith(" (minh họa)") for c in pledge.commitments.all())
    assert "người ký của các đơn vị khác, nội dung giao ước và các đăng ký danh hiệu" in (
        pledge.note
    )
    staff = Client()
    staff.force_login(AuditEntry.objects.filter(actor__username="vu.tdkt").first().actor)
    page = staff.get(reverse("clusters:pledge", args=[cluster.pk, 2021])).content.decode()
    assert pledge.note in page

    # The vote is invented, and its page says so.
    vote = Vote.objects.get(cluster_year__cluster=cluster, cluster_year__year=2020)
    assert vote.note.startswith("Số liệu minh họa do bản demo tự đặt")
    page = staff.get(reverse("clusters:vote", args=[cluster.pk, 2020, vote.pk])).content.decode()
    assert vote.note in page

    # Decision 256/QĐ-BTP and its signer are invented, and the decision says so.
    decision = Decision.objects.get(number="256/QĐ-BTP")
    assert decision.signer_position == (
        "Thứ trưởng (số, ngày quyết định và người ký là minh họa do bản demo tự đặt)"
    )
    page = staff.get(reverse("awards:proposal", args=[decision.proposal_id])).content.decode()
    assert decision.signer_position in page

    # The audit trail carries the dates of the events, not the load day.
    dated = {
        entry.action: local(entry).date()
        for entry in AuditEntry.objects.filter(
            action__in=["vote_close", "minutes_sign", "decision_record"]
        )
    }
    assert dated == {
        "vote_close": datetime.date(2020, 12, 14),
        "minutes_sign": datetime.date(2020, 12, 14),
        "decision_record": datetime.date(2021, 1, 20),
    }
    proposal = Proposal.objects.get(cluster_year__cluster=cluster, cluster_year__year=2020)
    submits = sorted(
        local(e).date()
        for e in AuditEntry.objects.filter(
            action__in=["proposal_submit", "proposal_resubmit"], object_id=str(proposal.pk)
        )
    )
    assert submits == [datetime.date(2020, 12, 21), datetime.date(2021, 1, 5)]
    assert timezone.localtime(proposal.submitted_at).date() == datetime.date(2021, 1, 5)
    today = timezone.localdate()
    years_2020 = AuditEntry.objects.filter(
        object_type__in=["clusters.vote", "clusters.minutes", "awards.proposal"]
    )
    assert [e for e in years_2020 if local(e).date() == today] == []

    # The 2020 report (dated at the conference) adds the later proposal and decision apart.
    report = YearEndReport.objects.get(cluster_year=term.cluster_year.cluster.years.get(year=2020))
    data = report_context(report)["data"]
    assert report.issued_on == datetime.date(2020, 12, 14)
    assert data["awards"] == []
    assert sorted(row["decision_number"] for row in data["awards_after"]) == [
        "1234/QĐ-TTg (minh họa)",  # the Prime Minister's, through the dossier to Home Affairs
        *["256/QĐ-BTP"] * 3,
    ]
