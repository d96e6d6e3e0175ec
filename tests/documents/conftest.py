"""Reading a paper's files as a reader does: the text of the PDF (pypdf) and of the DOCX
(python-docx, paragraphs and table cells in document order)."""

import datetime
from decimal import Decimal
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from docx import Document
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from awards.models import Award, Decision, Nomination, Proposal, UpwardDossier
from clusters.models import Minutes, MinutesAttendance, Vote, VoteCount
from documents.demo_certificate import write_demo_certificate
from documents.services.register import issue_number
from emulation.models import AwardTitle
from tests.documents.factories import PaperFactory, PaperVersionFactory, cluster_register
from tests.documents.reports.conftest import private_media  # noqa: F401  (autouse)
from units.models import Person


def _lines(text):
    """Non-blank lines, stripped, a no-break space read as the space it shows."""
    return [line.strip() for line in text.replace("\xa0", " ").splitlines() if line.strip()]


def pdf_text(data):
    """Every line of the PDF's text."""
    reader = PdfReader(BytesIO(data))
    return _lines("\n".join(page.extract_text() for page in reader.pages))


def docx_text(data):
    """Every paragraph of the DOCX, table cells included, in order, stripped."""
    found = []

    def walk(container):
        for item in container.iter_inner_content():
            if isinstance(item, Paragraph):
                found.extend(_lines(item.text))
            else:
                for row in item.rows:
                    for cell in row.cells:
                        walk(cell)

    walk(Document(BytesIO(data)))
    return found


def flat(lines):
    """The text as one line, spaces folded (a table cell may wrap in the PDF)."""
    return " ".join(" ".join(lines).split())


@pytest.fixture
def dossier(world):
    """World's Cụm thi đua số 2 in 2021 with everything its papers read: minutes with
    attendance, a closed vote, a proposal with a collective and an individual line, the
    Minister's decision granting both with their money, and the ministry's dossier upward
    with a Government flag line the council passed 8 of 9."""
    world.ministry.short_name = "BTP"
    world.ministry.save()
    cluster_year = world.cluster_year
    regime = cluster_year.emulation_year.regime
    title = {t.code: t for t in AwardTitle.objects.filter(regime=regime)}
    school, college, _third = world.units
    minutes = Minutes.objects.create(
        cluster_year=cluster_year,
        held_on=datetime.date(2021, 12, 14),
        place="Hà Nội",
        chair_name="Nguyễn Văn Chủ",
        chair_position="Vụ trưởng",
        secretary_name="Trần Thị Thư",
    )
    for unit in world.units:
        MinutesAttendance.objects.create(
            minutes=minutes, unit=unit, present=unit != _third, representative_name="Đại diện"
        )
    vote = Vote.objects.create(
        cluster_year=cluster_year,
        award_title=title["co-thi-dua-bo"],
        state=Vote.State.CLOSED,
        voters_entitled=3,
        ballots_cast=2,
        valid_ballots=2,
        quota=1,
    )
    VoteCount.objects.create(vote=vote, unit=school, votes=2, nominated=True)
    VoteCount.objects.create(vote=vote, unit=college, votes=1)
    person = Person.objects.create(
        unit=college, full_name="Lê Thị Hoa", gender="female", position="Giảng viên chính"
    )
    proposal = Proposal.objects.create(
        cluster_year=cluster_year,
        number="15/TTr-CTĐ2",
        dated=datetime.date(2021, 12, 20),
        minutes=minutes,
        state=Proposal.State.DECIDED,
    )
    collective = Nomination.objects.create(
        proposal=proposal,
        unit=school,
        award_title=title["co-thi-dua-bo"],
        achievements="Dẫn đầu Cụm thi đua số 2 năm 2021.",
        vote_share=Decimal("66.67"),
        rank=1,
        outcome=Nomination.Outcome.APPROVED,
    )
    individual = Nomination.objects.create(
        proposal=proposal,
        unit=college,
        person=person,
        award_title=title["bang-khen-bo-ca-nhan"],
        achievements="Hai năm liên tục Chiến sĩ thi đua cơ sở.",
        outcome=Nomination.Outcome.APPROVED,
    )
    upward = UpwardDossier.objects.create(
        ministry=world.ministry,
        level="prime_minister",
        year=2021,
        dated=datetime.date(2022, 3, 15),
    )
    flag = Nomination.objects.create(
        proposal=proposal,
        unit=school,
        award_title=title["co-thi-dua-chinh-phu"],
        achievements="Tiêu biểu xuất sắc.",
        outcome=Nomination.Outcome.APPROVED,
        upward_dossier=upward,
        council_members=9,
        council_votes_for=8,
    )
    decision = Decision.objects.create(
        proposal=proposal,
        number="256/QĐ-BTP",
        dated=datetime.date(2022, 1, 20),
        ministry=world.ministry,
        year=2022,
        signer_name="Phạm Quốc Hùng",
        signer_position="Thứ trưởng",
    )
    for line, amount in ((collective, 11920000), (individual, 1490000)):
        Award.objects.create(
            decision=decision,
            nomination=line,
            unit=line.unit,
            person=line.person,
            award_title=line.award_title,
            year=2021,
            amount=Decimal(amount),
        )
    return SimpleNamespace(
        cluster_year=cluster_year,
        proposal=proposal,
        collective=collective,
        individual=individual,
        flag=flag,
        person=person,
        minutes=minutes,
        decision=decision,
        upward=upward,
    )


@pytest.fixture(autouse=True)
def _fresh_rate_limit_counts():
    """The verification page counts requests per address in the cache: every test starts
    from zero (all test clients come from 127.0.0.1)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def issued(world):
    """Cụm thi đua số 2's cover submission, numbered 1/TTr-CTĐ2, with one ready version."""
    register = cluster_register(world.cluster)
    number = issue_number(register=register, user=world.users.secretary, summary="Tờ trình")
    paper = PaperFactory(cluster_year=world.cluster_year, number=number)
    version = PaperVersionFactory(paper=paper)
    return SimpleNamespace(register=register, number=number, paper=paper, version=version)


@pytest.fixture(scope="session")
def demo_certificate_files(tmp_path_factory):
    """A demo certificate (root, signer, passphrase) made once for the run, outside var/."""
    return write_demo_certificate(tmp_path_factory.mktemp("signing"))


@pytest.fixture
def signing_certificate(settings, demo_certificate_files):
    """Papers are signed with the demo certificate, and its root is trusted, as under
    `make run`."""
    files = demo_certificate_files
    settings.SIGNING_P12_PATH = str(files.p12)
    settings.SIGNING_P12_PASSPHRASE_FILE = str(files.passphrase)
    settings.SIGNING_TRUST_ROOTS = [str(files.root)]
    return files
