"""The pages of the levels: every view × role, two ministries for every view that writes
(403/404 and nothing stored), what the pages show, and flat query counts."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from awards import services
from awards.models import CouncilMeeting, CouncilMember, UpwardDossier
from emulation.models import AuditEntry, AwardTitle, LegalRegime, MinistryAwardSetting
from tests.awards.conftest import council_with, record_vote, title
from tests.factories import UserFactory
from tests.html import field_errors, messages
from units.models import UnitHeadDecision

ROLES = ["secretary", "other_secretary", "leader", "staff", "foreign_staff"]


@pytest.fixture
def meeting(world, in_review):
    council_with(world.ministry, 5)
    return services.meeting_create(
        actor=world.users.staff,
        ministry=world.ministry,
        held_on=datetime.date(2022, 1, 10),
        proposal=in_review,
    )


@pytest.fixture
def dossier(world):
    return services.upward_dossier_create(
        actor=world.users.staff, ministry=world.ministry, level="prime_minister", year=2021
    )


def _status(client_as, role, method, url, data=None):
    client = client_as(role)
    return (client.post(url, data or {}) if method == "post" else client.get(url)).status_code


READ_MINISTRY = {
    "secretary": 404,
    "other_secretary": 404,
    "leader": 200,
    "staff": 200,
    "foreign_staff": 404,
}
MANAGE_MINISTRY = {**READ_MINISTRY, "leader": 403}


@pytest.mark.parametrize("role", ROLES)
def test_the_meeting_page_by_role(client_as, meeting, role):
    url = reverse("awards:meeting", args=[meeting.pk])
    assert _status(client_as, role, "get", url) == READ_MINISTRY[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_dossier_page_by_role(client_as, dossier, role):
    url = reverse("awards:dossier", args=[dossier.pk])
    assert _status(client_as, role, "get", url) == READ_MINISTRY[role]


@pytest.mark.parametrize("role", ROLES)
def test_the_council_and_dossier_lists_by_role(client_as, world, role):
    expected = {"secretary": 404, "other_secretary": 404}.get(role, 200)
    for name in ("awards:council", "awards:dossiers"):
        assert _status(client_as, role, "get", reverse(name)) == expected
    # another ministry's council, named in the address, stays out of reach
    url = reverse("awards:council") + f"?ministry={world.ministry.pk}"
    assert _status(client_as, role, "get", url) == {"foreign_staff": 404}.get(role, expected)


def _writes(world, meeting, dossier):
    """Every view that writes, with a body that would store something if allowed."""
    member = CouncilMember.objects.filter(council__ministry=world.ministry).first()
    member_data = {
        "full_name": "Người lạ",
        "position": "x",
        "role": "member",
        "term_start": "2021-01-01",
    }
    return [
        (reverse("awards:council_member_create", args=[world.ministry.pk]), member_data),
        (reverse("awards:council_member_edit", args=[member.pk]), member_data),
        (reverse("awards:meeting_create", args=[world.ministry.pk]), {"held_on": "2022-02-01"}),
        (reverse("awards:meeting", args=[meeting.pk]), {"version": meeting.version}),
        (reverse("awards:meeting_close", args=[meeting.pk]), {}),
        (
            reverse("awards:dossier_create", args=[world.ministry.pk]),
            {"level": "prime_minister", "year": 2021},
        ),
        (
            reverse("awards:dossier_cover", args=[dossier.pk]),
            {"version": dossier.version, "number": "1", "dated": "2022-01-01"},
        ),
        (reverse("awards:dossier_add_lines", args=[dossier.pk]), {}),
        (reverse("awards:dossier_forward", args=[dossier.pk]), {}),
        (reverse("awards:dossier_return", args=[dossier.pk]), {"reason": "x"}),
        (reverse("awards:dossier_refuse", args=[dossier.pk]), {"reason": "x"}),
        (
            reverse("awards:dossier_decide", args=[dossier.pk]),
            {"number": "1", "dated": "2022-01-01", "signer_name": "x"},
        ),
        (
            reverse("ministry_setting_edit", args=[world.ministry.pk, "co-thi-dua-bo"]),
            {"local_name": "Cờ lạ"},
        ),
    ]


@pytest.mark.parametrize("role", ["foreign_staff", "leader", "secretary"])
def test_no_write_view_lets_anyone_but_the_ministrys_staff_store_anything(
    client_as, world, meeting, dossier, role
):
    before = AuditEntry.objects.count()
    client = client_as(role)
    for url, data in _writes(world, meeting, dossier):
        status = client.post(url, data).status_code
        assert status in (403, 404), (url, status)
        if role == "foreign_staff" and "meeting_create" not in url:
            assert status == 404, url
    assert AuditEntry.objects.count() == before
    assert CouncilMember.objects.count() == 5
    assert CouncilMeeting.objects.count() == 1
    assert UpwardDossier.objects.get().number == ""
    assert not MinistryAwardSetting.objects.exists()


# The national catalogue and each ministry's settings ----------------------------------------


def _catalogue_writes():
    flag = AwardTitle.objects.filter(code="co-thi-dua-bo").first()
    data = {
        "regime": flag.regime_id,
        "code": "co-thi-dua-bo",
        "name_vi": "Cờ đổi tên",
        "name_en": "x",
        "kind": "title",
        "subject": "collective",
        "level": "minister",
        "quota_per_cluster": 5,
        "citation": "x",
        "order": 1,
    }
    return flag, [
        (reverse("catalogue_create"), {**data, "code": "moi"}),
        (reverse("catalogue_edit", args=[flag.pk]), data),
        (reverse("catalogue_delete", args=[flag.pk]), {}),
    ]


@pytest.mark.parametrize("role", ["staff", "foreign_staff", "secretary", "leader"])
def test_only_a_national_administrator_changes_the_national_catalogue(client_as, world, role):
    flag, writes = _catalogue_writes()
    client = client_as(role)
    for url, data in writes:
        assert client.post(url, data).status_code == 403
        assert client.get(url).status_code in (403, 405)
    flag.refresh_from_db()
    assert (flag.name_vi, flag.quota_per_cluster) == ("Cờ thi đua cấp Bộ", 1)
    assert not AwardTitle.objects.filter(code="moi").exists()


def test_a_national_administrator_role_edits_the_catalogue(client, world):
    admin = UserFactory()
    admin.user_permissions.add(Permission.objects.get(codename="manage_national_catalogue"))
    client.force_login(admin)
    flag, writes = _catalogue_writes()
    url, data = writes[1]
    response = client.post(url, {**data, "name_vi": "Cờ thi đua cấp Bộ"})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.quota_per_cluster == 5


def test_staff_keep_their_ministrys_local_name_and_quota(client_as, world):
    url = reverse("ministry_setting_edit", args=[world.ministry.pk, "co-thi-dua-bo"])
    client = client_as("staff")
    response = client.post(url, {"local_name": "Cờ thi đua ngành Tư pháp", "quota_per_cluster": 2})
    assert response.status_code == 302
    setting = MinistryAwardSetting.objects.get()
    assert (setting.ministry, setting.local_name, setting.quota_per_cluster) == (
        world.ministry,
        "Cờ thi đua ngành Tư pháp",
        2,
    )
    assert set(
        AwardTitle.objects.filter(code="co-thi-dua-bo").values_list("name_vi", flat=True)
    ) == {"Cờ thi đua cấp Bộ"}
    page = client.get(reverse("ministry_settings", args=[world.ministry.pk])).content.decode()
    assert "Cờ thi đua ngành Tư pháp" in page
    foreign = client_as("foreign_staff").get(reverse("ministry_settings", args=[world.ministry.pk]))
    assert foreign.status_code == 404


def test_a_half_typed_deadline_is_refused_next_to_the_field(client_as, world):
    url = reverse("ministry_setting_edit", args=[world.ministry.pk, "co-thi-dua-bo"])
    response = client_as("staff").post(url, {"local_name": "Cờ ngành", "internal_due_day": 15})
    assert response.status_code == 200
    assert field_errors(response, "internal_due_day") == [
        "Hãy nhập cả ngày và tháng, hoặc bỏ trống cả hai."
    ]
    assert 'value="Cờ ngành"' in response.content.decode()
    assert not MinistryAwardSetting.objects.exists()


# The proposal page ---------------------------------------------------------------------------


def test_the_proposal_page_shows_each_lines_level_the_regime_and_the_local_name(
    client_as, world, draft
):
    MinistryAwardSetting.objects.create(
        ministry=world.ministry, code="co-thi-dua-bo", local_name="Cờ thi đua ngành Tư pháp"
    )
    html = client_as("secretary").get(reverse("awards:proposal", args=[draft.pk])).content
    html = html.decode()
    assert '<td class="line-level">Bộ trưởng</td>' in html
    assert "Cờ thi đua ngành Tư pháp" in html
    assert "vì tờ trình 12/TTr-CTĐ2 trình Bộ trưởng ngày 20/12/2021" in html
    assert "Thủ tướng Chính phủ (hồ sơ hạn 30/06/2022)" not in html  # no such line here


def test_a_unit_head_title_is_refused_on_the_line_form_with_who_decides(client_as, world, draft):
    response = client_as("secretary").post(
        reverse("awards:line_create", args=[draft.pk]),
        {
            "unit": world.units[1].pk,
            "award_title": title(world.cluster_year, "tt-lao-dong-tien-tien").pk,
            "achievements": "Đã gõ",
        },
    )
    assert response.status_code == 200
    errors = field_errors(response, "award_title")
    assert len(errors) == 1 and "do Thủ trưởng đơn vị quyết định tặng" in errors[0]
    assert "Đã gõ" in response.content.decode()
    assert draft.nominations.count() == 1


# The meeting screen and the dossier, through the browser's requests --------------------------


def test_staff_record_a_meeting_on_one_screen(client_as, world, meeting):
    line = meeting.lines.get()
    members = list(meeting.attendance.values_list("member_id", flat=True))
    data = {"version": meeting.version, f"present_{line.pk}": 3, f"written_{line.pk}": 1}
    data.update({f"status_{m}": "present" for m in members[:4]})
    data[f"status_{members[4]}"] = "written"
    url = reverse("awards:meeting", args=[meeting.pk])
    response = client_as("staff").post(url, data)
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.votes_for, line.result) == (4, "passed")
    html = client_as("leader").get(url).content.decode()
    assert "4/5" in html and "Đạt" in html
    assert 'name="present_' not in html  # the leader reads only


def test_the_meeting_page_dates_the_meeting_in_the_readers_language(client_as, meeting):
    client = client_as("leader")
    url = reverse("awards:meeting", args=[meeting.pk])
    assert '<li class="breadcrumb-item active" aria-current="page">10/01/2022</li>' in (
        client.get(url).content.decode()
    )
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert '<li class="breadcrumb-item active" aria-current="page">10 Jan 2022</li>' in (
        client.get(url).content.decode()
    )


def test_too_many_written_votes_is_shown_next_to_the_cell_and_kept(client_as, meeting):
    line = meeting.lines.get()
    data = {"version": meeting.version, f"present_{line.pk}": 3, f"written_{line.pk}": 2}
    response = client_as("staff").post(reverse("awards:meeting", args=[meeting.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "chỉ 0 thành viên vắng mặt gửi phiếu bằng văn bản" in html
    assert f'name="written_{line.pk}" id="id_written_{line.pk}" value="2"' in html
    line.refresh_from_db()
    assert line.votes_present_for is None


def test_the_dossier_page_shows_the_deadline_and_the_regime(client_as, world, dossier, approved):
    from awards.models import Nomination

    Nomination.objects.filter(proposal=approved).update(
        award_title=title(world.cluster_year, "co-thi-dua-chinh-phu")
    )
    url = reverse("awards:dossier", args=[dossier.pk])
    client = client_as("staff")
    line = approved.nominations.get()
    client.post(reverse("awards:dossier_add_lines", args=[dossier.pk]), {"lines-lines": [line.pk]})
    html = client.get(url).content.decode()
    assert "Hạn nộp hồ sơ Cờ thi đua của Chính phủ: 30/06/2022" in html
    assert "Áp dụng Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 152/2025" in html


# Unit-head decisions ---------------------------------------------------------------------------


def test_a_secretary_records_a_unit_heads_decision_on_the_yearly_record(client_as, world, person):
    lao_dong = AwardTitle.objects.get(
        code="lao-dong-tien-tien", regime=LegalRegime.objects.get(code="luat-2003-nd-91-2017")
    )
    url = reverse("awards:head_decision_create", args=[person.unit_id])
    response = client_as("secretary").post(
        url,
        {
            "year": 2021,
            "person": person.pk,
            "award_title": lao_dong.pk,
            "number": "7/QĐ-T",
            "dated": "2021-12-20",
        },
    )
    assert response.status_code == 302
    decision = UnitHeadDecision.objects.get()
    assert (decision.person, decision.number, decision.award_title) == (person, "7/QĐ-T", lao_dong)
    assert client_as("other_secretary").post(url, {}).status_code in (403, 404)
    assert client_as("foreign_staff").post(url, {}).status_code == 404
    page = client_as("leader").get(reverse("units:people", args=[person.unit_id]))
    assert "7/QĐ-T (20/12/2021)" in page.content.decode()
    assert messages(response) == []


@pytest.mark.parametrize("lines", [1, 4])
def test_the_meeting_page_queries_do_not_grow(
    client_as, world, in_review, django_assert_max_num_queries, lines
):
    council_with(world.ministry, 3 + lines * 3)
    meeting = services.meeting_create(
        actor=world.users.staff, ministry=world.ministry, held_on=datetime.date(2022, 1, 10)
    )
    from awards.models import MeetingLine, Nomination

    line = in_review.nominations.get()
    for _ in range(lines - 1):
        Nomination.objects.create(
            proposal=in_review, unit=line.unit, award_title=line.award_title, achievements="x"
        )
    for nomination in in_review.nominations.all():
        MeetingLine.objects.create(meeting=meeting, nomination=nomination)
    client = client_as("staff")
    with django_assert_max_num_queries(9):
        response = client.get(reverse("awards:meeting", args=[meeting.pk]))
    assert response.content.decode().count('<tr id="meeting-line-') == lines


def test_record_vote_helper_still_drives_the_approval(world, in_review):
    line = record_vote(world.users.staff, in_review.nominations.get(), members=10, votes_for=8)
    assert (line.council_members, line.council_votes_for) == (10, 8)
