"""The proposal page's content is cached per data version of its cluster-year and
ministry-year, the reader's rights and the rules' verdict (awards.views.proposals): every kind
of write shows on the next page, and so does a record of another cluster-year the rules read;
each reader sees their own buttons and CSRF token; the page works with the cache unreachable;
a warm page reads less than a cold one, the same at two sizes."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from awards import rules, services
from awards.models import Award, Nomination, Proposal
from emulation.models import AwardTitle, MinistryAwardSetting
from tests.awards.conftest import pdf, person_year, title
from tests.awards.test_home_cached import _cluster_name
from tests.awards.test_rules import _grant
from tests.clusters.evaluation.test_cached_pages import _without_tokens
from tests.emulation.test_cache import cache_down  # noqa: F401 (a fixture)
from tests.factories import UnitFactory, cluster_year_with_units


def page(proposal):
    return reverse("awards:proposal", args=[proposal.pk])


def _refresh(proposal):
    return Proposal.objects.get(pk=proposal.pk)


def _line(world, proposal):
    certificate = title(world.cluster_year, "bang-khen-bo-tap-the")
    services.nomination_save(
        actor=world.users.secretary,
        proposal=proposal,
        line=Nomination(unit=world.units[1], award_title=certificate, achievements="Mới thêm"),
        report_file=pdf(),
    )
    return "Mới thêm"


def _cover(world, proposal):
    services.proposal_update(
        actor=world.users.secretary,
        proposal=proposal,
        version=proposal.version,
        number="99/TTr-MOI",
        dated=datetime.date(2021, 12, 21),
        cover_file=pdf("to-trinh-moi.pdf"),
    )
    return "99/TTr-MOI"


def _submit(world, proposal):
    services.proposal_submit(actor=world.users.secretary, proposal=proposal)
    return 'id="proposal-state"'  # the badge is shown in both states: compared below


def _unit_name(world, proposal):
    unit = world.units[0]
    unit.name = "Trường đã đổi tên"
    unit.save()  # a record of no year: every year of the ministry
    return "Trường đã đổi tên"


def _local_name(world, proposal):
    MinistryAwardSetting.objects.create(
        ministry=world.ministry, code="co-thi-dua-bo", local_name="Cờ riêng của Bộ"
    )  # the ministry's setting: every year of the ministry
    return "Cờ riêng của Bộ"


def _catalogue(world, proposal):
    flag = proposal.nominations.get().award_title
    flag = AwardTitle.objects.get(pk=flag.pk)
    flag.name_vi = "Cờ thi đua đã đổi tên"
    flag.save()  # the national catalogue: every ministry-year
    return "Cờ thi đua đã đổi tên"


def _minutes(world, proposal):
    minutes = proposal.minutes
    minutes.held_on = datetime.date(2021, 12, 3)
    minutes.save()  # the cluster-year's record
    return "03/12/2021"


WRITES = [_line, _cover, _submit, _unit_name, _local_name, _catalogue, _cluster_name, _minutes]


def _shows_the_write(client, proposal, write):
    before = client.get(page(proposal)).content.decode()  # the content cached
    shown = write()
    after = client.get(page(proposal)).content.decode()
    assert after != before
    assert shown in after
    return before, after


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__.strip("_") for w in WRITES])
def test_the_next_proposal_page_shows_every_kind_of_write(client_as, world, draft, write):
    before, after = _shows_the_write(
        client_as("secretary"), draft, lambda: write(world, _refresh(draft))
    )
    if write is _submit:
        assert "Gửi hồ sơ lên Bộ" in before
        assert "Gửi hồ sơ lên Bộ" not in after


def _revoke(world, proposal):
    award = Award.objects.get(nomination__proposal=proposal)
    services.award_revoke(
        actor=world.users.staff,
        award=award,
        reason="Phát hiện sai sót",
        number="9/QĐ-THU",
        dated=datetime.date(2022, 3, 1),
    )
    return "Đã thu hồi"


def test_a_decided_page_shows_a_revocation(client_as, world, decided):
    _shows_the_write(client_as("staff"), decided, lambda: _revoke(world, _refresh(decided)))


def test_another_cluster_s_line_changes_the_findings(client_as, world, draft, flag):
    """The rules read other cluster-years' records (a line of another cluster's proposal
    nominating the same unit): the key holds every cluster-year of the ministry."""
    client = client_as("secretary")
    before = client.get(page(draft)).content.decode()
    elsewhere = services.proposal_create(
        actor=world.users.staff, cluster_year=world.other_cluster_year
    )
    Proposal.objects.filter(pk=elsewhere.pk).update(state=Proposal.State.SUBMITTED)
    Nomination.objects.create(
        proposal=elsewhere, unit=world.units[0], award_title=flag, achievements="Trùng"
    )
    assert world.other_cluster_year.pk != draft.cluster_year_id
    after = client.get(page(draft)).content.decode()
    assert _findings(after) != _findings(before)
    assert _findings(after) == _findings(client.get(page(draft)).content.decode())


def test_an_award_of_another_cluster_year_changes_the_findings(client_as, world, draft, flag):
    """An award granted through another cluster's proposal of another year bumps that
    cluster-year alone: the key holds every year of the ministry with its cluster-years."""
    last_year = cluster_year_with_units(world.other_cluster, 2020, world.other_units)
    earlier = Proposal.objects.create(cluster_year=last_year)
    line = Nomination.objects.create(
        proposal=earlier, unit=world.units[0], award_title=flag, achievements="Năm trước"
    )
    client = client_as("secretary")
    before = _findings(client.get(page(draft)).content.decode())
    _grant(world, line)  # its decision and award: that cluster-year's records
    after = _findings(client.get(page(draft)).content.decode())
    assert after != before
    assert "một thành tích chỉ được khen thưởng một lần" in "".join(after)


def test_a_record_of_a_year_the_ministry_has_not_opened_changes_the_findings(
    client_as, world, draft, person
):
    """A person's record of 2017 (the ministry has only 2021) bumps every year of the
    ministry: the rules read it for a Prime Minister's certificate."""
    Nomination.objects.create(
        proposal=draft,
        unit=world.units[0],
        person=person,
        award_title=title(world.cluster_year, "bang-khen-ttg-ca-nhan"),
        achievements="Năm năm liền",
    )
    person_year(person, 2018, "bang-khen-bo-ca-nhan", task_rating="good")
    client = client_as("secretary")
    assert "Chưa có hồ sơ năm 2017, 2019, 2020, 2021" in client.get(page(draft)).content.decode()
    person_year(person, 2017, task_rating="good")
    html = client.get(page(draft)).content.decode()
    assert "Chưa có hồ sơ năm 2019, 2020, 2021" in html


def test_the_findings_are_checked_again_the_next_day(client_as, draft, monkeypatch):
    from awards.views import proposals

    seen = []
    check = rules.check_proposal

    def counted(*args, **kwargs):
        seen.append(kwargs["on"])
        return check(*args, **kwargs)

    monkeypatch.setattr(rules, "check_proposal", counted)
    client = client_as("secretary")
    client.get(page(draft))
    client.get(page(draft))
    assert len(seen) == 1  # cached the same day
    tomorrow = seen[0] + datetime.timedelta(days=1)
    monkeypatch.setattr(proposals, "timezone", SimpleNamespace(localdate=lambda: tomorrow))
    client.get(page(draft))
    assert seen == [seen[0], tomorrow]


def _findings(html):
    return re.findall(r'<tr class="findings">.*?</tr>', html, re.S)


def _tokens(html):
    return set(re.findall(r'csrfmiddlewaretoken" value="([^"]+)"', html))


def test_each_reader_sees_their_own_buttons_and_token(client_as, world, in_review):
    url = page(in_review)
    secretary = client_as("secretary").get(url).content.decode()
    staff = client_as("staff")
    first = staff.get(url).content.decode()
    other_staff = Client()
    other_staff.force_login(world.users.staff)
    second = other_staff.get(url).content.decode()
    leader = client_as("leader").get(url).content.decode()
    review = reverse("awards:decision", args=[in_review.pk])
    assert ("Xét duyệt" in secretary, "Xét duyệt" in first, "Xét duyệt" in leader) == (
        False,
        True,
        False,
    )
    assert 'id="meeting-create"' in first
    assert _without_tokens(first) == _without_tokens(second)
    assert _tokens(first) and _tokens(second) and not _tokens(first) & _tokens(second)
    assert review not in secretary


def test_the_page_is_in_the_readers_language(client_as, draft):
    client = client_as("secretary")
    assert "Các dòng đề nghị" in client.get(page(draft)).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Các dòng đề nghị" not in client.get(page(draft)).content.decode()


@pytest.mark.usefixtures("cache_down")
def test_the_proposal_page_works_with_the_cache_down(world, decided):
    client = Client()
    client.force_login(world.users.staff)
    response = client.get(page(decided))
    assert response.status_code == 200
    assert "1234/QĐ-BTP" in response.content.decode()


WARM = 3  # the session, the user, the proposal with its versions (the scope from the cache)


@pytest.mark.parametrize("count", [1, 4])
def test_a_warm_decided_page_reads_less_the_same_at_two_sizes(
    world, client_as, decided, django_assert_num_queries, count
):
    extra = [UnitFactory(ministry=world.ministry) for _ in range(count - 1)]
    cluster_year_with_units(world.other_cluster, 2021, extra)
    client = client_as("staff")
    cold = client.get(page(decided)).content.decode()
    with django_assert_num_queries(WARM):
        warm = client.get(page(decided)).content.decode()
    assert _without_tokens(warm) == _without_tokens(cold)


def _trail(html):
    return html.split('id="audit-heading"', 1)[1].count("<tr>") - 1  # the header's row


def test_the_next_page_s_audit_trail_holds_the_write(client_as, world, draft):
    """The trail is cached with the content: each entry bumps its object's year."""
    client = client_as("secretary")
    before = _trail(client.get(page(draft)).content.decode())
    _cover(world, _refresh(draft))
    assert _trail(client.get(page(draft)).content.decode()) == before + 1


@pytest.mark.parametrize("count", [1, 4])
def test_a_warm_page_under_review_reads_the_ministry_s_versions_alone(
    world, client_as, in_review, django_assert_num_queries, count
):
    certificate = title(world.cluster_year, "bang-khen-bo-tap-the")
    for index in range(count - 1):
        Nomination.objects.create(
            proposal=in_review,
            unit=world.units[1 + index % 2],
            award_title=certificate,
            achievements=f"Dòng {index}",
        )
    client = client_as("staff")
    cold = client.get(page(in_review)).content.decode()
    with django_assert_num_queries(WARM + 1):  # every year of the ministry, for the rules
        warm = client.get(page(in_review)).content.decode()
    assert _without_tokens(warm) == _without_tokens(cold)
    assert cold.count('<tr id="line-') == count
