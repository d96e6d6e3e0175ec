"""Nonsense posted to any form is answered with the form and its errors, never a 500, and
nothing is stored."""

import pytest

from emulation.models import AuditEntry
from tests.html import error_summary, field_errors, messages

GARBAGE = {
    "ministry": "không-phải-số",
    "cluster": "-1",
    "kind": "<script>",
    "number": "99999999999",
    "name": "x" * 500,
    "short_name": "y" * 500,
    "units": ["abc", "-5"],
    "role": "superuser",
    "username": "a b c",
    "full_name": "",
    "email": "@",
    "password": "1",
    "version": "abc",
    "old_password": "",
    "new_password1": "a",
    "new_password2": "b",
}
FORMS = [
    "/clusters/new/",
    "/clusters/{cluster}/edit/",
    "/clusters/{cluster}/years/2021/members/",
    "/units/new/",
    "/units/{unit}/edit/",
    "/accounts/new/",
    "/accounts/{account}/",
    "/accounts/password/",
]


@pytest.mark.parametrize("path", FORMS)
def test_garbage_is_answered_with_errors_and_stores_nothing(client_as, world, path):
    url = path.format(
        cluster=world.cluster.pk, unit=world.units[0].pk, account=world.users.secretary.pk
    )
    response = client_as("staff").post(url, GARBAGE)
    assert response.status_code == 200
    assert error_summary(response) or messages(response)
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    "query", ["page=-1", "page=99999", "year=abc", "kind=x&name=%00", "q=%25", "q=%00"]
)
@pytest.mark.parametrize("page", ["/", "/clusters/", "/units/", "/accounts/"])
def test_nonsense_in_a_list_address_still_shows_the_list(client_as, page, query):
    assert client_as("staff").get(f"{page}?{query}").status_code == 200


def test_a_nul_byte_at_login_is_refused_not_a_crash(client, db):
    response = client.post("/accounts/login/", {"username": "thu\x00ky", "password": "x"})
    assert response.status_code == 200
    # Django's Vietnamese catalogue has no translation for this one message.
    assert field_errors(response, "username") == ["Null characters are not allowed."]
