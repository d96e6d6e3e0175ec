"""What each form page stores when the allowed user posts it, and what it shows on a
refusal (nothing typed is lost)."""

import pytest
from django.urls import reverse

from awards.models import Award, Nomination, Proposal
from emulation.models import AuditEntry
from tests.awards.conftest import PDF, pdf, record_vote, title


def test_secretary_saves_the_cover_through_the_form(client_as, world, draft):
    response = client_as("secretary").post(
        reverse("awards:edit", args=[draft.pk]),
        {
            "version": draft.version,
            "number": "20/TTr",
            "dated": "2021-12-22",
            "cover_file": pdf("moi.pdf"),
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.number, str(draft.dated), draft.cover_name) == ("20/TTr", "2021-12-22", "moi.pdf")


def test_a_bad_cover_is_refused_next_to_the_field_keeping_the_number(client_as, draft):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_as("secretary").post(
        reverse("awards:edit", args=[draft.pk]),
        {
            "version": draft.version,
            "number": "21/TTr",
            "dated": "",
            "cover_file": SimpleUploadedFile("virus.exe", b"MZ"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chỉ nhận tệp PDF, Word, Excel, ODT hoặc ảnh PNG/JPEG." in html
    assert 'value="21/TTr"' in html


def test_secretary_adds_a_line_through_the_form(client_as, world, draft):
    certificate = title(world.cluster_year, "bang-khen-bo-tap-the")
    response = client_as("secretary").post(
        reverse("awards:line_create", args=[draft.pk]),
        {
            "unit": world.units[1].pk,
            "award_title": certificate.pk,
            "achievements": "Hoàn thành xuất sắc",
            "report_file": pdf("bc.pdf"),
        },
    )
    assert response.status_code == 302
    line = Nomination.objects.get(award_title=certificate)
    assert (line.unit, line.achievements, line.report_name) == (
        world.units[1],
        "Hoàn thành xuất sắc",
        "bc.pdf",
    )
    assert line.report_file.read() == PDF


def test_a_person_for_a_collective_award_is_refused_next_to_the_field(
    client_as, world, draft, person
):
    response = client_as("secretary").post(
        reverse("awards:line_create", args=[draft.pk]),
        {
            "unit": world.units[0].pk,
            "person": person.pk,
            "award_title": title(world.cluster_year, "co-thi-dua-bo").pk,
            "achievements": "Giữ nguyên nội dung",
        },
    )
    html = response.content.decode()
    assert "Danh hiệu này dành cho tập thể: bỏ trống ô cá nhân." in html
    assert "Giữ nguyên nội dung" in html


def test_staff_approve_through_the_line_page_after_the_councils_meeting(
    client_as, in_review, world
):
    line = in_review.nominations.get()
    record_vote(world.users.staff, line, members=21, votes_for=20)
    url = reverse("awards:line_review", args=[line.pk])
    client = client_as("staff")
    assert "20/21 – Đạt" in client.get(url).content.decode()
    response = client.post(url, {"review-outcome": "approve"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.council_members, line.council_votes_for, line.outcome) == (21, 20, "approved")


def test_approval_below_the_threshold_is_shown_on_the_line_page(client_as, in_review, world):
    line = in_review.nominations.get()
    record_vote(world.users.staff, line, members=21, votes_for=10)
    response = client_as("staff").post(
        reverse("awards:line_review", args=[line.pk]),
        {"review-outcome": "approve"},
    )
    assert "chưa đạt 80% tổng số thành viên" in response.content.decode()


def test_rejecting_without_a_reason_is_refused_on_the_line_page(client_as, in_review):
    line = in_review.nominations.get()
    response = client_as("staff").post(
        reverse("awards:line_review", args=[line.pk]),
        {"review-outcome": "reject", "review-reason": ""},
    )
    assert "Hãy ghi lý do không đồng ý." in response.content.decode()


def test_bulk_confirmation_approves_the_listed_lines(client_as, in_review, world):
    line = in_review.nominations.get()
    record_vote(world.users.staff, line)
    response = client_as("staff").post(
        reverse("awards:bulk_approve", args=[in_review.pk]), {"lines": [line.pk], "confirm": "1"}
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.outcome == "approved"


def test_bulk_approval_of_a_line_of_another_proposal_is_refused(client_as, in_review, world):
    other = Proposal.objects.create(cluster_year=world.other_cluster_year)
    stranger = Nomination.objects.create(
        proposal=other,
        unit=world.other_units[0],
        award_title=title(world.cluster_year, "co-thi-dua-bo"),
        achievements="x",
    )
    client_as("staff").post(
        reverse("awards:bulk_approve", args=[in_review.pk]),
        {"lines": [stranger.pk], "confirm": "1"},
    )
    stranger.refresh_from_db()
    assert stranger.outcome == "pending"


def test_staff_record_the_decision_through_the_form(client_as, approved):
    response = client_as("staff").post(
        reverse("awards:decision", args=[approved.pk]),
        {"number": "9/QĐ-BTP", "dated": "2022-02-01", "signer_name": "B", "signer_position": ""},
    )
    assert response.status_code == 302
    assert Award.objects.get().decision.number == "9/QĐ-BTP"


def test_staff_revoke_an_award_through_the_form(client_as, decided, world):
    award = Award.objects.get()
    response = client_as("staff").post(
        reverse("awards:award_revoke", args=[award.pk]), {"reason": "Gian dối"}
    )
    assert response.status_code == 302
    html = client_as("leader").get(reverse("units:detail", args=[world.units[0].pk])).content
    html = html.decode()
    assert "Chưa có khen thưởng nào." in html
    assert "Gian dối" in html


@pytest.mark.parametrize("role", ["secretary", "leader"])
def test_only_staff_post_a_decision(client_as, approved, role):
    response = client_as(role).post(
        reverse("awards:decision", args=[approved.pk]),
        {"number": "9/QĐ", "dated": "2022-02-01", "signer_name": "B"},
    )
    assert response.status_code == 403
    assert not Award.objects.exists()
    assert not AuditEntry.objects.filter(action="decision_record").exists()
