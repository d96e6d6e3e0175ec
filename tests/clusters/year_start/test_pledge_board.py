"""Registrations and signatures of every member in one table, saved at once: what is
filled is stored, blank rows change nothing, a refused row stores nothing of the table and
says why next to its field, with everything typed kept."""

import datetime

import pytest

from clusters.models import PledgeSignature, TitleRegistration
from clusters.year_start import pledge as pledge_services
from tests.clusters.year_start.conftest import title
from tests.html import controls, descriptions, field_errors, input_value, messages, page


def board_url(world):
    return f"/clusters/{world.cluster.pk}/years/{world.year}/pledge/board/"


@pytest.fixture
def open_pledge(world, pledge):
    return pledge_services.pledge_open(actor=world.users.secretary, pledge=pledge)


def test_the_table_saves_registrations_and_signatures_of_several_units_in_one_post(
    client_as, world, open_pledge
):
    a, b, c = world.units
    flag = title(world.cluster_year, "co-thi-dua-bo")
    data = {
        f"u{a.pk}-signer_name": "Nguyễn Văn An",
        f"u{a.pk}-signer_position": "Hiệu trưởng",
        f"u{a.pk}-signed_on": "2020-12-14",
        f"u{a.pk}-award_title": flag.pk,
        f"u{b.pk}-signer_name": "Trần Thị Bình",
        f"u{b.pk}-signer_position": "Viện trưởng",
        f"u{b.pk}-signed_on": "2020-12-14",
        f"u{c.pk}-signed_on": "2020-12-14",  # prefilled date only: a blank row
    }

    response = client_as("secretary").post(board_url(world), data, follow=True)

    assert messages(response) == ["Đã lưu 2 chữ ký và 1 đăng ký danh hiệu."]
    signatures = PledgeSignature.objects.filter(pledge=open_pledge).order_by("unit__name")
    assert [(s.unit, s.signer_name, s.signed_on) for s in signatures] == [
        (a, "Nguyễn Văn An", datetime.date(2020, 12, 14)),
        (b, "Trần Thị Bình", datetime.date(2020, 12, 14)),
    ]
    assert [(r.unit, r.award_title) for r in TitleRegistration.objects.all()] == [(a, flag)]


def test_a_refused_row_stores_nothing_and_keeps_what_was_typed(client_as, world, open_pledge):
    a, b, _c = world.units
    individual = title(world.cluster_year, "cstd-co-so")
    data = {
        f"u{a.pk}-signer_name": "Nguyễn Văn An",
        f"u{a.pk}-signer_position": "Hiệu trưởng",
        f"u{a.pk}-signed_on": "2020-12-14",
        f"u{b.pk}-award_title": individual.pk,  # an individual title needs a name
    }

    response = client_as("secretary").post(board_url(world), data)

    assert response.status_code == 200
    refusal = f"“{individual.name_vi}” là danh hiệu cá nhân: hãy ghi họ tên người đăng ký."
    assert field_errors(response, f"u{b.pk}-person_name") == [refusal]
    assert descriptions(response, f"u{b.pk}-person_name") == [refusal]  # next to the field
    assert input_value(response, f"u{a.pk}-signer_name") == "Nguyễn Văn An"
    assert PledgeSignature.objects.count() == 0
    assert TitleRegistration.objects.count() == 0


def test_half_a_signature_is_refused_next_to_the_missing_fields(client_as, world, open_pledge):
    a = world.units[0]
    response = client_as("secretary").post(
        board_url(world), {f"u{a.pk}-signer_name": "Nguyễn Văn An"}
    )
    required = "Trường này là bắt buộc khi ghi chữ ký."
    # next to the field, and in the summary at the top with a link to it
    assert descriptions(response, f"u{a.pk}-signer_position") == [required]
    assert field_errors(response, f"u{a.pk}-signer_position") == [required]
    assert PledgeSignature.objects.count() == 0


def test_a_draft_pledge_takes_registrations_only(client_as, world, pledge):
    a = world.units[0]
    response = client_as("secretary").get(board_url(world))
    assert "Giao ước chưa mở ký: bảng này chỉ nhận đăng ký danh hiệu." in page(response).text()
    assert controls(response, f"u{a.pk}-signer_name") == []
    assert controls(response, f"u{a.pk}-award_title") != []


def test_a_unit_that_signed_shows_its_signature_instead_of_inputs(client_as, world, open_pledge):
    a, b, _c = world.units
    pledge_services.pledge_sign(
        actor=world.users.secretary,
        pledge=open_pledge,
        unit=a,
        signer_name="Nguyễn Văn An",
        signer_position="Hiệu trưởng",
        signed_on=datetime.date(2020, 12, 14),
    )
    html = client_as("secretary").get(board_url(world)).content.decode()
    assert f'name="u{a.pk}-signer_name"' not in html
    assert f'name="u{b.pk}-signer_name"' in html
    assert "Nguyễn Văn An, Hiệu trưởng" in html


def test_the_board_costs_the_same_queries_for_three_and_six_units(
    client_as, world, open_pledge, django_assert_max_num_queries
):
    from clusters.models import Membership
    from tests.factories import UnitFactory

    client = client_as("secretary")
    with django_assert_max_num_queries(14):
        client.get(board_url(world))
    for i in range(3):
        unit = UnitFactory(ministry=world.ministry, name=f"Viện số {i}")
        Membership.objects.create(cluster_year=world.cluster_year, unit=unit)
    with django_assert_max_num_queries(14):
        client.get(board_url(world))
