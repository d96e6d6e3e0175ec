"""The papers' pages for every role: the cluster's secretary writes the cluster's papers and
its nominees' achievement reports, ministry staff write the decision and the submission upward
and read the rest, leaders read, anyone else gets nothing (404; 403 for a reader asking to
write). A stale save is refused and keeps what was typed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Nomination, Proposal
from documents.models import NumberRegister, Paper, PaperVersion, RegisteredNumber
from documents.services.papers import (
    achievement_report_for,
    paper_for_cluster_year,
    paper_for_decision,
    paper_for_upward_dossier,
)
from emulation.models import AuditEntry
from tests.html import form_errors, link_texts, messages, textarea_value
from units.models import Person

ROLES = ["secretary", "other_secretary", "staff", "leader", "foreign_staff"]
READ_CLUSTER = {"secretary": 200, "other_secretary": 404, "staff": 200, "leader": 200,
                "foreign_staff": 404}  # fmt: skip


def list_url(world):
    return reverse("papers:cluster_year", args=[world.cluster.pk, world.year])


@pytest.mark.parametrize("role", ROLES)
def test_the_list_of_a_cluster_years_papers(world, client_as, dossier, role):
    response = client_as(role).get(list_url(world))

    assert response.status_code == READ_CLUSTER[role]
    if response.status_code == 200:
        kinds = [
            "Tờ trình đề nghị khen thưởng của cụm",
            "Biên bản hội nghị tổng kết cụm",
            *["Báo cáo thành tích"] * 3,
            "Quyết định khen thưởng",
        ]
        writes = {"secretary": [True] * 5 + [False], "staff": [False] * 5 + [True]}
        expected = []
        for kind, can_edit in zip(kinds, writes.get(role, [False] * 6), strict=True):
            expected += [kind, "Soạn"] if can_edit else [kind]
        dossier_zip = "Tải cả hồ sơ (tệp ZIP có mục lục)"
        assert link_texts(response, r"^/documents/papers/") == [dossier_zip, *expected]


def test_anonymous_is_sent_to_login(world, client_as, dossier):
    response = client_as(None).get(list_url(world))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_cluster_page_and_the_proposal_page_link_to_the_papers(world, client_as, dossier):
    cluster_page = client_as("leader").get(
        reverse("clusters:detail", args=[world.cluster.pk]) + f"?year={world.year}"
    )
    proposal_page = client_as("leader").get(reverse("awards:proposal", args=[dossier.proposal.pk]))

    assert link_texts(cluster_page, r"^/documents/papers/") == ["Mở văn bản của hồ sơ"]
    assert link_texts(proposal_page, r"^/documents/papers/") == [
        "Tờ trình, biên bản, báo cáo thành tích, quyết định"
    ]


EDIT = {
    "cover": {"secretary": 200, "other_secretary": 404, "staff": 403, "leader": 403,
              "foreign_staff": 404},
    "decision": {"secretary": 403, "other_secretary": 404, "staff": 200, "leader": 403,
                 "foreign_staff": 404},
    "upward": {"secretary": 404, "other_secretary": 404, "staff": 200, "leader": 403,
               "foreign_staff": 404},
}  # fmt: skip
READ = {
    "cover": READ_CLUSTER,
    "decision": READ_CLUSTER,
    "upward": {"secretary": 404, "other_secretary": 404, "staff": 200, "leader": 200,
               "foreign_staff": 404},
}  # fmt: skip


def _paper(which, dossier):
    if which == "cover":
        return paper_for_cluster_year(dossier.cluster_year, Paper.Kind.COVER_SUBMISSION)
    if which == "decision":
        return paper_for_decision(dossier.decision)
    return paper_for_upward_dossier(dossier.upward)


@pytest.mark.parametrize("which", ["cover", "decision", "upward"])
@pytest.mark.parametrize("role", ROLES)
def test_who_reads_and_who_writes_each_paper(world, client_as, dossier, which, role):
    paper = _paper(which, dossier)
    client = client_as(role)

    detail = client.get(reverse("papers:detail", args=[paper.pk]))
    edit = client.get(reverse("papers:edit", args=[paper.pk]))
    post = client.post(reverse("papers:edit", args=[paper.pk]), {"version": paper.version})

    assert detail.status_code == READ[which][role]
    assert edit.status_code == EDIT[which][role]
    assert post.status_code in (EDIT[which][role], 302)
    paper.refresh_from_db()
    assert paper.version == (2 if EDIT[which][role] == 200 else 1)


@pytest.mark.parametrize("role", ROLES)
def test_the_upward_link_opens_the_ministrys_submission(world, client_as, dossier, role):
    response = client_as(role).get(reverse("papers:upward", args=[dossier.upward.pk]))

    expected = READ["upward"][role]
    assert response.status_code == (302 if expected == 200 else expected)


def _report_form(dossier, **changes):
    data = {
        "version": 1,
        "situation": "Trường có 120 cán bộ, viên chức.",
        "achievements": "Dẫn đầu Cụm thi đua số 2 năm 2021.",
        "measures": "",
        "party": "Chi bộ trong sạch, vững mạnh.",
        "place": "",
        "issued_on": "2021-12-18",
        "summary": "",
        "signer_on_behalf": "",
        "signer_title": "",
        "signer_name": "Nguyễn Hiệu Trưởng",
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    "role,status",
    [("secretary", 200), ("other_secretary", 404), ("staff", 200), ("leader", 200),
     ("foreign_staff", 404)],
)  # fmt: skip
def test_a_nominees_report_before_it_is_written(world, client_as, dossier, role, status):
    url = reverse("papers:nomination", args=[dossier.collective.pk])

    response = client_as(role).get(url)

    assert response.status_code == status
    if role == "secretary":  # the form, prefilled from the data
        assert "Dẫn đầu Cụm thi đua số 2 năm 2021." in textarea_value(response, "achievements")
    elif status == 200:  # a reader sees the text it starts with, and cannot write it
        assert "Được bình xét, suy tôn với tỷ lệ 66,67%" in response.content.decode()
        assert client_as(role).post(url, _report_form(dossier)).status_code == 403
    assert not Paper.objects.filter(nomination=dossier.collective).exists()


def test_the_secretary_writes_a_nominees_report(world, client_as, dossier):
    client = client_as("secretary")

    response = client.post(
        reverse("papers:nomination", args=[dossier.collective.pk]), _report_form(dossier)
    )

    paper = Paper.objects.get(nomination=dossier.collective)
    assert response.status_code == 302
    assert response["Location"] == reverse("papers:detail", args=[paper.pk])
    # "measures" was left as it started: it keeps following the data
    assert paper.sections == {
        "situation": "Trường có 120 cán bộ, viên chức.",
        "achievements": "Dẫn đầu Cụm thi đua số 2 năm 2021.",
        "party": "Chi bộ trong sạch, vững mạnh.",
    }
    assert (paper.signer_name, paper.issued_on.isoformat(), paper.version) == (
        "Nguyễn Hiệu Trưởng",
        "2021-12-18",
        2,
    )
    assert messages(client.get(response["Location"])) == ["Đã lưu nội dung văn bản."]
    entry = AuditEntry.objects.get(action="paper_update")
    assert entry.actor == world.users.secretary and entry.after["signer_name"] == (
        "Nguyễn Hiệu Trưởng"
    )


def test_a_stale_save_is_refused_and_keeps_what_was_typed(world, client_as, dossier):
    paper = achievement_report_for(dossier.collective)
    client = client_as("secretary")
    first = client.post(reverse("papers:edit", args=[paper.pk]), _report_form(dossier))
    assert first.status_code == 302

    typed = "Nội dung tôi vừa gõ, chưa lưu."
    response = client.post(
        reverse("papers:edit", args=[paper.pk]),
        _report_form(dossier, version=1, situation=typed, signer_name="Người khác"),
    )

    assert response.status_code == 200
    assert form_errors(response) == [
        "Dữ liệu này vừa được người khác lưu sau khi bạn mở trang. Hãy tải lại trang để xem bản "
        "mới nhất rồi nhập lại thay đổi của bạn."
    ]
    assert textarea_value(response, "situation") == typed
    paper.refresh_from_db()
    assert paper.sections["situation"] == "Trường có 120 cán bộ, viên chức."
    assert (paper.signer_name, paper.version) == ("Nguyễn Hiệu Trưởng", 2)


def test_recipients_must_end_with_the_archive_line(world, client_as, dossier):
    paper = paper_for_cluster_year(dossier.cluster_year, Paper.Kind.COVER_SUBMISSION)

    response = client_as("secretary").post(
        reverse("papers:edit", args=[paper.pk]),
        {"version": 1, "recipients": "Như trên\nCác đơn vị"},
    )

    assert response.status_code == 200
    assert "Dòng cuối của nơi nhận phải là nơi lưu văn bản" in response.content.decode()
    paper.refresh_from_db()
    assert paper.version == 1


def test_two_first_writings_at_once_the_second_is_refused_and_kept(world, client_as, dossier):
    url = reverse("papers:nomination", args=[dossier.collective.pk])
    client = client_as("secretary")
    assert client.post(url, _report_form(dossier)).status_code == 302

    typed = "Viết cùng lúc ở máy khác."
    response = client.post(url, _report_form(dossier, situation=typed))

    assert response.status_code == 200
    assert textarea_value(response, "situation") == typed
    assert "vừa được người khác lưu" in form_errors(response)[0]
    assert Paper.objects.get(nomination=dossier.collective).sections["situation"] == (
        "Trường có 120 cán bộ, viên chức."
    )


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_queries_at_any_size(world, client_as, dossier):
    client = client_as("secretary")
    client.get(list_url(world))  # the cover submission, minutes and decision papers made
    small = _queries(client, list_url(world))

    for index in range(6):
        line = Nomination.objects.create(
            proposal=dossier.proposal,
            unit=world.units[index % 3],
            award_title=dossier.individual.award_title,
            person=Person.objects.create(
                unit=world.units[0], full_name=f"Cán bộ {index}", gender="male"
            ),
            achievements="…",
        )
        PaperVersion.objects.create(paper=achievement_report_for(line))

    assert _queries(client, list_url(world)) == small


def _draft_line(dossier):
    """The individual line, back in a returned proposal with no award yet."""
    Proposal.objects.filter(pk=dossier.proposal.pk).update(state=Proposal.State.RETURNED)
    dossier.individual.award.delete()
    return dossier.individual


def test_a_line_taken_out_takes_its_draft_report_with_it(world, client_as, dossier):
    line = _draft_line(dossier)
    achievement_report_for(line)
    client = client_as("secretary")

    response = client.post(reverse("awards:line_delete", args=[line.pk]))

    assert messages(client.get(response["Location"])) == ["Đã xóa dòng đề nghị."]
    assert not Paper.objects.filter(kind=Paper.Kind.ACHIEVEMENT_REPORT, nomination_id=line.pk)


def test_a_line_whose_report_was_numbered_stays(world, client_as, dossier):
    line = _draft_line(dossier)
    register = NumberRegister.objects.create(
        ministry=world.ministry,
        cluster=world.cluster,
        issuing_body="Cụm thi đua số 2",
        body_code="CTĐ2",
        year=2021,
        type_code=NumberRegister.TypeCode.REPORT,
        last_number=1,
    )
    paper = achievement_report_for(line)
    paper.number = RegisteredNumber.objects.create(register=register, number=1)
    paper.save()
    client = client_as("secretary")

    response = client.post(reverse("awards:line_delete", args=[line.pk]))

    assert messages(client.get(response["Location"])) == [
        "Báo cáo thành tích của dòng này đã được cấp số: không xóa được dòng đề nghị."
    ]
    assert Nomination.objects.filter(pk=line.pk).exists()
    assert not AuditEntry.objects.filter(action="nomination_delete").exists()


def test_anonymous_sees_no_paper(world, client_as, dossier):
    paper = paper_for_decision(dossier.decision)
    client = client_as(None)

    for url in [
        reverse("papers:detail", args=[paper.pk]),
        reverse("papers:edit", args=[paper.pk]),
        reverse("papers:nomination", args=[dossier.collective.pk]),
        reverse("papers:upward", args=[dossier.upward.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert client.post(reverse("papers:edit", args=[paper.pk]), {"version": 1}).status_code == 302
    paper.refresh_from_db()
    assert paper.version == 1
