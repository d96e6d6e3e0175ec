"""What the allowed user sees and what the forms store."""

import datetime

import pytest

from clusters.models import ClusterYear, LeadershipTerm, Membership, Pledge, RotationPolicy
from clusters.year_start import pledge as pledge_services
from clusters.year_start.leadership import leadership_save
from emulation.models import AuditEntry, AwardTitle
from tests.clusters.year_start.conftest import leadership_data, set_policy, sign_all, title
from tests.factories import UnitFactory


def _year_url(world, tail=""):
    return f"/clusters/{world.cluster.pk}/years/{world.year}/{tail}"


def _leadership_post(head, deputy, version=0, **extra):
    return {
        "head_unit": head.pk,
        "head_name": "Hoàng Xuân Châu",
        "head_position": "Quyền Hiệu trưởng",
        "deputy_unit": deputy.pk,
        "deputy_name": "Đặng Vũ Huân",
        "deputy_position": "Tổng biên tập",
        "selection": "election",
        "decision_number": "12/QĐ-BTP",
        "decision_date": "2020-12-20",
        "announced_on": "2020-12-14",
        "note": "",
        "version": version,
        **extra,
    }


def test_leadership_form_offers_only_members_of_the_year(world, client_as):
    response = client_as("secretary").get(_year_url(world, "leadership/"))
    form = response.context["form"]
    assert list(form.fields["head_unit"].queryset) == world.units
    assert list(form.fields["deputy_unit"].queryset) == world.units


def test_secretary_records_leadership_in_the_browser_form(world, client_as):
    a, b, _c = world.units
    response = client_as("secretary").post(_year_url(world, "leadership/"), _leadership_post(a, b))
    assert response.status_code == 302
    assert response.url == f"/clusters/{world.cluster.pk}/?year=2021"
    term = LeadershipTerm.objects.get()
    assert (term.head_unit, term.deputy_unit, term.decision_number) == (a, b, "12/QĐ-BTP")
    assert term.decision_date == datetime.date(2020, 12, 20)
    assert term.selection == LeadershipTerm.Selection.ELECTION


def test_same_unit_as_head_and_deputy_is_refused_next_to_the_field_keeping_input(world, client_as):
    a = world.units[0]
    response = client_as("secretary").post(
        _year_url(world, "leadership/"), _leadership_post(a, a, head_name="Tên đã gõ")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["deputy_unit"] == ["Đơn vị Cụm phó phải khác đơn vị Cụm trưởng."]
    assert 'value="Tên đã gõ"' in response.content.decode()
    assert not LeadershipTerm.objects.exists()


def test_second_leadership_save_tells_the_user_and_keeps_the_first(world, client_as):
    a, b, c = world.units
    term = leadership_save(
        actor=world.users.staff,
        cluster_year=world.cluster_year,
        data=leadership_data(a, b),
        expected_version=0,
    )
    stale = term.version
    leadership_save(
        actor=world.users.staff,
        cluster_year=world.cluster_year,
        data=leadership_data(b, a),
        expected_version=stale,
    )

    response = client_as("secretary").post(
        _year_url(world, "leadership/"), _leadership_post(c, a, version=stale)
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Dữ liệu này vừa được người khác lưu sau khi bạn mở trang. "
        "Hãy tải lại trang để xem bản mới nhất rồi nhập lại thay đổi của bạn."
    ]
    assert LeadershipTerm.objects.get().head_unit == b


def test_leadership_form_is_prefilled_with_the_suggestion(world, client_as):
    a, b, c = world.units
    set_policy(world.cluster, RotationPolicy.Method.DEPUTY_BECOMES_HEAD, [a, b, c])
    previous = ClusterYear.objects.create(
        cluster=world.cluster, year=2020, emulation_year=world.cluster_year.emulation_year
    )
    previous.memberships.create(unit=a)
    previous.memberships.create(unit=b)
    LeadershipTerm.objects.create(cluster_year=previous, **leadership_data(a, b))

    response = client_as("secretary").get(_year_url(world, "leadership/"))

    initial = response.context["form"].initial
    assert initial["head_unit"] == b
    # the person who last acted for b (as 2020 deputy) is offered again; c never acted
    assert (initial["head_name"], initial["head_position"]) == ("Đặng Vũ Huân", "Tổng biên tập")
    assert initial["deputy_unit"] == c
    assert (initial["deputy_name"], initial["deputy_position"]) == ("", "")
    assert "Cụm phó năm 2020 làm Cụm trưởng năm sau." in response.content.decode()


def test_election_policy_shows_no_suggestion_but_allows_entry(world, client_as):
    set_policy(world.cluster, RotationPolicy.Method.ELECTION)
    response = client_as("secretary").get(_year_url(world, "leadership/"))
    assert response.context["suggestion"] is None
    assert "không có gợi ý tự động" in response.content.decode()
    assert "head_unit" not in response.context["form"].initial


def test_rotation_form_stores_the_order(world, client_as):
    a, b, c = world.units
    response = client_as("secretary").post(
        f"/clusters/{world.cluster.pk}/rotation/",
        {
            "method": "rotation",
            "no_repeat_years": "2",
            "version": "0",
            f"unit_{a.pk}": "3",
            f"unit_{b.pk}": "",
            f"unit_{c.pk}": "1",
        },
    )
    assert response.status_code == 302
    policy = RotationPolicy.objects.get()
    assert [s.unit for s in policy.slots.all()] == [c, a]


def test_rotation_form_refuses_two_units_at_the_same_place(world, client_as):
    a, b, _c = world.units
    response = client_as("secretary").post(
        f"/clusters/{world.cluster.pk}/rotation/",
        {
            "method": "rotation",
            "no_repeat_years": "0",
            "version": "0",
            f"unit_{a.pk}": "1",
            f"unit_{b.pk}": "1",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Hai đơn vị không được có cùng thứ tự luân phiên."
    ]
    assert not RotationPolicy.objects.exists()


def test_history_shows_every_year_head_and_deputy(world, client_as):
    a, b, _c = world.units
    LeadershipTerm.objects.create(cluster_year=world.cluster_year, **leadership_data(a, b))
    ClusterYear.objects.create(
        cluster=world.cluster, year=2020, emulation_year=world.cluster_year.emulation_year
    )

    response = client_as("leader").get(f"/clusters/{world.cluster.pk}/leadership/")

    rows = [
        (cy.year, cy.leadership.head_unit.name if hasattr(cy, "leadership") else None)
        for cy in response.context["page"]
    ]
    assert rows == [(2021, "Trường số 1"), (2020, None)]
    html = response.content.decode()
    assert "Hoàng Xuân Châu, Quyền Hiệu trưởng" in html
    assert "Chưa ghi nhận." in html
    assert "Quy chế luân phiên</a>" not in html  # leaders read only


def test_unit_page_lists_the_years_it_led(world, client_as):
    a, b, _c = world.units
    LeadershipTerm.objects.create(cluster_year=world.cluster_year, **leadership_data(a, b))

    html = client_as("leader").get(f"/units/{a.pk}/").content.decode()
    deputy_html = client_as("leader").get(f"/units/{b.pk}/").content.decode()

    assert "2021: Cụm trưởng Cụm thi đua số 2 (Hoàng Xuân Châu)" in html
    assert "2021: Cụm phó Cụm thi đua số 2 (Đặng Vũ Huân)" in deputy_html


def test_rollover_page_installs_the_announced_pair_and_opens_next_year(pledge, world, client_as):
    a, b, _c = world.units
    data = {f"next-{k}": v for k, v in _leadership_post(a, b).items() if k != "version"}
    response = client_as("secretary").post(_year_url(world, "rollover/"), data)
    assert response.status_code == 302
    assert response.url == f"/clusters/{world.cluster.pk}/?year=2022"
    target = ClusterYear.objects.get(cluster=world.cluster, year=2022)
    assert target.leadership.head_unit == a
    assert target.memberships.count() == 3
    assert target.pledge.commitments.count() == 2


def test_rollover_page_without_leadership_still_opens_next_year(world, client_as):
    response = client_as("staff").post(_year_url(world, "rollover/"), {})
    assert response.status_code == 302
    target = ClusterYear.objects.get(cluster=world.cluster, year=2022)
    assert not LeadershipTerm.objects.filter(cluster_year=target).exists()


def test_cluster_page_panels_show_head_deputy_and_who_signed(pledge, world, client_as):
    a, b, _c = world.units
    LeadershipTerm.objects.create(cluster_year=world.cluster_year, **leadership_data(a, b))
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, [a], world.users.secretary)
    pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=b,
        award_title=title(world.cluster_year, "tt-lao-dong-xuat-sac"),
        person_name="",
    )

    html = client_as("leader").get(f"/clusters/{world.cluster.pk}/?year=2021").content.decode()

    assert "Trường số 1 — Hoàng Xuân Châu, Quyền Hiệu trưởng" in html
    assert "Trường số 2 — Đặng Vũ Huân, Tổng biên tập" in html
    assert "1/3 đơn vị đã ký · 1/3 đơn vị đã đăng ký danh hiệu" in html
    assert "Trường số 1: đã ký · chưa đăng ký" in html
    assert "Trường số 2: chưa ký</span>" in html
    assert "Trường số 3: chưa ký · chưa đăng ký" in html


def test_pledge_page_flags_units_that_registered_nothing(pledge, world, client_as):
    pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[1],
        award_title=title(world.cluster_year, "co-thi-dua-bo"),
        person_name="",
    )
    response = client_as("leader").get(_year_url(world, "pledge/"))
    assert response.context["unregistered"] == [world.units[0], world.units[2]]
    assert "Đơn vị chưa đăng ký danh hiệu nào: Trường số 1; Trường số 3" in (
        response.content.decode()
    )


def test_leader_sees_the_pledge_without_edit_buttons(pledge, world, client_as):
    html = client_as("leader").get(_year_url(world, "pledge/")).content.decode()
    assert "Hoàn thành xuất sắc nhiệm vụ được giao." in html
    assert "pledge-actions" not in html
    assert "Sửa nội dung" not in html


def test_pledge_create_button_copies_last_year(world, client_as):
    response = client_as("secretary").post(_year_url(world, "pledge/create/"))
    assert response.status_code == 302
    assert Pledge.objects.get().state == Pledge.State.DRAFT


def test_pledge_edit_form_saves_ordered_commitments(pledge, world, client_as):
    response = client_as("secretary").post(
        _year_url(world, "pledge/edit/"),
        {
            "version": pledge.version,
            "commitments": "Một\r\nHai\r\n\r\nBa",
            "place": "Hà Nội",
            "conference_date": "2020-12-14",
        },
    )
    assert response.status_code == 302
    assert list(pledge.commitments.values_list("text", flat=True)) == ["Một", "Hai", "Ba"]


def test_second_pledge_save_is_told_and_nothing_overwritten(pledge, world, client_as):
    stale = pledge.version
    client_as("staff").post(
        _year_url(world, "pledge/edit/"),
        {"version": stale, "commitments": "Bản thứ nhất", "place": "", "conference_date": ""},
    )
    response = client_as("secretary").post(
        _year_url(world, "pledge/edit/"),
        {"version": stale, "commitments": "Bản thứ hai", "place": "", "conference_date": ""},
    )
    assert response.status_code == 200
    assert "vừa được người khác lưu" in response.context["form"].non_field_errors()[0]
    assert response.context["form"]["commitments"].value() == "Bản thứ hai"
    assert list(pledge.commitments.values_list("text", flat=True)) == ["Bản thứ nhất"]


def test_signature_form_offers_only_members_not_yet_signed(pledge, world, client_as):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, world.units[:1], world.users.secretary)
    response = client_as("secretary").get(_year_url(world, "pledge/sign/"))
    assert list(response.context["form"].fields["unit"].queryset) == world.units[1:]


def test_signature_on_a_draft_is_refused_with_a_message(pledge, world, client_as):
    response = client_as("secretary").post(
        _year_url(world, "pledge/sign/"),
        {
            "unit": world.units[0].pk,
            "signer_name": "Lê Văn Ký",
            "signer_position": "Giám đốc",
            "signed_on": "2020-12-14",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Giao ước còn là dự thảo: hãy mở ký trước."
    ]


def test_registration_form_offers_only_titles_of_the_years_regime(pledge, world, client_as):
    response = client_as("secretary").get(_year_url(world, "pledge/register/"))
    titles = response.context["form"].fields["award_title"].queryset
    assert {t.regime.code for t in titles} == {"luat-2003-nd-91-2017"}
    assert list(response.context["form"].fields["unit"].queryset) == world.units


def test_individual_registration_without_a_name_is_refused_next_to_the_field(
    pledge, world, client_as
):
    response = client_as("secretary").post(
        _year_url(world, "pledge/register/"),
        {
            "unit": world.units[0].pk,
            "award_title": title(world.cluster_year, "cstd-co-so").pk,
            "person_name": "",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["person_name"] == [
        "“Chiến sĩ thi đua cơ sở” là danh hiệu cá nhân: hãy ghi họ tên người đăng ký."
    ]


def test_staff_reopens_a_locked_pledge_with_a_reason(pledge, world, client_as):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, world.units, world.users.secretary)
    pledge_services.pledge_lock(actor=world.users.secretary, pledge=pledge)

    empty = client_as("staff").post(_year_url(world, "pledge/reopen/"), {"reason": ""})
    assert empty.context["form"].errors["reason"] == ["Trường này là bắt buộc."]

    response = client_as("staff").post(
        _year_url(world, "pledge/reopen/"), {"reason": "Bổ sung đăng ký của Trường số 3"}
    )
    assert response.status_code == 302
    assert Pledge.objects.get().state == Pledge.State.SIGNED
    entry = AuditEntry.objects.order_by("-id").first()
    assert (entry.action, entry.actor, entry.reason, entry.before, entry.after) == (
        "pledge_reopen",
        world.users.staff,
        "Bổ sung đăng ký của Trường số 3",
        {"state": "locked"},
        {"state": "signed"},
    )
    html = client_as("leader").get(_year_url(world, "pledge/")).content.decode()
    assert "Bổ sung đăng ký của Trường số 3" in html  # the audit trail on the page
    assert "Mở lại giao ước đã khóa" in html


@pytest.mark.parametrize("role", ["secretary", "staff"])
def test_locked_pledge_edit_is_refused_with_a_message(pledge, world, client_as, role):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, world.units, world.users.secretary)
    pledge_services.pledge_lock(actor=world.users.secretary, pledge=pledge)
    pledge.refresh_from_db()
    response = client_as(role).post(
        _year_url(world, "pledge/edit/"),
        {"version": pledge.version, "commitments": "Sửa", "place": "", "conference_date": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()[0].startswith("Giao ước đã khóa.")
    assert pledge.commitments.first().text == "Hoàn thành xuất sắc nhiệm vụ được giao."


def test_catalogue_edit_saves_and_audits(world, client_as):
    flag = _award_title("luat-2003-nd-91-2017", "co-thi-dua-bo")
    data = {
        "regime": flag.regime_id,
        "code": flag.code,
        "name_vi": flag.name_vi,
        "name_en": flag.name_en,
        "kind": flag.kind,
        "subject": flag.subject,
        "level": flag.level,
        "vote_threshold": "85",
        "quota_per_cluster": "2",
        "reward_multiplier": "8.0",
        "prerequisites": flag.prerequisites,
        "citation": flag.citation,
        "order": flag.order,
    }
    response = client_as("national_admin").post(f"/catalogue/{flag.pk}/edit/", data)
    assert response.status_code == 302
    assert response.url == "/catalogue/?regime=luat-2003-nd-91-2017"
    flag.refresh_from_db()
    assert (flag.vote_threshold, flag.quota_per_cluster) == (85, 2)
    assert AuditEntry.objects.get(object_id=str(flag.pk)).before["vote_threshold"] == 80


def test_catalogue_edit_refuses_a_threshold_over_100_keeping_input(world, client_as):
    flag = _award_title("luat-2003-nd-91-2017", "co-thi-dua-bo")
    response = client_as("national_admin").post(
        f"/catalogue/{flag.pk}/edit/",
        {
            "regime": flag.regime_id,
            "code": flag.code,
            "name_vi": "Tên đã sửa",
            "name_en": flag.name_en,
            "kind": flag.kind,
            "subject": flag.subject,
            "level": flag.level,
            "vote_threshold": "120",
            "citation": flag.citation,
            "order": flag.order,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["vote_threshold"] == [
        "Ngưỡng phiếu là tỷ lệ phần trăm, không quá 100."
    ]
    assert 'value="Tên đã sửa"' in response.content.decode()


def test_catalogue_delete_of_an_unused_entry(world, client_as):
    entry = _award_title("luat-2022-nd-152-2025", "bang-khen-ttg-ca-nhan")
    response = client_as("national_admin").post(f"/catalogue/{entry.pk}/delete/", follow=True)
    assert not type(entry).objects.filter(pk=entry.pk).exists()
    assert "Đã xóa “Bằng khen của Thủ tướng Chính phủ (cá nhân)”." in response.content.decode()


def test_catalogue_delete_of_a_used_entry_is_refused_in_vietnamese(pledge, world, client_as):
    used = title(world.cluster_year, "tt-lao-dong-xuat-sac")
    pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        award_title=used,
        person_name="",
    )
    response = client_as("national_admin").post(f"/catalogue/{used.pk}/delete/", follow=True)
    assert type(used).objects.filter(pk=used.pk).exists()
    assert [str(m) for m in response.context["messages"]] == [
        "Không thể xóa “Tập thể lao động xuất sắc”: danh hiệu đang được dùng (1 bản ghi "
        "đăng ký, bỏ phiếu hoặc đề nghị khen thưởng). Hãy sửa thay vì xóa."
    ]


def _award_title(regime, code):
    return AwardTitle.objects.get(regime__code=regime, code=code)


def test_member_added_after_signing_shows_not_signed(pledge, world, client_as):
    pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)
    sign_all(pledge, world.units, world.users.secretary)
    newcomer = UnitFactory(ministry=world.ministry, name="Trường số 9")
    Membership.objects.create(cluster_year=world.cluster_year, unit=newcomer)

    response = client_as("leader").get(_year_url(world, "pledge/"))

    rows = {row.unit.name: row.signature for row in response.context["rows"]}
    assert rows["Trường số 9"] is None
    assert response.context["signed_count"] == 3
    html = response.content.decode()
    assert "Còn đơn vị chưa ký giao ước (kể cả thành viên vào cụm sau khi ký)." in html
    assert "(3/4 đơn vị đã ký)" in html


def test_pledge_page_names_registered_titles_in_the_chosen_language(pledge, world, client_as):
    flag = title(world.cluster_year, "co-thi-dua-bo")
    pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[1],
        award_title=flag,
        person_name="",
    )
    client = client_as("leader")
    assert f"<div>{flag.name_vi}</div>" in client.get(_year_url(world, "pledge/")).content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(_year_url(world, "pledge/")).content.decode()
    assert f"<div>{flag.name_en}</div>" in html
    assert flag.name_vi not in html
