"""The demo's Cụm thi đua số 2 in 2020 (docs/domain.md §6): each paper of its dossier, as PDF
and as DOCX, prints the official header, its number and symbol, the cluster's units, the
money of the Minister's decision and the signers the records name."""

import pytest
from django.core.management import call_command

from awards.models import Award, Proposal, UpwardDossier
from clusters.models import Evidence
from documents.models import PaperVersion
from documents.papers.render import render_paper
from documents.services.papers import (
    paper_for_decision,
    paper_for_upward_dossier,
    papers_for_proposal,
)
from emulation.demo import CLUSTER_2_UNITS
from tests.documents.conftest import docx_text, flat, pdf_text

HEADER = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=None)
    return Proposal.objects.get(
        cluster_year__cluster__name="Cụm thi đua số 2", cluster_year__year=2020
    )


def _name(award_title):
    """The Ministry of Justice's own name of its flag (awards.demo), else the catalogue's."""
    return {"co-thi-dua-bo": "Cờ thi đua ngành Tư pháp"}.get(award_title.code, award_title.name_vi)


def _vnd(amount):
    return f"{int(amount):,}".replace(",", ".")


def test_the_demo_dossier_of_cluster_2_in_2020(demo):
    cover, minutes, *reports = papers_for_proposal(demo)
    granted = list(Award.objects.filter(decision__proposal=demo))
    decision = paper_for_decision(demo.decision)
    upward = paper_for_upward_dossier(UpwardDossier.objects.get(ministry__name="Bộ Tư pháp"))
    expected = {
        cover: (
            "15/TTr-CTĐ2",
            ["TỜ TRÌNH", "CỤM THI ĐUA SỐ 2", "Hà Nội, ngày 18 tháng 12 năm 2020"],
            [name for name, _short, _kind in CLUSTER_2_UNITS],
        ),
        minutes: (
            "3/BB-CTĐ2",
            ["BIÊN BẢN", "THƯ KÝ", "CHỦ TRÌ", "Nguyễn Thanh Tịnh"],
            [name for name, _short, _kind in CLUSTER_2_UNITS],
        ),
        decision: (
            "256/QĐ-BTP",
            ["QUYẾT ĐỊNH", "BỘ TƯ PHÁP", "Hà Nội, ngày 20 tháng 01 năm 2021", "Phạm Quốc Hùng"],
            [
                *(award.nomination.subject_name for award in granted),
                *(_vnd(award.amount) for award in granted),
                f"Tổng cộng {_vnd(sum(award.amount for award in granted))}",
            ],
        ),
        upward: ("52/TTr-BTP", ["TỜ TRÌNH", "Hà Nội, ngày 02 tháng 4 năm 2021"], ["9/9"]),
    }
    for report in reports:
        line = report.nomination
        expected[report] = (
            "",
            ["BÁO CÁO THÀNH TÍCH"],
            [line.unit.name.upper(), line.subject_name, f"Đề nghị tặng {_name(line.award_title)}"],
        )
    assert len(reports) == 4

    for paper, (number, lines, phrases) in expected.items():
        files = render_paper(paper, number_label=number)
        for text in (pdf_text(files.pdf), docx_text(files.docx)):
            for line in [*HEADER, *lines]:
                assert line in text, (paper.kind, line)
            numbered = next(line for line in text if line.startswith("Số:"))
            assert numbered == f"Số: {number}" if number else numbered.endswith("/BC-CTĐ2")
            for phrase in phrases:
                assert phrase in flat(text), (paper.kind, phrase)


def test_the_demo_dossier_is_issued_numbered_and_verifiable(demo, client):
    cover, minutes, *reports = papers_for_proposal(demo)
    decision = paper_for_decision(demo.decision)
    upward = paper_for_upward_dossier(UpwardDossier.objects.get(ministry__name="Bộ Tư pháp"))

    numbers = [paper.number.label for paper in (cover, minutes, decision, upward)]
    assert numbers == ["15/TTr-CTĐ2", "1/BB-CTĐ2", "256/QĐ-BTP", "52/TTr-BTP"]
    for paper in (cover, minutes, decision, upward, *reports):
        version = paper.versions.get(issued=True)
        assert version.status == PaperVersion.Status.READY
        assert "Có hiệu lực" in client.get(f"/v/{version.code}/").content.decode()
    with cover.versions.get().file.open("rb") as handle:
        assert demo.cover_file.read() == handle.read()  # the proposal's cover is the paper


def test_no_placeholder_file_is_left_in_the_demo(demo):
    files = [demo.cover_file, *(line.report_file for line in demo.nominations.all())]
    files += [evidence.file for evidence in Evidence.objects.all()]
    for field in files:
        with field.open("rb") as handle:
            content = handle.read()
        assert content.startswith(b"%PDF") and len(content) > 2000, field.name
        assert pdf_text(content)  # a reader opens it and finds text


def test_under_make_run_the_demo_papers_are_signed_with_the_demo_certificate(
    db, settings, signing_certificate
):
    settings.DEBUG = True
    call_command("seed_demo", stdout=None)
    proposal = Proposal.objects.get(cluster_year__cluster__number=2, cluster_year__year=2020)
    cover = papers_for_proposal(proposal)[0]
    version = cover.versions.get(issued=True)

    assert version.signature == PaperVersion.Signature.VALID
    assert "DEMO – không có giá trị pháp lý" in version.signer
