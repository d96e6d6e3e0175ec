"""Numbers a body gave outside thidua: the keeper records the last one, so the register
follows on from it (a body that starts in mid-year, a ministry's office that numbers every
decision). The register only moves forward; who may do it; what the pages show."""

import pytest

from documents.models import NumberRegister
from documents.selectors import kept_bodies
from documents.services.register import issue_number, record_outside_numbers
from emulation.errors import DomainError
from emulation.models import AuditEntry
from emulation.rights import RightsError
from tests.documents.factories import cluster_register
from tests.factories import ClusterFactory, UnitFactory, cluster_year_with_units
from tests.html import field_errors, input_value, messages, options, selected_values, textarea_value

URL = "/documents/registers/advance/"
TYPES = NumberRegister.TypeCode


def _body(user, key):
    return next(body for body in kept_bodies(user) if body.key == key)


def _record(
    world, last_number, *, user=None, key=None, type_code=TYPES.SUBMISSION, reason="Văn thư"
):
    user = user or world.users.secretary
    body = _body(user, key or f"c{world.cluster.pk}")
    return record_outside_numbers(
        actor=user,
        body=body,
        type_code=type_code,
        year=2021,
        last_number=last_number,
        reason=reason,
    )


@pytest.mark.parametrize(("last_number", "accepted"), [(4, False), (5, False), (6, True)])
def test_the_register_moves_only_forward_past_its_last_number(world, last_number, accepted):
    register = cluster_register(world.cluster)
    for _ in range(5):
        issue_number(register=register, user=world.users.secretary)
    if accepted:
        _record(world, last_number)
    else:
        with pytest.raises(DomainError) as refused:
            _record(world, last_number)
        assert refused.value.field == "last_number"
        assert "đã cấp đến số 5" in refused.value.message
    register.refresh_from_db()
    assert register.last_number == (6 if accepted else 5)
    taken = issue_number(register=register, user=world.users.secretary)
    assert taken.number == (7 if accepted else 6)


def test_a_register_not_yet_used_is_opened_at_the_number_given(world):
    register = _record(world, 14)
    assert (register.issuing_body, register.symbol, register.year) == (
        "Cụm thi đua số 2",
        "TTr-CTĐ2",
        2021,
    )
    assert issue_number(register=register, user=world.users.secretary).label == "15/TTr-CTĐ2"


def test_the_record_is_audited_with_its_reason(world):
    register = _record(world, 14, reason="Văn thư đã cấp đến số 14")
    entry = AuditEntry.objects.get(action="register_advance")
    assert (entry.actor, entry.reason) == (world.users.secretary, "Văn thư đã cấp đến số 14")
    assert (entry.before, entry.after) == ({"last_number": 0}, {"last_number": 14})
    assert entry.object_id == str(register.pk)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_record_without_its_ground_is_refused(world, reason):
    with pytest.raises(DomainError) as refused:
        _record(world, 3, reason=reason)
    assert refused.value.field == "reason"
    assert not NumberRegister.objects.exists()


def test_a_body_records_only_the_types_it_issues_here(world):
    with pytest.raises(DomainError) as refused:
        _record(world, 3, type_code=TYPES.DECISION)
    assert refused.value.field == "type_code"
    assert not NumberRegister.objects.exists()


def test_the_service_checks_the_keeper_whoever_calls_it(world):
    body = _body(world.users.secretary, f"c{world.cluster.pk}")
    for user in (world.users.other_secretary, world.users.leader, world.users.foreign_staff):
        with pytest.raises(RightsError):
            record_outside_numbers(
                actor=user,
                body=body,
                type_code=TYPES.SUBMISSION,
                year=2021,
                last_number=3,
                reason="x",
            )
    assert not NumberRegister.objects.exists()


def test_each_keeper_is_offered_the_bodies_they_keep(world):
    secretary = [body.key for body in kept_bodies(world.users.secretary)]
    assert secretary == [f"c{world.cluster.pk}"] + [
        f"u{unit.pk}-{world.cluster.pk}" for unit in world.units
    ]
    staff = {body.key for body in kept_bodies(world.users.staff)}
    assert {f"m{world.ministry.pk}", f"c{world.cluster.pk}", f"c{world.other_cluster.pk}"} <= staff
    assert len(staff) == 1 + 2 + 6
    assert kept_bodies(world.users.leader) == []
    foreign = [body.key for body in kept_bodies(world.users.foreign_staff)]
    assert foreign == [f"m{world.other_ministry.pk}"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretary", 200),
        ("staff", 200),
        ("foreign_staff", 200),
        ("leader", 403),
        ("other_secretary", 200),
    ],
)
def test_who_opens_the_form(client_as, world, role, status):
    assert client_as(role).get(URL).status_code == status


def test_the_form_sends_anonymous_visitors_to_login(client_as, world):
    response = client_as(None).get(URL)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={URL}")


def test_a_secretary_records_through_the_form_and_sees_the_next_number(client_as, world):
    client = client_as("secretary")
    response = client.post(
        URL,
        {
            "body": f"c{world.cluster.pk}",
            "type_code": "TTr",
            "year": "2021",
            "last_number": "14",
            "reason": "Văn thư đã cấp đến số 14",
        },
    )
    register = NumberRegister.objects.get()
    assert (response.status_code, response["Location"]) == (
        302,
        f"/documents/registers/{register.pk}/",
    )
    page = client.get(response["Location"])
    assert messages(page) == ["Đã ghi. Số tiếp theo của sổ sẽ là 15/TTr-CTĐ2."]
    html = page.content.decode()
    assert "Ghi số đã cấp ngoài hệ thống" in html and "Văn thư đã cấp đến số 14" in html
    assert "số đã cấp gần nhất: 14" in html  # though no number was given here yet


def test_a_refused_record_keeps_what_was_typed(client_as, world):
    register = cluster_register(world.cluster)
    issue_number(register=register, user=world.users.secretary)
    data = {
        "body": f"c{world.cluster.pk}",
        "type_code": "TTr",
        "year": "2021",
        "last_number": "1",
        "reason": "Sổ giấy",
    }
    response = client_as("secretary").post(URL, data)
    assert response.status_code == 200
    assert field_errors(response, "last_number") == [
        "Sổ TTr-CTĐ2 năm 2021 đã cấp đến số 1: số cuối cùng cấp ngoài hệ thống phải lớn "
        "hơn, vì số đã cấp không bao giờ được cấp lại."
    ]
    assert input_value(response, "last_number") == "1"
    assert textarea_value(response, "reason") == "Sổ giấy"
    assert selected_values(response, "body") == [f"c{world.cluster.pk}"]


@pytest.mark.parametrize("last_number", ["0", "100000", "abc"])
def test_a_number_out_of_range_is_refused_at_the_field(client_as, world, last_number):
    data = {
        "body": f"c{world.cluster.pk}",
        "type_code": "TTr",
        "year": "2021",
        "last_number": last_number,
        "reason": "x",
    }
    response = client_as("secretary").post(URL, data)
    assert response.status_code == 200
    assert field_errors(response, "last_number")
    assert not NumberRegister.objects.exists()


def test_a_body_outside_the_users_keeping_is_not_a_choice(client_as, world):
    data = {
        "body": f"c{world.other_cluster.pk}",
        "type_code": "TTr",
        "year": "2021",
        "last_number": "3",
        "reason": "x",
    }
    response = client_as("secretary").post(URL, data)
    assert response.status_code == 200
    assert field_errors(response, "body")
    assert f"c{world.other_cluster.pk}" not in [
        value for value, _label in options(response, "body")
    ]
    assert not NumberRegister.objects.exists()


def test_the_register_page_links_the_form_prefilled(client_as, world):
    register = cluster_register(world.cluster, type_code=TYPES.MINUTES)
    client = client_as("staff")
    html = client.get(f"/documents/registers/{register.pk}/").content.decode()
    assert f'href="{URL}?register={register.pk}"' in html
    response = client.get(f"{URL}?register={register.pk}")
    assert selected_values(response, "body") == [f"c{world.cluster.pk}"]
    assert selected_values(response, "type_code") == ["BB"]
    assert input_value(response, "year") == "2021"


@pytest.mark.parametrize(
    ("role", "shown"), [("secretary", True), ("staff", True), ("leader", False)]
)
def test_the_register_list_links_the_form_to_keepers_only(client_as, world, role, shown):
    html = client_as(role).get("/documents/registers/").content.decode()
    assert (f'href="{URL}"' in html) == shown


def test_the_form_keeps_its_query_count_as_clusters_grow(
    client_as, world, django_assert_max_num_queries
):
    client = client_as("staff")

    def counted():
        with django_assert_max_num_queries(10) as context:
            assert client.get(URL).status_code == 200
        return len(context.captured_queries)

    client.get(URL)  # the role scope read once, then from the cache
    before = counted()
    for number in range(3, 6):
        cluster = ClusterFactory(ministry=world.ministry, number=number, name=f"Cụm {number}")
        units = [UnitFactory(ministry=world.ministry, name=f"Viện {number}.{i}") for i in range(4)]
        cluster_year_with_units(cluster, 2021, units)
    assert counted() == before
    assert len(options(client.get(URL), "body")) == 1 + 5 + 6 + 12
