"""The register page for every role: who sees which registers and numbers, who may cancel a
number (the cluster's secretary and the ministry's staff for a cluster's register, the staff
alone for the ministry's own), and what the page shows."""

import pytest

from documents.models import RegisteredNumber
from documents.services.register import cancel_number, issue_number
from emulation.models import AuditEntry
from tests.documents.factories import cluster_register, decision_paper, ministry_register
from tests.documents.roles import CLUSTER_KEEPING, MINISTRY_KEEPING
from tests.factories import UserFactory
from tests.html import field_errors, link_texts, messages

ROLES = ["secretary", "other_secretary", "staff", "leader", "foreign_staff"]


@pytest.fixture
def registers(world, issued):
    """Cụm 2's cover submissions (1/TTr-CTĐ2 on a paper, 2 cancelled), Cụm 1's, the
    ministry's decisions (1/QĐ-BTN…)."""
    second = issue_number(register=issued.register, user=world.users.secretary, summary="Nhầm")
    cancel_number(number=second, user=world.users.secretary, reason="Cấp nhầm")
    other = cluster_register(world.other_cluster)
    issue_number(register=other, user=world.users.other_secretary)
    ministry = ministry_register(world.ministry)
    decision = issue_number(register=ministry, user=world.users.staff, summary="Cờ thi đua")
    decision_paper(world.ministry, number=decision)
    return issued.register, other, ministry


@pytest.mark.parametrize(
    ("role", "listed"),
    [
        ("secretary", ["Cụm thi đua số 2"]),
        ("other_secretary", ["Cụm thi đua số 1"]),
        ("staff", ["Cụm thi đua số 1", "Cụm thi đua số 2", "Bộ Tư pháp thử nghiệm"]),
        ("leader", ["Cụm thi đua số 1", "Cụm thi đua số 2", "Bộ Tư pháp thử nghiệm"]),
        ("foreign_staff", []),
    ],
)
def test_the_list_shows_the_registers_of_the_users_scope(client_as, registers, role, listed):
    response = client_as(role).get("/documents/registers/")
    assert response.status_code == 200
    assert sorted(link_texts(response, r"^/documents/registers/\d+/$")) == sorted(listed)


def test_the_list_sends_anonymous_visitors_to_login(client_as, registers):
    response = client_as(None).get("/documents/registers/")
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/documents/registers/",
    )


def test_the_staff_menu_links_the_registers(client_as, world):
    link = '<a class="nav-link" href="/documents/registers/">Sổ văn bản</a>'
    assert link in client_as("staff").get("/").content.decode()
    # a secretary's menu stays on one row (tests/emulation/test_browser.py)
    assert link not in client_as("secretary").get("/").content.decode()


def test_the_register_shows_each_number_its_date_summary_paper_and_cancellation(
    client_as, registers
):
    cluster_2, _other, _ministry = registers
    response = client_as("secretary").get(f"/documents/registers/{cluster_2.pk}/")
    html = response.content.decode()
    assert "Sổ đăng ký văn bản đi – Cụm thi đua số 2" in html
    assert "Tờ trình, năm 2021, ký hiệu TTr-CTĐ2" in html
    assert "2/TTr-CTĐ2" in html and "1/TTr-CTĐ2" in html
    assert html.index("2/TTr-CTĐ2") < html.index("1/TTr-CTĐ2")  # the latest first
    assert "Tờ trình đề nghị khen thưởng của cụm – 2021" in html  # the paper of number 1
    number_2 = RegisteredNumber.objects.get(register=cluster_2, number=2)
    assert "Đã hủy</span> ngày " in html and ": Cấp nhầm" in html
    assert link_texts(response, r"^/documents/numbers/\d+/cancel/$") == ["Hủy số"]
    assert f"/documents/numbers/{number_2.pk}/cancel/" not in html


@pytest.mark.parametrize(
    ("role", "cluster_2", "cluster_1", "ministry"),
    [
        ("secretary", 200, 404, 404),
        ("other_secretary", 404, 200, 404),
        ("staff", 200, 200, 200),
        ("leader", 200, 200, 200),
        ("foreign_staff", 404, 404, 404),
    ],
)
def test_who_opens_which_register(client_as, registers, role, cluster_2, cluster_1, ministry):
    client = client_as(role)
    statuses = tuple(client.get(f"/documents/registers/{r.pk}/").status_code for r in registers)
    assert statuses == (cluster_2, cluster_1, ministry)


@pytest.mark.parametrize(
    ("role", "can_cancel"),
    [("secretary", True), ("staff", True), ("leader", False)],
)
def test_the_cancel_link_is_shown_to_those_who_keep_the_register(
    client_as, registers, role, can_cancel
):
    response = client_as(role).get(f"/documents/registers/{registers[0].pk}/")
    assert link_texts(response, r"^/documents/numbers/\d+/cancel/$") == (
        ["Hủy số"] if can_cancel else []
    )


def _number(register, n=1):
    return RegisteredNumber.objects.get(register=register, number=n)


@pytest.mark.parametrize(("role", "status"), CLUSTER_KEEPING)
def test_who_may_cancel_a_number_of_a_clusters_register(world, client_as, role, status):
    register = cluster_register(world.cluster)
    number = issue_number(register=register, user=world.users.secretary)
    url = f"/documents/numbers/{number.pk}/cancel/"
    client = client_as(role)
    assert client.get(url).status_code == (200 if status == 302 else status)
    response = client.post(url, {"reason": "Cấp nhầm"})
    assert response.status_code == status
    number.refresh_from_db()
    assert number.is_cancelled == (status == 302)
    if status == 302:
        assert response["Location"] == f"/documents/registers/{register.pk}/"
        followed = client.get(response["Location"])
        assert messages(followed) == ["Đã hủy số 1/TTr-CTĐ2."]


@pytest.mark.parametrize(("role", "status"), MINISTRY_KEEPING)
def test_only_the_staff_cancel_a_number_of_the_ministrys_register(world, client_as, role, status):
    number = issue_number(register=ministry_register(world.ministry), user=world.users.staff)
    response = client_as(role).post(f"/documents/numbers/{number.pk}/cancel/", {"reason": "x"})
    assert response.status_code == status
    assert RegisteredNumber.objects.get(pk=number.pk).is_cancelled == (status == 302)


def test_the_cancel_page_asks_for_confirmation_and_explains(client_as, world):
    number = issue_number(register=cluster_register(world.cluster), user=world.users.secretary)
    html = client_as("secretary").get(f"/documents/numbers/{number.pk}/cancel/").content.decode()
    assert 'data-confirm="Hủy số 1/TTr-CTĐ2? Việc này không hoàn tác được."' in html
    assert "không bao giờ được cấp lại" in html


def test_a_cancel_without_a_reason_is_refused_at_the_field(client_as, world):
    number = issue_number(register=cluster_register(world.cluster), user=world.users.secretary)
    response = client_as("secretary").post(f"/documents/numbers/{number.pk}/cancel/", {})
    assert response.status_code == 200
    assert field_errors(response, "reason") == ["Hãy ghi lý do hủy số."]
    assert not RegisteredNumber.objects.get(pk=number.pk).is_cancelled
    assert not AuditEntry.objects.filter(action="number_cancel").exists()


def test_a_second_cancel_says_it_was_cancelled_before(client_as, registers):
    number = _number(registers[0], 2)
    response = client_as("staff").post(f"/documents/numbers/{number.pk}/cancel/", {"reason": "x"})
    assert response.status_code == 200
    assert "Số 2/TTr-CTĐ2 đã được hủy trước đó." in response.content.decode()


def test_the_pages_keep_their_query_count_as_registers_and_numbers_grow(
    client_as, world, django_assert_max_num_queries
):
    client = client_as("staff")

    def grow(n):
        for year in range(2021, 2021 + n):
            register = cluster_register(world.cluster, year=year)
            for _ in range(n):
                issue_number(register=register, user=world.users.secretary)
        return register

    def counted(url):
        with django_assert_max_num_queries(8) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    small = grow(1)
    client.get("/documents/registers/")  # the role scope read once, then from the cache
    sizes_small = counted("/documents/registers/"), counted(f"/documents/registers/{small.pk}/")
    large = grow(3)
    sizes_large = counted("/documents/registers/"), counted(f"/documents/registers/{large.pk}/")
    assert sizes_small == sizes_large


def test_an_account_without_a_role_sees_no_register(registers, client):
    client.force_login(UserFactory(username="khach"))
    response = client.get("/documents/registers/")
    assert response.status_code == 200
    assert link_texts(response, r"^/documents/registers/\d+/$") == []
    assert "Chưa có sổ đăng ký văn bản nào." in response.content.decode()
    assert client.get(f"/documents/registers/{registers[0].pk}/").status_code == 404
