"""People of a unit and their yearly records: every view × role, and what is stored."""

import pytest
from django.urls import reverse

from emulation.models import AuditEntry, AwardTitle
from tests.html import field_errors
from units.models import Person, PersonYear, UnitYear


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def person(world):
    return Person.objects.create(
        unit=world.units[0], full_name="Trần Thị Bình", position="Giảng viên", gender="female"
    )


ROLES = ["secretary", "other_secretary", "leader", "staff", "foreign_staff"]
READ = {"secretary": 200, "other_secretary": 404, "leader": 200, "staff": 200, "foreign_staff": 404}
WRITE = {
    "secretary": 200,
    "other_secretary": 404,
    "leader": 403,
    "staff": 200,
    "foreign_staff": 404,
}

VIEWS = [
    ("units:people", lambda w, p: [w.units[0].pk], READ),
    ("units:person", lambda w, p: [p.pk], READ),
    ("units:person_create", lambda w, p: [w.units[0].pk], WRITE),
    ("units:person_edit", lambda w, p: [p.pk], WRITE),
    ("units:person_year", lambda w, p: [p.pk, 2021], WRITE),
    ("units:unit_year", lambda w, p: [w.units[0].pk, 2021], WRITE),
]


@pytest.mark.parametrize("role", [None, *ROLES])
@pytest.mark.parametrize(("name", "args", "expected"), VIEWS, ids=[v[0] for v in VIEWS])
def test_people_views_by_role(world, person, client_as, role, name, args, expected):
    response = client_as(role).get(reverse(name, args=args(world, person)))
    if role is None:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == expected[role]


def test_secretary_adds_a_person_to_a_member_unit(world, client_as):
    response = client_as("secretary").post(
        reverse("units:person_create", args=[world.units[1].pk]),
        {"full_name": "Lê Văn Cường", "position": "Trưởng phòng", "gender": "male"},
    )
    person = Person.objects.get()
    assert response["Location"] == reverse("units:person", args=[person.pk])
    assert (person.unit, person.full_name, person.gender) == (
        world.units[1],
        "Lê Văn Cường",
        "male",
    )
    assert AuditEntry.objects.filter(action="person_create", object_id=str(person.pk)).exists()


def test_secretary_records_a_year_with_prior_titles(world, person, client_as):
    grassroots = AwardTitle.objects.get(code="cstd-co-so", regime__code="luat-2003-nd-91-2017")
    response = client_as("secretary").post(
        reverse("units:person_year", args=[person.pk, 2021]),
        {
            "task_rating": "excellent",
            "prior_titles": [grassroots.pk],
            "discipline_level": "",
            "pending_note": "",
        },
    )
    assert response.status_code == 302
    record = PersonYear.objects.get()
    assert (record.year, record.task_rating) == (2021, "excellent")
    assert list(record.prior_titles.values_list("code", flat=True)) == ["cstd-co-so"]
    page = client_as("leader").get(reverse("units:person", args=[person.pk])).content.decode()
    assert "Chiến sĩ thi đua cơ sở" in page


def test_discipline_end_before_start_is_refused_next_to_the_field(world, person, client_as):
    response = client_as("secretary").post(
        reverse("units:person_year", args=[person.pk, 2021]),
        {
            "task_rating": "good",
            "discipline_level": "warning",
            "discipline_start": "2021-05-01",
            "discipline_end": "2021-01-01",
            "pending_note": "giữ nguyên",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày kết thúc kỷ luật phải sau ngày bắt đầu." in html
    assert 'value="giữ nguyên"' in html
    assert not PersonYear.objects.exists()


def test_unit_figures_cannot_exceed_the_headcount(world, client_as):
    url = reverse("units:unit_year", args=[world.units[0].pk, 2021])
    response = client_as("staff").post(url, {"staff_count": 10, "advanced_count": 11})
    assert "Không thể lớn hơn tổng số thành viên." in response.content.decode()
    response = client_as("staff").post(url, {"staff_count": 10, "advanced_count": 8})
    assert response.status_code == 302
    assert UnitYear.objects.get().advanced_count == 8


def test_a_stale_person_edit_is_refused(world, person, client_as):
    url = reverse("units:person_edit", args=[person.pk])
    data = {"full_name": "Tên mới", "position": "", "gender": "female", "version": 1}
    assert client_as("secretary").post(url, data).status_code == 302
    response = client_as("staff").post(url, {**data, "full_name": "Tên khác"})
    assert "vừa được người khác lưu" in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == "Tên mới"


@pytest.mark.parametrize(("women", "stored"), [(9, True), (10, True), (11, False)])
def test_the_number_of_women_is_kept_within_the_headcount(world, client_as, women, stored):
    url = reverse("units:unit_year", args=[world.units[0].pk, 2021])
    response = client_as("staff").post(url, {"staff_count": 10, "women_count": women})
    if stored:
        assert response.status_code == 302
        assert UnitYear.objects.get().women_count == women
    else:
        assert field_errors(response, "women_count") == ["Không thể lớn hơn tổng số thành viên."]
        assert 'name="women_count" value="11"' in response.content.decode()
        assert not UnitYear.objects.exists()
