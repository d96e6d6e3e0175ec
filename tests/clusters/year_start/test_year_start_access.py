"""Every new page × every role: anonymous → login, other cluster's secretary and foreign
ministry staff → 404, leader on a write page → 403, and what the allowed user gets."""

import pytest

from clusters.year_start import pledge as pledge_services
from emulation.models import AwardTitle
from tests.clusters.year_start.conftest import title

ROLES = ["secretary", "staff", "leader", "other_secretary", "foreign_staff"]
READ = {"secretary": 200, "staff": 200, "leader": 200, "other_secretary": 404, "foreign_staff": 404}
WRITE = {**READ, "leader": 403}
MANAGE = {**WRITE, "secretary": 403}


@pytest.fixture
def urls(world, pledge):
    registration = pledge_services.registration_add(
        actor=world.users.secretary,
        pledge=pledge,
        unit=world.units[0],
        award_title=title(world.cluster_year, "tt-lao-dong-xuat-sac"),
        person_name="",
    )
    base = f"/clusters/{world.cluster.pk}"
    year = f"{base}/years/{world.year}"
    return {
        "history": f"{base}/leadership/",
        "rotation": f"{base}/rotation/",
        "leadership": f"{year}/leadership/",
        "rollover": f"{year}/rollover/",
        "pledge": f"{year}/pledge/",
        "pledge_edit": f"{year}/pledge/edit/",
        "pledge_sign": f"{year}/pledge/sign/",
        "pledge_register": f"{year}/pledge/register/",
        "pledge_board": f"{year}/pledge/board/",
        "pledge_reopen": f"{year}/pledge/reopen/",
        "pledge_open": f"{year}/pledge/open/",
        "pledge_lock": f"{year}/pledge/lock/",
        "pledge_create": f"{year}/pledge/create/",
        "registration_remove": f"{year}/pledge/registrations/{registration.pk}/delete/",
    }


GETS = [
    ("history", READ),
    ("pledge", READ),
    ("rotation", WRITE),
    ("leadership", WRITE),
    ("rollover", WRITE),
    ("pledge_edit", WRITE),
    ("pledge_sign", WRITE),
    ("pledge_register", WRITE),
    ("pledge_board", WRITE),
    ("pledge_reopen", MANAGE),
]
POSTS = ["pledge_open", "pledge_lock", "pledge_create", "registration_remove"]


@pytest.mark.parametrize("name", [name for name, _ in GETS] + POSTS)
def test_anonymous_is_sent_to_login(urls, client_as, name):
    response = client_as(None).get(urls[name])
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "expected"), GETS)
def test_get_pages_by_role(urls, client_as, role, name, expected):
    assert client_as(role).get(urls[name]).status_code == expected[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", POSTS)
def test_post_actions_by_role(urls, client_as, role, name):
    expected = {**WRITE, "secretary": 302, "staff": 302}[role]
    assert client_as(role).post(urls[name]).status_code == expected


@pytest.mark.parametrize("name", POSTS)
def test_post_actions_refuse_get(urls, client_as, name):
    assert client_as("secretary").get(urls[name]).status_code == 405


CATALOGUE_WRITE = {
    "secretary": 403,
    "staff": 200,
    "leader": 403,
    "other_secretary": 403,
    "foreign_staff": 200,
}  # the catalogue is the law's: any ministry's staff


@pytest.mark.parametrize("role", ROLES)
def test_everyone_signed_in_reads_the_catalogue(world, client_as, role):
    response = client_as(role).get("/catalogue/?regime=luat-2003-nd-91-2017")
    assert response.status_code == 200
    assert [t.code for t in response.context["titles"]] == list(
        AwardTitle.objects.filter(regime__code="luat-2003-nd-91-2017")
        .order_by("order")
        .values_list("code", flat=True)
    )
    assert response.context["can_edit"] is (CATALOGUE_WRITE[role] == 200)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", ["/catalogue/new/", "/catalogue/{pk}/edit/"])
def test_catalogue_edit_pages_by_role(world, client_as, role, path):
    pk = AwardTitle.objects.first().pk
    response = client_as(role).get(path.format(pk=pk))
    assert response.status_code == CATALOGUE_WRITE[role]


@pytest.mark.parametrize("role", ROLES)
def test_catalogue_delete_by_role(world, client_as, role):
    pk = AwardTitle.objects.first().pk
    response = client_as(role).post(f"/catalogue/{pk}/delete/")
    assert response.status_code == (302 if CATALOGUE_WRITE[role] == 200 else 403)


@pytest.mark.parametrize("path", ["/catalogue/", "/catalogue/new/", "/catalogue/1/edit/"])
def test_catalogue_anonymous_is_sent_to_login(world, client_as, path):
    response = client_as(None).get(path)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
