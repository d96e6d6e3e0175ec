"""The papers' services: each record has one paper of each kind, found again rather than
made twice; saving checks the writer's right, the sections of the kind and the version."""

import pytest

from documents.models import Paper
from documents.papers.registry import paper_context, sections_of
from documents.services.papers import (
    achievement_report_for,
    paper_for_cluster_year,
    paper_for_decision,
    paper_for_upward_dossier,
    paper_update,
    papers_for_proposal,
)
from emulation.errors import DomainError, StaleEditError
from emulation.rights import RightsError


def test_each_record_has_one_paper_of_each_kind(world, dossier):
    first = papers_for_proposal(dossier.proposal)
    again = papers_for_proposal(dossier.proposal)

    assert [p.pk for p in first] == [p.pk for p in again]
    assert [p.kind for p in first] == ["cover_submission", "minutes", *["achievement_report"] * 3]
    assert [p.nomination_id for p in first[2:]] == [
        line.pk for line in dossier.proposal.nominations.all()
    ]
    assert paper_for_decision(dossier.decision) == paper_for_decision(dossier.decision)
    assert paper_for_upward_dossier(dossier.upward) == paper_for_upward_dossier(dossier.upward)
    assert Paper.objects.count() == 7
    assert {(p.ministry_id, p.year) for p in Paper.objects.all()} == {(world.ministry.pk, 2021)}


def test_a_decision_of_a_higher_level_is_not_the_ministrys_paper(world, dossier):
    dossier.decision.proposal, dossier.decision.upward_dossier = None, dossier.upward

    with pytest.raises(DomainError, match="Chỉ lập văn bản cho quyết định của Bộ trưởng"):
        paper_for_decision(dossier.decision)


def test_only_a_cluster_year_paper_is_made_for_a_cluster_year(world, dossier):
    with pytest.raises(ValueError):
        paper_for_cluster_year(dossier.cluster_year, Paper.Kind.DECISION)


@pytest.mark.parametrize("role", ["leader", "staff", "other_secretary", "foreign_staff"])
def test_only_the_clusters_secretary_writes_its_papers(world, dossier, role):
    paper = paper_for_cluster_year(dossier.cluster_year, Paper.Kind.MINUTES)

    with pytest.raises(RightsError):
        paper_update(
            paper=paper,
            user=getattr(world.users, role),
            data={"sections": {"closing": "x"}},
            version=1,
        )
    paper.refresh_from_db()
    assert (paper.sections, paper.version) == ({}, 1)


def test_a_section_the_kind_has_not_is_refused(world, dossier):
    paper = paper_for_upward_dossier(dossier.upward)

    with pytest.raises(DomainError, match="không có phần “situation”"):
        paper_update(
            paper=paper, user=world.users.staff, data={"sections": {"situation": "x"}}, version=1
        )


def test_a_stale_version_is_refused(world, dossier):
    paper = paper_for_decision(dossier.decision)
    paper_update(paper=paper, user=world.users.staff, data={"signer_name": "A"}, version=1)

    with pytest.raises(StaleEditError):
        paper_update(paper=paper, user=world.users.staff, data={"signer_name": "B"}, version=1)
    paper.refresh_from_db()
    assert paper.signer_name == "A"


def test_a_section_left_as_prefilled_follows_the_data(world, dossier):
    paper = paper_for_cluster_year(dossier.cluster_year, Paper.Kind.MINUTES)
    prefilled = {s.key: s.default for s in sections_of(paper)}

    paper = paper_update(
        paper=paper,
        user=world.users.secretary,
        data={"sections": {**prefilled, "closing": "Kết thúc lúc 11 giờ."}},
        version=1,
    )
    dossier.minutes.agenda = "Tổng kết năm 2021; bình xét, suy tôn."
    dossier.minutes.save()

    assert paper.sections == {"closing": "Kết thúc lúc 11 giờ."}
    body = paper_context(paper)["body"]
    assert {"type": "written", "lines": ["Tổng kết năm 2021; bình xét, suy tôn."]} in body
    assert {"type": "written", "lines": ["Kết thúc lúc 11 giờ."]} in body


def test_the_first_save_of_a_report_makes_it(world, dossier):
    unsaved = Paper(
        kind=Paper.Kind.ACHIEVEMENT_REPORT,
        nomination=dossier.individual,
        cluster_year=dossier.cluster_year,
        ministry=world.ministry,
        year=2021,
    )

    saved = paper_update(
        paper=unsaved, user=world.users.secretary, data={"signer_name": "Lê Thị Hoa"}, version=1
    )

    assert saved == achievement_report_for(dossier.individual)
    assert (saved.signer_name, saved.version) == ("Lê Thị Hoa", 2)
