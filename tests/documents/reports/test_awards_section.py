"""The awards section of the year-end reports: the cluster's proposal lines with where they
stand, and the ministry's decided flags and certificates, revoked awards left out."""

import datetime
import subprocess

import pytest
from django.urls import reverse

from awards import services
from awards.models import Award, Nomination, Proposal
from documents import pdf
from documents.models import YearEndReport
from documents.reports.data import report_context, report_data_version
from documents.templatetags.reports import no_orphan
from emulation.demo import CLUSTER_2_UNITS
from emulation.models import AwardTitle
from tests.awards.conftest import pdf as upload
from tests.awards.conftest import record_vote, revoke_award, sign_minutes
from tests.documents.reports.conftest import build_cluster_year, pdf_rows, pdf_text
from tests.documents.reports.test_views import OUTDATED, _queries, page_url, ready_version

A4_WIDTH = 595.28
MM = 72 / 25.4
FLAG_LINE = (
    "1 Trường Đại học Luật Hà Nội Cờ thi đua cấp Bộ Đã quyết định khen thưởng "
    "Số 256/QĐ-BTP ngày 20 tháng 01 năm 2021 Tiền thưởng: 11.920.000 đồng"
)


@pytest.fixture(autouse=True)
def _report_dated_after_the_decision(cluster2):
    """The cluster's report is dated after the decision of 20/01/2021, so the decided lines
    belong to it (``test_a_report_adds_what_happened_after_its_date_under_its_own_heading``
    dates it at the conference instead)."""
    cluster2.report.issued_on = datetime.date(2021, 1, 25)
    cluster2.report.save(update_fields=["issued_on"])


def _title(cluster_year, code):
    return AwardTitle.objects.get(regime=cluster_year.emulation_year.regime, code=code)


def propose(world, built, lines):
    """A proposal of ``lines`` (unit, award code) sent and put under review."""
    secretary, staff = world.users.secretary, world.users.staff
    sign_minutes(built.cluster_year)
    proposal = services.proposal_create(actor=secretary, cluster_year=built.cluster_year)
    services.proposal_update(
        actor=secretary,
        proposal=proposal,
        version=proposal.version,
        number="15/TTr-CTĐ2",
        dated=datetime.date(built.cluster_year.year, 12, 18),
        cover_file=upload("to-trinh.pdf"),
    )
    for unit, code in lines:
        services.nomination_save(
            actor=secretary,
            proposal=proposal,
            line=Nomination(
                unit=unit,
                award_title=_title(built.cluster_year, code),
                achievements="Hoàn thành xuất sắc nhiệm vụ.",
            ),
            report_file=upload("bao-cao.pdf"),
        )
    services.proposal_submit(actor=secretary, proposal=Proposal.objects.get(pk=proposal.pk))
    services.proposal_start_review(actor=staff, proposal=Proposal.objects.get(pk=proposal.pk))
    return Proposal.objects.get(pk=proposal.pk)


def decide(world, proposal, number="256/QĐ-BTP"):
    staff = world.users.staff
    for line in proposal.nominations.all():
        record_vote(staff, line)
        services.nomination_approve(actor=staff, line=line)
    return services.decision_record(
        actor=staff,
        proposal=Proposal.objects.get(pk=proposal.pk),
        number=number,
        dated=datetime.date(2021, 1, 20),
        signer_name="Phạm Quốc Hùng",
        signer_position="Thứ trưởng",
    )


@pytest.fixture
def flag_proposal(world, cluster2):
    """Cụm thi đua số 2's 2020 proposal: the ministry flag for the unit the vote nominated."""
    return propose(world, cluster2, [(cluster2.units[0], "co-thi-dua-bo")])


@pytest.fixture
def ministry_report(world):
    return YearEndReport.objects.create(kind="ministry", ministry=world.ministry, year=2020)


def flat_text(report, tmp_path):
    return " ".join(pdf_text(pdf.report_pdf(report_context(report)), tmp_path).split())


def rows_of(report, tmp_path):
    return pdf_rows(pdf.report_pdf(report_context(report)), tmp_path)


def test_the_cluster_report_built_by_the_task_prints_the_decided_flag_line(
    world, cluster2, flag_proposal, tmp_path
):
    decide(world, flag_proposal)

    version = ready_version(cluster2.report)

    rows = pdf_rows(version.file.path, tmp_path)
    heading = rows.index("6. Khen thưởng đề nghị và đã quyết định")
    assert rows.index(FLAG_LINE) > heading
    assert rows[rows.index(FLAG_LINE) + 1] == "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"


def test_a_line_under_review_says_so_and_has_no_decision(cluster2, flag_proposal):
    rows = report_context(cluster2.report)["data"]["awards"]

    assert rows == [
        {
            "nominee": "Trường Đại học Luật Hà Nội",
            "award": "Cờ thi đua cấp Bộ",
            "state": "Hồ sơ đang xét duyệt",
            "decision_number": "",
            "decision_date": None,
            "reward": None,
            "proposed_on": datetime.date(2020, 12, 18),
        }
    ]


def test_approved_and_rejected_lines_read_as_the_ministrys_answer(world, cluster2):
    proposal = propose(
        world,
        cluster2,
        [(cluster2.units[0], "co-thi-dua-bo"), (cluster2.units[1], "bang-khen-bo-tap-the")],
    )
    flag_line, merit_line = proposal.nominations.order_by("award_title__order")
    record_vote(world.users.staff, flag_line)
    services.nomination_approve(actor=world.users.staff, line=flag_line)
    services.nomination_reject(actor=world.users.staff, line=merit_line, reason="Chưa đủ")

    rows = report_context(cluster2.report)["data"]["awards"]

    assert [(row["nominee"], row["award"], row["state"]) for row in rows] == [
        ("Trường Đại học Luật Hà Nội", "Cờ thi đua cấp Bộ", "Bộ đã đồng ý, chờ quyết định"),
        ("Học viện Tư pháp", "Bằng khen của Bộ trưởng (tập thể)", "Bộ không đồng ý"),
    ]


def test_the_ministry_wide_report_lists_the_decided_flag_under_its_cluster(
    world, flag_proposal, ministry_report, tmp_path
):
    decide(world, flag_proposal)

    rows = rows_of(ministry_report, tmp_path)

    group = rows.index("Cụm thi đua số 2")
    assert rows.index("2. Cờ thi đua, Bằng khen đã quyết định") < group
    assert rows[group + 1 : group + 3] == [FLAG_LINE, "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"]


def test_the_ministry_wide_report_leaves_out_titles_that_are_not_flags_or_certificates(
    world, cluster2, ministry_report
):
    proposal = propose(
        world,
        cluster2,
        [(cluster2.units[0], "co-thi-dua-bo"), (cluster2.units[1], "tt-lao-dong-xuat-sac")],
    )
    decide(world, proposal)

    rows = report_context(ministry_report)["data"]["awards"]

    assert [(row["cluster"], row["nominee"], row["award"]) for row in rows] == [
        ("Cụm thi đua số 2", "Trường Đại học Luật Hà Nội", "Cờ thi đua cấp Bộ")
    ]


def test_a_revoked_award_is_not_listed_as_decided(
    world, cluster2, flag_proposal, ministry_report, tmp_path
):
    decide(world, flag_proposal)
    revoke_award(world, "Kê khai không trung thực")

    cluster_rows = rows_of(cluster2.report, tmp_path)
    ministry_text = flat_text(ministry_report, tmp_path)

    assert (
        "1 Trường Đại học Luật Hà Nội Cờ thi đua cấp Bộ Đã thu hồi (Kê khai không trung thực) "
        "Số 256/QĐ-BTP ngày 20 tháng 01 năm 2021"
    ) in cluster_rows
    assert FLAG_LINE not in cluster_rows
    assert "Đã quyết định khen thưởng" not in ministry_text
    assert (
        "2. Cờ thi đua, Bằng khen đã quyết định Chưa có Cờ thi đua, Bằng khen nào được quyết định."
    ) in ministry_text


def test_a_version_built_before_the_decision_says_the_data_changed(
    client_as, world, cluster2, flag_proposal
):
    before = ready_version(cluster2.report)
    decide(world, flag_proposal)

    response = client_as("leader").get(page_url(world))

    assert [(v.pk, v.outdated) for v in response.context["versions"]] == [(before.pk, True)]
    assert response.content.decode().count(OUTDATED) == 1


def test_the_ministry_reports_data_version_changes_with_a_decision_and_a_revocation(
    world, flag_proposal, ministry_report
):
    undecided = report_data_version(ministry_report)
    decide(world, flag_proposal)
    decided = report_data_version(ministry_report)
    services.award_revoke(
        actor=world.users.staff,
        award=Award.objects.get(),
        reason="Sai",
        number="15/QĐ-BTP",
        dated=datetime.date(2022, 3, 1),
    )
    revoked = report_data_version(ministry_report)

    assert decided != undecided
    assert revoked != decided


def test_the_data_version_does_not_depend_on_the_readers_language(cluster2, flag_proposal):
    from django.utils import translation

    with translation.override("en"):
        english = report_data_version(cluster2.report)

    assert english == report_data_version(cluster2.report)


def test_report_page_queries_are_the_same_for_one_and_three_award_lines(client_as, world, cluster2):
    small = build_cluster_year(world, 2019, [name for name, _s, _k in CLUSTER_2_UNITS[:3]])
    decide(world, propose(world, small, [(small.units[0], "co-thi-dua-bo")]), "10/QĐ-BTP")
    big_lines = [
        (cluster2.units[0], "co-thi-dua-bo"),
        (cluster2.units[1], "bang-khen-bo-tap-the"),
        (cluster2.units[2], "bang-khen-bo-tap-the"),
    ]
    decide(world, propose(world, cluster2, big_lines))
    ready_version(small.report)
    ready_version(cluster2.report)
    client = client_as("leader")

    assert len(report_context(cluster2.report)["data"]["awards"]) == 3
    assert _queries(client, page_url(world, 2019)) == _queries(client, page_url(world, 2020))


def test_ministry_report_page_queries_are_the_same_for_one_and_three_award_lines(
    client_as, world, cluster2
):
    small = build_cluster_year(world, 2019, [name for name, _s, _k in CLUSTER_2_UNITS[:3]])
    decide(world, propose(world, small, [(small.units[0], "co-thi-dua-bo")]), "10/QĐ-BTP")
    big_lines = [
        (cluster2.units[0], "co-thi-dua-bo"),
        (cluster2.units[1], "bang-khen-bo-tap-the"),
        (cluster2.units[2], "bang-khen-bo-tap-the"),
    ]
    decide(world, propose(world, cluster2, big_lines))
    for year in (2019, 2020):
        report = YearEndReport.objects.create(kind="ministry", ministry=world.ministry, year=year)
        ready_version(report)
        assert len(report_context(report)["data"]["awards"]) == (1 if year == 2019 else 3)
    client = client_as("staff")

    def url(year):
        return reverse("reports:ministry", args=[world.ministry.pk, year])

    assert _queries(client, url(2019)) == _queries(client, url(2020))


def _words(content, tmp_path, page=1):
    """``(text, left, top, right)`` of every word printed on the page, in points."""
    target = tmp_path / "words.pdf"
    target.write_bytes(content)
    tsv = subprocess.run(
        ["pdftotext", "-tsv", "-enc", "UTF-8", "-f", str(page), "-l", str(page), target, "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    words = []
    for line in tsv.splitlines()[1:]:
        level, *_ids, left, top, width, _height, _conf, text = line.split("\t")
        if level == "5":
            words.append((text, float(left), float(top), float(left) + float(width)))
    return words


def test_the_awards_table_stays_inside_the_right_margin(
    world, flag_proposal, ministry_report, tmp_path
):
    decide(world, flag_proposal)

    words = _words(pdf.report_pdf(report_context(ministry_report)), tmp_path)

    right_margin_starts = A4_WIDTH - 15 * MM
    assert "256/QĐ-BTP" in [text for text, *_ in words]
    assert [text for text, _l, _t, right in words if right > right_margin_starts] == []


def test_a_long_issuing_body_wraps_without_leaving_one_word_alone(world, ministry_report, tmp_path):
    words = _words(pdf.report_pdf(report_context(ministry_report)), tmp_path)

    header = [(text, top) for text, _l, top, _r in words if top < 120]  # the first 42 mm
    top = {text: word_top for text, word_top in header if text in ("ĐUA", "KHEN", "THƯỞNG")}
    assert top["KHEN"] == top["THƯỞNG"] > top["ĐUA"]


def test_no_orphan_joins_only_the_last_two_words_of_a_longer_name():
    assert no_orphan("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG") == "HỘI ĐỒNG THI ĐUA - KHEN\u00a0THƯỞNG"
    assert no_orphan("BỘ TƯ") == "BỘ TƯ"
    assert no_orphan("") == ""


def test_a_report_adds_what_happened_after_its_date_under_its_own_heading(
    world, cluster2, flag_proposal, tmp_path
):
    decide(world, flag_proposal)
    cluster2.report.issued_on = datetime.date(2020, 12, 14)
    cluster2.report.save(update_fields=["issued_on"])

    context = report_context(cluster2.report)
    rows = rows_of(cluster2.report, tmp_path)

    assert context["data"]["awards"] == []
    assert [row["nominee"] for row in context["data"]["awards_after"]] == [
        "Trường Đại học Luật Hà Nội"
    ]
    heading = rows.index("6. Khen thưởng đề nghị và đã quyết định")
    assert rows[heading + 1 : heading + 2] == ["Chưa có đề nghị khen thưởng nào được ghi nhận."]
    text = " ".join(rows[heading:])
    assert (
        "Bổ sung sau ngày báo cáo (ngày 14 tháng 12 năm 2020): các đề nghị, quyết định dưới "
        "đây có sau ngày ban hành báo cáo, được thêm vào để theo dõi."
    ) in text
    assert text.index("Bổ sung sau ngày báo cáo") < text.index(FLAG_LINE)


def test_a_report_on_the_day_of_the_proposal_lists_it_in_the_report(world, cluster2, flag_proposal):
    cluster2.report.issued_on = datetime.date(2020, 12, 18)  # the proposal's own date
    cluster2.report.save(update_fields=["issued_on"])
    data = report_context(cluster2.report)["data"]
    assert ([r["nominee"] for r in data["awards"]], data["awards_after"]) == (
        ["Trường Đại học Luật Hà Nội"],
        [],
    )
    cluster2.report.issued_on = datetime.date(2020, 12, 17)  # the day before
    cluster2.report.save(update_fields=["issued_on"])
    data = report_context(cluster2.report)["data"]
    assert ([r["nominee"] for r in data["awards_after"]], data["awards"]) == (
        ["Trường Đại học Luật Hà Nội"],
        [],
    )
