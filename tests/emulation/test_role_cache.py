"""The role scope is read from the cache while no role assignment changed
(``emulation.roles``): a role granted or withdrawn shows on the next request, a request that
read the rows before a change never keeps them, and a cache that is down only costs the query.
The navigation bar, rendered once per language and kind of viewer, carries each request's
own name, path and CSRF token."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import RoleAssignment
from emulation.roles import TOKEN_KEY, Role, roles_changed, scope_of
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import UserFactory, grant
from tests.html import page

ROLE_TABLE = RoleAssignment._meta.db_table


def _role_reads(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, sum(ROLE_TABLE in q["sql"] for q in queries.captured_queries)


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_roles_are_read_once_then_from_the_cache(world):
    client = _signed_in(world.users.staff)
    _response, first = _role_reads(client, "/clusters/")
    response, second = _role_reads(client, "/clusters/")
    assert (first, second) == (1, 0)
    assert "Cụm thi đua số 2" in response.text


def test_a_role_granted_shows_on_the_next_request(world):
    newcomer = UserFactory(username="moi")
    client = _signed_in(newcomer)
    page = f"/clusters/{world.cluster.pk}/"
    assert client.get(page).status_code == 404  # no role: the cluster is not theirs to see
    grant(newcomer, Role.CLUSTER_SECRETARY, world.ministry, world.cluster)
    assert client.get(page).status_code == 200


def test_a_role_withdrawn_shows_on_the_next_request(world):
    client = _signed_in(world.users.staff)
    assert client.get(reverse("awards:queue")).status_code == 200
    RoleAssignment.objects.filter(user=world.users.staff).delete()
    assert client.get(reverse("awards:queue")).status_code == 403
    assert client.get(f"/clusters/{world.cluster.pk}/").status_code == 404


def test_a_role_moved_to_another_cluster_shows_on_the_next_request(world):
    client = _signed_in(world.users.secretary)
    assert client.get(f"/clusters/{world.other_cluster.pk}/").status_code == 404
    assignment = RoleAssignment.objects.get(user=world.users.secretary)
    assignment.cluster = world.other_cluster
    assignment.save()
    assert client.get(f"/clusters/{world.other_cluster.pk}/").status_code == 200
    assert client.get(f"/clusters/{world.cluster.pk}/").status_code == 404


def test_rows_read_before_a_change_are_not_kept(world, django_capture_on_commit_callbacks):
    """Another request read the token after the change began but the rows before it committed
    (so the old ones), and stored them: the commit replaces the token again, so they go unused."""
    user = world.users.staff
    assert scope_of(user).staff_ministries == {world.ministry.pk}
    with django_capture_on_commit_callbacks(execute=True):
        RoleAssignment.objects.filter(user=user).delete()
        token_seen_meanwhile = cache.get(TOKEN_KEY)
        old_rows = [(Role.MINISTRY_STAFF, world.ministry.pk, None)]
        cache.set(f"roles:{user.pk}", (token_seen_meanwhile, old_rows))
    user._thidua_scope = None  # a new request
    assert scope_of(user).staff_ministries == frozenset()


def test_a_bulk_write_is_followed_by_roles_changed(world):
    user = world.users.leader
    assert scope_of(user).is_leader
    RoleAssignment.objects.filter(user=user).update(role=Role.MINISTRY_STAFF)  # no signal
    roles_changed()
    user._thidua_scope = None
    assert scope_of(user).is_ministry_staff and not scope_of(user).is_leader


@pytest.mark.usefixtures("cache_down")
def test_with_the_cache_down_the_roles_are_read_every_time(world):
    client = _signed_in(world.users.staff)
    _response, first = _role_reads(client, "/clusters/")
    response, second = _role_reads(client, "/clusters/")
    assert (first, second) == (1, 1)
    assert response.status_code == 200
    RoleAssignment.objects.filter(user=world.users.staff).delete()
    assert client.get(reverse("awards:queue")).status_code == 403


# The navigation bar

STAFF_LINKS = ["Hàng chờ xét duyệt", "Sổ văn bản", "Tài khoản", "Nhập Excel"]


def _nav_texts(response):
    navigation = page(response).find_all(lambda n: n.tag == "nav")[0]
    return [a.text() for a in navigation.find_all(lambda n: n.tag == "a")]


def test_the_navigation_shows_the_staff_links_to_staff_only(client_as):
    staff = _nav_texts(client_as("staff").get("/"))
    secretary = _nav_texts(client_as("secretary").get("/"))
    assert set(STAFF_LINKS) <= set(staff)
    assert not set(STAFF_LINKS) & set(secretary)
    assert {"Trang chủ", "Cụm thi đua", "Đơn vị", "Hồ sơ khen thưởng"} <= set(secretary)


def test_the_navigation_escapes_the_name_and_the_path(world):
    user = UserFactory(username="ten", first_name="<b>Nguyễn</b>", last_name="Văn A")
    grant(user, Role.LEADER, world.ministry)
    response = _signed_in(user).get('/clusters/?q="><script>')
    assert "&lt;b&gt;Nguyễn&lt;/b&gt; Văn A" in response.text
    assert "<b>Nguyễn" not in response.text
    assert 'value="/clusters/?q=%22%3E%3Cscript%3E"' in response.text
    assert "\x00" not in response.text


def test_the_navigation_names_a_user_without_a_name_by_username(world):
    user = grant(
        UserFactory(username="khongten", first_name="", last_name=""), Role.LEADER, world.ministry
    )
    response = _signed_in(user).get("/")
    assert 'aria-expanded="false">khongten</a>' in response.text


def test_each_page_gets_its_own_csrf_token_in_the_navigation(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users.staff)
    response = client.get("/")
    token = response.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    logout = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert logout.status_code == 302
    assert client.get("/").status_code == 302  # signed out: to the login page


def test_the_navigation_speaks_the_chosen_language(client_as):
    client = client_as("staff")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    texts = _nav_texts(client.get("/"))
    assert "Review queue" in texts
    assert "Trang chủ" not in texts


def test_a_page_rendered_without_a_request_has_the_signed_out_navigation(db):
    from django.template.loader import render_to_string

    html = render_to_string("403.html", {})
    assert 'id="main-nav"' not in html  # no menu for nobody
    assert 'name="language"' in html  # the language switch stays
    assert "\x00" not in html
