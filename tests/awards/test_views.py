"""Every view × every role, and what the allowed user sees."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from awards.models import Award, Proposal
from tests.awards.conftest import revoke_award
from tests.html import link_texts

ROLES = ["anonymous", "secretary", "other_secretary", "leader", "staff", "foreign_staff"]

# Per kind of view: the status each role gets.
READ = {"secretary": 200, "other_secretary": 404, "leader": 200, "staff": 200, "foreign_staff": 404}
WRITE = {
    "secretary": 200,
    "other_secretary": 404,
    "leader": 403,
    "staff": 200,
    "foreign_staff": 404,
}
MANAGE = {
    "secretary": 403,
    "other_secretary": 404,
    "leader": 403,
    "staff": 200,
    "foreign_staff": 404,
}
STAFF_ONLY = {
    "secretary": 403,
    "other_secretary": 403,
    "leader": 403,
    "staff": 200,
    "foreign_staff": 200,
}
EVERYONE = dict.fromkeys(ROLES[1:], 200)
OWN_MINISTRY_STAFF = {**STAFF_ONLY, "foreign_staff": 404}


def _line(proposal):
    return proposal.nominations.get().pk


# (url name, fixture giving the proposal, how to get the url argument, expectations)
VIEWS = [
    ("awards:list", None, None, EVERYONE),
    ("awards:proposal", "draft", lambda p: p.pk, READ),
    ("awards:cover", "draft", lambda p: p.pk, READ),
    ("awards:line_report", "draft", _line, READ),
    ("awards:edit", "draft", lambda p: p.pk, WRITE),
    ("awards:line_create", "draft", lambda p: p.pk, WRITE),
    ("awards:line_edit", "draft", _line, WRITE),
    ("awards:return", "in_review", lambda p: p.pk, MANAGE),
    ("awards:line_review", "in_review", _line, MANAGE),
    ("awards:decision", "approved", lambda p: p.pk, MANAGE),
    ("awards:award_revoke", "decided", lambda p: Award.objects.get().pk, MANAGE),
    ("awards:audit_export", "decided", lambda p: p.pk, MANAGE),
    ("awards:queue", None, None, STAFF_ONLY),
    ("awards:queue_export", None, None, STAFF_ONLY),
    ("awards:decisions_export", None, None, STAFF_ONLY),
    ("awards:rules", None, None, STAFF_ONLY),
    ("awards:deadlines", None, None, STAFF_ONLY),
    (
        "awards:deadline_edit",
        "draft",
        lambda p: p.cluster_year.emulation_year_id,
        OWN_MINISTRY_STAFF,
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "fixture", "arg", "expected"), VIEWS, ids=[v[0] for v in VIEWS])
def test_get_views_by_role(request, client_as, role, name, fixture, arg, expected):
    proposal = request.getfixturevalue(fixture) if fixture else None
    url = reverse(name, args=[arg(proposal)] if arg else [])
    response = client_as(None if role == "anonymous" else role).get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == expected[role]


POSTS = [
    ("awards:submit", "draft", lambda p: p.pk, WRITE, 302),
    ("awards:line_delete", "draft", _line, WRITE, 302),
    ("awards:start_review", "submitted", lambda p: p.pk, MANAGE, 302),
    ("awards:line_reopen", "approved", _line, MANAGE, 302),
    ("awards:bulk_approve", "in_review", lambda p: p.pk, MANAGE, 302),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "fixture", "arg", "expected", "ok"), POSTS, ids=[p[0] for p in POSTS]
)
def test_post_views_by_role(request, client_as, role, name, fixture, arg, expected, ok):
    proposal = request.getfixturevalue(fixture)
    url = reverse(name, args=[arg(proposal)])
    response = client_as(None if role == "anonymous" else role).post(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == (ok if expected[role] == 200 else expected[role])


def test_get_on_a_post_only_view_is_refused(client_as, draft):
    assert client_as("secretary").get(reverse("awards:submit", args=[draft.pk])).status_code == 405


def test_create_proposal_by_role(world, client_as):
    url = reverse("awards:create", args=[world.cluster.pk, 2021])
    assert client_as("leader").post(url).status_code == 403
    assert client_as("other_secretary").post(url).status_code == 404
    assert client_as("foreign_staff").post(url).status_code == 404
    response = client_as("secretary").post(url)
    proposal = Proposal.objects.get()
    assert response["Location"] == reverse("awards:proposal", args=[proposal.pk])


def test_secretary_sees_the_missing_parts_and_the_submit_button(client_as, world, flag):
    proposal = Proposal.objects.create(cluster_year=world.cluster_year)
    html = client_as("secretary").get(reverse("awards:proposal", args=[proposal.pk])).content
    html = html.decode()
    assert "Còn thiếu để gửi:" in html
    assert "<li>số và ngày tờ trình</li>" in html
    assert "<li>biên bản họp đã ký của cụm</li>" in html
    assert "Gửi hồ sơ lên Bộ" in html


def test_leader_sees_the_proposal_without_any_action(client_as, submitted):
    html = client_as("leader").get(reverse("awards:proposal", args=[submitted.pk])).content
    html = html.decode()
    assert "Trường số 1" in html
    assert "Gửi hồ sơ lên Bộ" not in html
    assert "Tiếp nhận xét duyệt" not in html


def test_submitting_through_the_page_shows_the_refusal(client_as, world, flag):
    proposal = Proposal.objects.create(cluster_year=world.cluster_year)
    response = client_as("secretary").post(
        reverse("awards:submit", args=[proposal.pk]), follow=True
    )
    assert "Chưa gửi được hồ sơ, còn thiếu: số và ngày tờ trình" in response.content.decode()


def test_staff_see_the_desk_and_the_audit_trail(client_as, in_review):
    html = client_as("staff").get(reverse("awards:proposal", args=[in_review.pk])).content
    html = html.decode()
    assert "Trả lại hồ sơ" in html
    assert "Còn 1 dòng chờ xét: ghi quyết định khi mọi dòng đã được xét." in html
    assert "Họp hội đồng xét các dòng" in html
    assert "Gửi hồ sơ đề nghị" in html
    assert "Bắt đầu xét duyệt" in html
    assert "proposal_submit" not in html and "proposal_start_review" not in html


def test_return_form_keeps_the_typed_text_and_needs_a_reason(client_as, in_review):
    url = reverse("awards:return", args=[in_review.pk])
    response = client_as("staff").post(url, {"reason": ""})
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    response = client_as("staff").post(url, {"reason": "Thiếu báo cáo"})
    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.return_reason == "Thiếu báo cáo"


def test_the_cover_download_serves_the_uploaded_file(client_as, draft):
    response = client_as("leader").get(reverse("awards:cover", args=[draft.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="to-trinh.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n%test\n"


def test_bulk_approve_confirmation_lists_exactly_the_selected_lines(client_as, in_review):
    line = in_review.nominations.get()
    url = reverse("awards:bulk_approve", args=[in_review.pk])
    response = client_as("staff").post(url, {"lines": [line.pk]})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<ol id="bulk-lines"><li>Trường số 1 – Cờ thi đua cấp Bộ</li></ol>' in html


def test_queue_lists_sent_proposals_of_the_ministry_only(client_as, submitted, world):
    Proposal.objects.create(cluster_year=world.other_cluster_year)  # a draft: not in the queue
    html = client_as("staff").get(reverse("awards:queue")).content.decode()
    assert html.count('href="/awards/') >= 1
    assert f'href="{reverse("awards:proposal", args=[submitted.pk])}"' in html
    assert "Cụm thi đua số 1</a>" not in html
    foreign = client_as("foreign_staff").get(reverse("awards:queue")).content.decode()
    assert "Không có hồ sơ nào." in foreign


def test_queue_filters_by_state(client_as, submitted):
    html = client_as("staff").get(reverse("awards:queue") + "?state=decided").content.decode()
    assert "Không có hồ sơ nào." in html


def test_proposal_export_is_an_excel_file(client_as, submitted):
    import io

    from openpyxl import load_workbook

    response = client_as("staff").get(reverse("awards:queue_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Năm", "Cụm", "Trạng thái hồ sơ")
    assert rows[1][0:2] == (2021, "Cụm thi đua số 2")
    assert rows[1][7] == "Cờ thi đua cấp Bộ"


def test_decision_export_lists_the_awards(client_as, decided):
    import io

    from openpyxl import load_workbook

    response = client_as("staff").get(reverse("awards:decisions_export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][0] == "1234/QĐ-BTP"
    assert rows[1][8] == 11920000
    assert rows[1][11:] == (None, None, None)


def test_decision_export_shows_the_revocation(client_as, world, decided):
    import io

    from openpyxl import load_workbook

    revoke_award(world, "Gian dối", recover_amount=Decimal(5000000))
    response = client_as("staff").get(reverse("awards:decisions_export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][11:] == (
        "Số quyết định thu hồi",
        "Ngày quyết định thu hồi",
        "Số tiền thưởng phải thu hồi (đồng)",
    )
    assert rows[1][9:12] == ("Có", "Gian dối", "15/QĐ-BTP")
    assert rows[1][12].date() == datetime.date(2022, 3, 1)
    assert rows[1][13] == 5000000


def test_audit_export_lists_every_transition(client_as, decided):
    response = client_as("staff").get(reverse("awards:audit_export", args=[decided.pk]))
    text = response.content.decode("utf-8-sig")
    for action in ("Lập hồ sơ đề nghị", "Gửi hồ sơ đề nghị", "Đồng ý dòng đề nghị"):
        assert f",{action}," in text
    assert ",Ghi quyết định khen thưởng," in text
    assert "proposal_submit" not in text


def test_rules_page_lists_every_rule(client_as):
    from awards.rules import REGISTRY

    html = client_as("staff").get(reverse("awards:rules")).content.decode()
    for rule in REGISTRY:
        assert f"<code>{rule.code}</code>" in html


def test_the_cluster_page_shows_the_proposal_panel(client_as, world, submitted):
    html = (
        client_as("secretary")
        .get(reverse("clusters:detail", args=[world.cluster.pk]) + "?year=2021")
        .content.decode()
    )
    assert "Hồ sơ đề nghị khen thưởng" in html
    assert "Đã gửi" in html


def test_the_unit_page_shows_its_award_history(client_as, world, decided):
    html = client_as("leader").get(reverse("units:detail", args=[world.units[0].pk])).content
    html = html.decode()
    assert "<td>2021</td><td>Cờ thi đua cấp Bộ</td><td>1234/QĐ-BTP (15/01/2022)</td>" in html


def test_staff_home_shows_the_queue_summary(client_as, submitted):
    html = client_as("staff").get("/").content.decode()
    assert "<li>Đã gửi: 1</li>" in html
    assert "<li>Đã gửi: 1</li>" not in client_as("secretary").get("/").content.decode()


def test_deadlines_form_saves_and_audits(client_as, world):
    emulation_year = world.cluster_year.emulation_year
    url = reverse("awards:deadline_edit", args=[emulation_year.pk])
    assert client_as("secretary").get(url).status_code == 403
    assert client_as("foreign_staff").get(url).status_code == 404
    response = client_as("staff").post(
        url, {"pledge_deadline": "2021-03-01", "scores_deadline": "", "proposals_deadline": ""}
    )
    assert response.status_code == 302
    emulation_year.refresh_from_db()
    assert str(emulation_year.pledge_deadline) == "2021-03-01"
    response = client_as("staff").post(
        url, {"pledge_deadline": "2026-03-01", "scores_deadline": "", "proposals_deadline": ""}
    )
    assert "Hạn phải thuộc năm 2021 hoặc năm sau." in response.content.decode()


def test_a_decided_proposal_shows_no_rule_finding_against_its_own_awards(client_as, decided):
    html = client_as("staff").get(reverse("awards:proposal", args=[decided.pk])).content.decode()
    assert "Lỗi:" not in html
    assert "11.920.000" in html


def test_the_proposals_list_leads_to_each_clusters_page_of_the_year(client_as, world):
    response = client_as("secretary").get(reverse("awards:list") + f"?year={world.year}")
    cluster_page = reverse("clusters:detail", args=[world.cluster.pk]) + f"?year={world.year}"
    assert link_texts(response, re.escape(cluster_page)) == [world.cluster.name]


def test_rules_page_shows_each_regimes_data_and_what_is_unconfirmed(
    client_as, django_assert_max_num_queries
):
    client = client_as("staff")
    client.get(reverse("awards:rules"))
    with django_assert_max_num_queries(6):  # session, user, roles, regimes, catalogue
        html = client.get(reverse("awards:rules")).content.decode()
    section = html.split('id="regime-luat-2003-nd-91-2017"')[1].split("</section>")[0]
    assert "trên 50% Lao động tiên tiến" in section
    assert "tối đa 20% số tập thể đạt Cờ thi đua cấp Bộ" in section
    assert "Chưa đối chiếu văn bản:" in section
    assert "chưa đối chiếu" in section.split("Bằng khen của Bộ trưởng (cá nhân)")[1][:200]
    latest = html.split('id="regime-luat-2022-nd-152-2025"')[1].split("</section>")[0]
    assert "ít nhất 70% Lao động tiên tiến" in latest
    assert "tỷ lệ tối đa chưa cấu hình" in latest
