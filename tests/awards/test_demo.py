import pytest

from awards.demo import seed_awards
from awards.models import Award, CouncilMeeting, Proposal, UpwardDossier
from clusters.models import Cluster, ClusterYear, Vote, VoteCount
from demo.core import seed_core
from emulation.models import AuditEntry, AwardTitle, MinistryAwardSetting
from units.models import Person, Unit


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    seed_core()


def _proposal(number):
    return Proposal.objects.get(cluster_year__cluster__number=number, cluster_year__year=2020)


def test_cluster_2_2020_went_through_return_resubmission_approval_and_decision(demo):
    seed_awards()
    proposal = _proposal(2)
    actions = list(
        AuditEntry.objects.filter(object_type="awards.proposal", object_id=str(proposal.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "proposal_create",
        "proposal_update",
        "proposal_submit",
        "proposal_start_review",
        "proposal_return",
        "proposal_resubmit",
        "proposal_start_review",
        "proposal_decide",
    ]
    assert proposal.state == "decided"
    assert proposal.decision.number == "256/QĐ-BTP"
    flag = Award.objects.get(award_title__code="co-thi-dua-bo")
    assert (flag.unit.name, flag.amount) == ("Trường Đại học Luật Hà Nội", 11920000)
    certificate = Award.objects.get(award_title__code="bang-khen-bo-ca-nhan")
    # Bằng khen of the Minister, individual: 1.0 × 1,490,000 (Decree 91/2017, marked unconfirmed)
    assert (certificate.person.full_name, certificate.amount) == ("Nguyễn Văn An", 1490000)
    assert sorted(proposal.decision.awards.values_list("award_title__code", flat=True)) == [
        "bang-khen-bo-ca-nhan",
        "co-thi-dua-bo",
        "tt-lao-dong-xuat-sac",
    ]


def test_the_government_flag_went_through_the_council_and_home_affairs_to_the_pm(demo):
    seed_awards()
    meeting = CouncilMeeting.objects.get()
    assert (meeting.roster_size, meeting.state) == (9, "closed")
    assert sorted(meeting.lines.values_list("result", flat=True)) == ["passed"] * 4
    dossier = UpwardDossier.objects.get()
    actions = list(
        AuditEntry.objects.filter(object_type="awards.upwarddossier", object_id=str(dossier.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "upward_dossier_create",
        "upward_dossier_update",
        "upward_dossier_lines",
        "upward_dossier_forward",
        "upward_dossier_return",
        "upward_dossier_update",
        "upward_dossier_resubmit",
        "upward_dossier_decide",
    ]
    award = Award.objects.get(award_title__code="co-thi-dua-chinh-phu")
    assert (award.decision.number, award.decision.level) == (
        "1234/QĐ-TTg (minh họa)",
        "prime_minister",
    )
    assert (award.unit.name, award.amount) == ("Trường Đại học Luật Hà Nội", 17880000)


def test_the_ministry_of_justice_names_its_flag_and_the_catalogue_stays(demo):
    seed_awards()
    setting = MinistryAwardSetting.objects.get(code="co-thi-dua-bo")
    assert setting.local_name == "Cờ thi đua ngành Tư pháp"
    assert set(
        AwardTitle.objects.filter(code="co-thi-dua-bo").values_list("name_vi", flat=True)
    ) == {"Cờ thi đua cấp Bộ"}


def test_cluster_1_draft_with_a_second_flag_stays_refused(demo):
    seed_awards()
    proposal = _proposal(1)
    assert proposal.state == "draft"
    assert proposal.nominations.filter(award_title__code="co-thi-dua-bo").count() == 2


def test_the_demo_step_is_idempotent(demo):
    seed_awards()
    seed_awards()
    assert Proposal.objects.count() == 2
    assert Award.objects.count() == 4
    assert Person.objects.count() == 3


def test_the_demo_uses_the_evaluation_steps_vote_when_it_exists(demo):
    cluster_year = ClusterYear.objects.get(cluster__number=2, year=2020)
    unit = Unit.objects.get(name="Viện Khoa học pháp lý")
    vote = Vote.objects.create(
        cluster_year=cluster_year,
        award_title=AwardTitle.objects.get(
            code="co-thi-dua-bo", regime=cluster_year.emulation_year.regime
        ),
        state="closed",
        voters_entitled=10,
        valid_ballots=10,
    )
    VoteCount.objects.create(vote=vote, unit=unit, votes=8, nominated=True)
    seed_awards()
    assert Award.objects.get(award_title__code="co-thi-dua-bo").unit == unit
    assert Cluster.objects.count() == 2
