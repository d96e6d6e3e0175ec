"""Every page of the clusters, awards and reports apps, walked by URL for Cụm thi đua số 2 of the
demo: the secretary of Cụm 1 reaches none of them; the ministry's leader reads but never writes;
neither is ever shown a server error, and nothing is stored on their behalf."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import get_resolver, reverse

from awards.models import (
    Award,
    CouncilMeeting,
    CouncilMember,
    Nomination,
    Proposal,
    UpwardDossier,
)
from clusters.models import Cluster, Evidence, ScoringTable, TitleRegistration, Vote
from documents.models.reports import ReportVersion, YearEndReport
from emulation.models import AuditEntry, Ministry
from units.models import UnitHeadDecision

NAMESPACES = ("clusters", "awards", "reports")
YEAR = 2020

# Pages that only read: the leader may open them (GET); all others write or show an edit form.
READ_ONLY = {
    "clusters:list",
    "clusters:detail",
    "clusters:leadership_history",
    "clusters:pledge",
    "clusters:scores",
    "clusters:score_export",
    "clusters:score_evidence",
    "clusters:evidence_download",
    "clusters:ranking",
    "clusters:votes",
    "clusters:vote",
    "clusters:minutes",
    "clusters:scoring_tables",
    "clusters:scoring_table",
    "awards:list",
    "awards:proposal",
    "awards:cover",
    "awards:line_report",
    "awards:council",
    "awards:meeting",
    "awards:dossiers",
    "awards:dossier",
    "reports:cluster",
    "reports:ministry",
    "reports:versions",
    "reports:download",
}
ASK_FOR_PDF = {"reports:cluster_generate", "reports:ministry_generate"}
# Pages of the ministry as a whole (no cluster in the address).
MINISTRY_WIDE = {
    "clusters:list",
    "clusters:create",
    "clusters:scoring_tables",
    "clusters:scoring_table_create",
    "clusters:scoring_table_import",
    "clusters:scoring_table",
    "awards:list",
    "awards:queue",
    "awards:queue_export",
    "awards:pending_lines",
    "awards:bulk_approve_lines",
    "awards:decisions_export",
    "awards:rules",
    "awards:deadlines",
    "awards:deadline_edit",
    "awards:council",
    "awards:council_member_create",
    "awards:council_member_edit",
    "awards:meeting_create",
    "awards:meeting",
    "awards:meeting_close",
    "awards:dossiers",
    "awards:dossier_create",
    "awards:dossier",
    "awards:dossier_cover",
    "awards:dossier_add_lines",
    "awards:dossier_remove_line",
    "awards:dossier_forward",
    "awards:dossier_return",
    "awards:dossier_refuse",
    "awards:dossier_decide",
}


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.DEBUG = True  # seed_demo refuses to run in production mode
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", stdout=StringIO())
    cluster = Cluster.objects.get(number=2, ministry__name="Bộ Tư pháp")
    evidence = Evidence.objects.filter(
        score__cluster_year__cluster=cluster, score__cluster_year__year=YEAR
    ).first()
    proposal = Proposal.objects.get(cluster_year__cluster=cluster, cluster_year__year=YEAR)
    report = YearEndReport.objects.get(cluster_year__cluster=cluster, year=YEAR)
    version = ReportVersion.objects.create(report=report, status=ReportVersion.Status.READY)
    version.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.4 demo"))
    registration = TitleRegistration.objects.filter(pledge__cluster_year__cluster=cluster).first()
    kwargs = {
        "pk": cluster.pk,
        "cluster_pk": cluster.pk,
        "year": YEAR,
        "unit_pk": evidence.score.unit_id,
        "criterion_pk": evidence.score.criterion_id,
        "evidence_pk": evidence.pk,
        "vote_pk": Vote.objects.get(cluster_year__cluster=cluster, cluster_year__year=YEAR).pk,
        "registration_pk": registration.pk,
        "ministry_pk": Ministry.objects.get(name="Bộ Tư pháp").pk,
    }
    line = Nomination.objects.filter(proposal=proposal).first()
    pks = {
        "clusters:registration_remove": {"year": registration.pledge.cluster_year.year},
        "clusters:scoring_table": {"pk": ScoringTable.objects.filter(cluster=None).first().pk},
        "awards:deadline_edit": {"pk": proposal.cluster_year.emulation_year_id},
        "reports:versions": {"pk": report.pk},
        "reports:download": {"pk": version.pk},
        "awards:award_revoke": {
            "pk": Award.objects.filter(nomination__proposal=proposal).first().pk
        },
    }
    for name in (
        "line_edit",
        "line_delete",
        "line_report",
        "line_review",
        "line_reopen",
    ):
        pks[f"awards:{name}"] = {"pk": line.pk}
    for name in ("proposal", "edit", "line_create", "submit", "cover", "start_review", "return"):
        pks[f"awards:{name}"] = {"pk": proposal.pk}
    for name in ("bulk_approve", "decision", "audit_export"):
        pks[f"awards:{name}"] = {"pk": proposal.pk}
    meeting = CouncilMeeting.objects.get()
    dossier = UpwardDossier.objects.get()
    for name in ("meeting", "meeting_close"):
        pks[f"awards:{name}"] = {"pk": meeting.pk}
    pks["awards:council_member_edit"] = {"pk": CouncilMember.objects.first().pk}
    for name in ("dossier", "dossier_cover", "dossier_add_lines", "dossier_forward"):
        pks[f"awards:{name}"] = {"pk": dossier.pk}
    for name in ("dossier_return", "dossier_refuse", "dossier_decide"):
        pks[f"awards:{name}"] = {"pk": dossier.pk}
    kwargs["line_pk"] = dossier.lines.get().pk
    head_decision = UnitHeadDecision.objects.filter(unit=line.unit).first()
    kwargs["decision_pk"] = head_decision.pk if head_decision else 1
    for name in ("head_decision_create", "head_decision_delete"):
        pks[f"awards:{name}"] = {"pk": line.unit_id}
    pks["awards:dossier_remove_line"] = {"pk": dossier.pk}
    return cluster, kwargs, pks


def _pages(kwargs, pks):
    """(name, path) of every URL pattern of the three apps, filled with Cụm 2's objects."""
    resolver = get_resolver()
    for namespace in NAMESPACES:
        _prefix, sub = resolver.namespace_dict[namespace]
        for name, entries in sub.reverse_dict.lists():
            if not isinstance(name, str):
                continue
            full = f"{namespace}:{name}"
            for ((_format, params),), *_rest in entries:
                values = {key: kwargs[key] for key in params} | pks.get(full, {})
                yield full, reverse(full, kwargs=values)


def _client(username):
    client = Client(raise_request_exception=False)
    assert client.login(username=username, password="thidua-demo")
    return client


def _walk(demo, username, may_store=frozenset()):
    cluster, kwargs, pks = demo
    client = _client(username)
    seen = {}
    for name, path in _pages(kwargs, pks):
        stored = AuditEntry.objects.count(), ReportVersion.objects.count()
        get, post = client.get(path), client.post(path, {"reason": "x", "version": "0"})
        seen[name] = (path, get.status_code, post.status_code, get)
        if name not in may_store:
            assert (AuditEntry.objects.count(), ReportVersion.objects.count()) == stored, path
    return cluster, seen


def test_the_walk_covers_every_page_of_the_three_apps(demo):
    names = {name for name, _path in _pages(demo[1], demo[2])}
    assert len(names) == 92  # with clusters:score_cells, the pasted block
    assert {"clusters:evidence_download", "awards:award_revoke", "reports:download"} <= names


def test_the_secretary_of_cluster_1_reaches_no_page_of_cluster_2(demo):
    cluster, seen = _walk(demo, "thuky.cum1")
    for name, (path, get, post, response) in seen.items():
        assert get != 500 and post != 500, path
        if name in MINISTRY_WIDE:
            assert post in (403, 404, 405) or (name in READ_ONLY and post == get), (path, post)
            assert get in (200, 403, 404, 405), (path, get)
            if get == 200:
                assert cluster.name.encode() not in response.content, path
        else:  # 405: a page that only takes POST says so before anything else
            assert get in (403, 404, 405), (path, get)
            assert post in (403, 404, 405), (path, post)


def test_the_leader_reads_cluster_2_but_opens_no_edit_page_and_stores_nothing(demo):
    _cluster, seen = _walk(demo, "lanhdao", may_store=ASK_FOR_PDF)
    for name, (path, get, post, _response) in seen.items():
        assert get != 500 and post != 500, path
        if name in ASK_FOR_PDF:  # the leader asks for a year-end report's PDF
            assert (get, post) == (405, 302), path
        elif name in READ_ONLY:
            assert get == 200, (path, get)
            assert post in (200, 403, 405), (path, post)
        else:
            assert get in (403, 404, 405), (path, get)
            assert post in (403, 404, 405), (path, post)
