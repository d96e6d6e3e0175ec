"""Every input bounded: years within the configured range (2000 – next year) in every URL,
form and service; counts within their columns; dates within a sensible span; NUL bytes and
over-long text refused with a message (never cut, never a 500)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import Award
from clusters.models import Score, Vote
from clusters.services import cluster_year_set_members
from emulation.bounds import year_bounds
from emulation.errors import DomainError
from emulation.models import AuditEntry, EmulationYear
from tests.html import field_errors
from tests.safety.test_service_rights import new_vote
from units.models import Person, PersonYear, UnitYear

NEXT_YEAR = timezone.localdate().year + 1
AT_MOST_10000 = "Đảm bảo giá trị này là nhỏ hơn hoặc bằng với 10000 ."  # Django's Vietnamese


def test_the_accepted_years_run_from_2000_to_next_year():
    assert year_bounds() == (2000, NEXT_YEAR)


@pytest.mark.parametrize("year", [0, 1999, NEXT_YEAR + 1, 3000, 99999, 999999])
def test_a_year_out_of_range_in_any_address_is_not_found(client_as, world, year):
    person = Person.objects.create(unit=world.units[0], full_name="Lê Văn C", gender="male")
    staff, leader = client_as("staff"), client_as("leader")
    pages = [
        (staff, "get", f"/units/people/{person.pk}/years/{year}/"),
        (staff, "post", f"/units/people/{person.pk}/years/{year}/"),
        (staff, "get", f"/units/{world.units[0].pk}/years/{year}/"),
        (staff, "post", f"/units/{world.units[0].pk}/years/{year}/"),
        (staff, "post", f"/clusters/{world.cluster.pk}/years/{year}/members/"),
        (leader, "post", f"/reports/clusters/{world.cluster.pk}/{year}/generate/"),
        (leader, "post", f"/reports/ministries/{world.ministry.pk}/{year}/generate/"),
        (staff, "get", f"/reports/ministries/{world.ministry.pk}/{year}/"),
    ]
    for client, method, path in pages:
        response = getattr(client, method)(path, {"units": [world.units[0].pk]})
        assert (path, method, response.status_code) == (path, method, 404)
    assert not PersonYear.objects.exists()
    assert not UnitYear.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_report_is_only_for_a_year_the_ministry_has_opened(client_as, world):
    assert not EmulationYear.objects.filter(ministry=world.ministry, year=2019).exists()
    leader = client_as("leader")
    assert leader.get(f"/reports/ministries/{world.ministry.pk}/2019/").status_code == 404
    assert leader.post(f"/reports/ministries/{world.ministry.pk}/2019/generate/").status_code == (
        404
    )
    assert leader.get(f"/reports/ministries/{world.ministry.pk}/{world.year}/").status_code == 200


def test_a_service_refuses_a_year_out_of_range(world):
    with pytest.raises(DomainError) as caught:
        cluster_year_set_members(
            actor=world.users.staff, cluster=world.cluster, year=99999, units=world.units
        )
    assert caught.value.message == f"Năm phải từ 2000 đến {NEXT_YEAR}."


@pytest.mark.parametrize(
    ("year", "error"),
    [
        ("1999", f"Năm phải từ 2000 đến {NEXT_YEAR}."),
        ("2000", None),
        (str(NEXT_YEAR), None),
        (str(NEXT_YEAR + 1), f"Năm phải từ 2000 đến {NEXT_YEAR}."),
    ],
)
def test_a_scoring_tables_year_is_within_the_range(client_as, world, year, error):
    response = client_as("staff").post(
        reverse("clusters:scoring_table_create"),
        {"ministry": world.ministry.pk, "year": year, "name": "Bảng"},
    )
    if error:
        assert field_errors(response, "year") == [error]
    else:
        assert response.status_code == 302


def _counts(vote, world, **figures):
    data = {
        "version": vote.version,
        "voters_entitled": 3,
        "ballots_cast": 3,
        "valid_ballots": 3,
        "quota": 1,
        **{f"unit_{u.pk}": 0 for u in world.units},
    }
    data.update(figures)
    return data


@pytest.mark.parametrize(
    ("voters", "error"),
    [
        (10_000, None),
        (10_001, AT_MOST_10000),
        (2_147_483_648, AT_MOST_10000),
    ],
)
def test_the_number_of_voters_is_bounded(client_as, world, voters, error):
    vote = new_vote(world)
    url = reverse("clusters:vote", args=[world.cluster.pk, world.year, vote.pk])
    response = client_as("secretary").post(url, _counts(vote, world, voters_entitled=voters))
    if error:
        assert response.status_code == 200
        assert field_errors(response, "voters_entitled") == [error]
        assert Vote.objects.get(pk=vote.pk).voters_entitled == 3
    else:
        assert response.status_code == 302
        assert Vote.objects.get(pk=vote.pk).voters_entitled == 10_000


@pytest.mark.parametrize(
    ("dated", "stored"),
    [("0001-01-01", False), ("1945-09-01", False), ("2022-02-01", True), ("9999-12-31", False)],
)
def test_a_decisions_date_is_within_a_sensible_span(client_as, approved, dated, stored):
    response = client_as("staff").post(
        reverse("awards:decision", args=[approved.pk]),
        {"number": "9/QĐ-BTP", "dated": dated, "signer_name": "B", "signer_position": ""},
    )
    assert Award.objects.exists() is stored
    if not stored:
        assert field_errors(response, "dated") == [
            f"Ngày phải từ 02/09/1945 đến 31/12/{NEXT_YEAR}."
        ]


def test_minutes_dates_are_bounded_too(client_as, world):
    response = client_as("secretary").post(
        reverse("clusters:minutes_edit", args=[world.cluster.pk, world.year]),
        {"held_on": "9999-12-31", "place": "Hà Nội", "chair_name": "A", "secretary_name": "B"},
    )
    assert field_errors(response, "held_on") == [f"Ngày phải từ 02/09/1945 đến 31/12/{NEXT_YEAR}."]


def _cell(world, table, comment, version="0"):
    prefix = f"c-{world.units[0].pk}-{table.c['c1'].pk}"
    url = reverse(
        "clusters:score_cell",
        args=[world.cluster.pk, world.year, world.units[0].pk, table.c["c1"].pk],
    )
    data = {f"{prefix}-self": "5", f"{prefix}-agreed": "5", f"{prefix}-comment": comment}
    if version is not None:
        data[f"{prefix}-v"] = version
    return url, data


def test_a_nul_byte_in_a_score_comment_is_refused_with_a_message(client_as, world, table):
    url, data = _cell(world, table, "Tốt\x00lắm")
    response = client_as("secretary").post(url, data)
    assert response.status_code == 200
    assert "Nhận xét: Văn bản chứa ký tự không hợp lệ (NUL)." in response.content.decode()
    assert not Score.objects.exists()


@pytest.mark.parametrize(("length", "stored"), [(1999, True), (2000, True), (2001, False)])
def test_a_long_score_comment_is_refused_not_cut(client_as, world, table, length, stored):
    url, data = _cell(world, table, "a" * length)
    response = client_as("secretary").post(url, data)
    assert response.status_code == 200
    assert Score.objects.exists() is stored
    if stored:
        assert len(Score.objects.get().comment) == length
    else:
        assert "Nhận xét: Tối đa 2000 ký tự (đang có 2001)." in response.content.decode()


def test_a_long_comment_in_the_grid_is_shown_back_whole_with_the_message(client_as, world, table):
    _url, data = _cell(world, table, "b" * 2500)
    response = client_as("secretary").post(
        reverse("clusters:scores", args=[world.cluster.pk, world.year]), data
    )
    html = response.content.decode()
    assert "b" * 2500 in html
    assert "Nhận xét: Tối đa 2000 ký tự (đang có 2500)." in html
    assert not Score.objects.exists()


def test_a_cell_save_without_a_version_is_refused(client_as, world, table):
    url, data = _cell(world, table, "", version=None)
    response = client_as("secretary").post(url, data)
    assert "Thiếu phiên bản của ô (trang đã cũ?): tải lại trang rồi nhập lại." in (
        response.content.decode()
    )
    assert not Score.objects.exists()


def test_a_second_save_of_the_same_empty_cell_is_told_it_is_stale(client_as, world, table):
    url, first = _cell(world, table, "")
    _url, second = _cell(world, table, "")
    prefix = f"c-{world.units[0].pk}-{table.c['c1'].pk}"
    second[f"{prefix}-self"] = second[f"{prefix}-agreed"] = "3"
    client = client_as("secretary")
    client.post(url, first)
    response = client.post(url, second)
    assert "Ô này vừa được người khác lưu (5 / 5). Tải lại trang để xem." in (
        response.content.decode()
    )
    score = Score.objects.get()
    assert (score.self_score, score.agreed_score, score.version) == (5, 5, 1)


def test_dates_of_a_pledge_signature_are_bounded(world):
    from clusters.year_start.forms import SignatureForm

    form = SignatureForm(
        {
            "unit": world.units[0].pk,
            "signer_name": "A",
            "signer_position": "B",
            "signed_on": "0001-01-01",
        },
        cluster_year=world.cluster_year,
        signed_unit_ids=[],
    )
    assert form.errors["signed_on"] == [f"Ngày phải từ 02/09/1945 đến 31/12/{NEXT_YEAR}."]
    assert datetime.date(1945, 9, 2) <= datetime.date.today()


# Years checked by the models themselves (``validators=[validate_year]``): a form built on a
# model, the admin or ``full_clean`` refuse a year out of range even where no view or
# service checked it first.


def _year_models(world):
    from awards.models import Award, Decision, UpwardDossier
    from clusters.models import ClusterYear, ScoringTable
    from documents.models import YearEndReport
    from units.models import UnitHeadDecision

    return [
        EmulationYear,
        YearEndReport,
        ClusterYear,
        ScoringTable,
        UnitYear,
        PersonYear,
        UnitHeadDecision,
        Award,
        Decision,
        UpwardDossier,
    ]


@pytest.mark.parametrize(
    "year, refused", [(1999, True), (2000, False), (NEXT_YEAR, False), (NEXT_YEAR + 1, True)]
)
def test_every_models_year_is_bounded_by_the_one_range(world, year, refused):
    from django.core.exceptions import ValidationError

    message = f"Năm phải từ 2000 đến {NEXT_YEAR}."
    for model in _year_models(world):
        field = model._meta.get_field("year")
        if refused:
            with pytest.raises(ValidationError) as error:
                field.clean(year, None)
            assert error.value.messages == [message], model
        else:
            assert field.clean(year, None) == year


@pytest.mark.parametrize(
    "year, error", [(1999, True), (2000, False), (NEXT_YEAR, False), (NEXT_YEAR + 1, True)]
)
def test_a_unit_heads_decision_year_is_bounded_and_the_form_keeps_what_was_typed(
    client_as, world, year, error
):
    from emulation.models import AwardTitle, LegalRegime
    from units.models import UnitHeadDecision

    person = Person.objects.create(unit=world.units[0], full_name="Lê Văn C", gender="male")
    title = AwardTitle.objects.get(
        code="lao-dong-tien-tien", regime=LegalRegime.objects.get(code="luat-2003-nd-91-2017")
    )
    response = client_as("secretary").post(
        reverse("awards:head_decision_create", args=[person.unit_id]),
        {
            "year": year,
            "person": person.pk,
            "award_title": title.pk,
            "number": "7/QĐ-T",
            "dated": f"{max(year, 2000)}-12-20",
        },
    )
    if not error:
        assert response.status_code == 302
        assert UnitHeadDecision.objects.get().year == year
        return
    assert response.status_code == 200
    assert field_errors(response, "year") == [f"Năm phải từ 2000 đến {NEXT_YEAR}."]
    html = response.content.decode()
    assert f'value="{year}"' in html and 'value="7/QĐ-T"' in html  # what was typed stays
    assert not UnitHeadDecision.objects.exists()


@pytest.mark.parametrize("year, error", [(1999, True), (NEXT_YEAR, False), (NEXT_YEAR + 1, True)])
def test_an_upward_dossiers_year_uses_the_same_range(client_as, world, year, error):
    from awards.models import UpwardDossier

    staff = client_as("staff")
    response = staff.post(
        reverse("awards:dossier_create", args=[world.ministry.pk]),
        {"level": "prime_minister", "year": year},
    )
    if error:  # the form sits on the list page: the message says why
        page = staff.get(response.url).content.decode()
        assert f"Năm phải từ 2000 đến {NEXT_YEAR}." in page
        assert not UpwardDossier.objects.exists()
    else:
        assert response.status_code == 302
