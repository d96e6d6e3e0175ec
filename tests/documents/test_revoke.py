"""Revoking an issued paper: the service (reason, state, rights, audit) and its page for every
role; the public page then says “revoked”."""

import pytest

from documents.models import PaperVersion
from documents.services.revocation import paper_version_revoke
from emulation.errors import DomainError
from emulation.models import AuditEntry
from tests.documents.factories import PaperVersionFactory, decision_paper
from tests.documents.roles import CLUSTER_KEEPING, MINISTRY_KEEPING
from tests.html import field_errors


def test_a_revoked_version_keeps_its_record_with_who_when_and_why(world, issued):
    version = paper_version_revoke(
        version=issued.version, user=world.users.secretary, reason="Sai số phiếu"
    )
    stored = PaperVersion.objects.get(pk=version.pk)
    assert (stored.revoked_by, stored.revoke_reason, stored.status) == (
        world.users.secretary,
        "Sai số phiếu",
        PaperVersion.Status.READY,
    )
    assert stored.revoked_at is not None and stored.sha256 == issued.version.sha256
    entry = AuditEntry.objects.get(action="paper_version_revoke")
    assert (entry.reason, entry.object_id, entry.after) == (
        "Sai số phiếu",
        str(version.pk),
        {"revoked": True, "code": version.code},
    )


def test_a_version_is_not_revoked_without_a_reason_twice_or_before_it_is_built(world, issued):
    with pytest.raises(DomainError, match="Hãy ghi lý do thu hồi văn bản") as refused:
        paper_version_revoke(version=issued.version, user=world.users.staff, reason=" ")
    assert refused.value.field == "reason"
    queued = PaperVersionFactory(paper=issued.paper, status=PaperVersion.Status.QUEUED)
    with pytest.raises(DomainError, match="Chỉ thu hồi được bản đã tạo xong"):
        paper_version_revoke(version=queued, user=world.users.staff, reason="x")
    paper_version_revoke(version=issued.version, user=world.users.staff, reason="x")
    with pytest.raises(DomainError, match="Bản này đã bị thu hồi ngày"):
        paper_version_revoke(version=issued.version, user=world.users.staff, reason="y")
    assert AuditEntry.objects.filter(action="paper_version_revoke").count() == 1


@pytest.mark.parametrize("role", ["leader", "other_secretary", "foreign_staff"])
def test_who_does_not_keep_the_clusters_papers_revokes_none(world, issued, role):
    with pytest.raises(DomainError, match="Chỉ thư ký của cụm hoặc cán bộ Vụ"):
        paper_version_revoke(version=issued.version, user=getattr(world.users, role), reason="x")
    assert PaperVersion.objects.get(pk=issued.version.pk).revoked_at is None


@pytest.mark.parametrize("role", ["secretary", "leader", "foreign_staff"])
def test_only_the_ministrys_staff_revoke_the_ministrys_decision(world, role):
    version = PaperVersionFactory(paper=decision_paper(world.ministry))
    with pytest.raises(DomainError, match="Chỉ cán bộ Vụ Thi đua - Khen thưởng"):
        paper_version_revoke(version=version, user=getattr(world.users, role), reason="x")
    assert paper_version_revoke(version=version, user=world.users.staff, reason="x").revoked_at


@pytest.mark.parametrize(("role", "status"), [*CLUSTER_KEEPING, (None, 302)])  # None: to login
def test_who_may_revoke_a_clusters_paper_from_its_page(client_as, issued, role, status):
    url = f"/documents/versions/{issued.version.pk}/revoke/"
    client = client_as(role)
    assert client.get(url).status_code == (200 if status == 302 and role else status)
    response = client.post(url, {"reason": "Sai số phiếu"})
    assert response.status_code == status
    revoked = PaperVersion.objects.get(pk=issued.version.pk).revoked_at is not None
    assert revoked == (role is not None and status == 302)
    if role is None:
        assert response["Location"].startswith("/accounts/login/")
    elif status == 302:
        assert response["Location"] == f"/v/{issued.version.code}/"
        html = client.get(response["Location"]).content.decode()
        assert "Đã thu hồi văn bản; trang xác thực công khai ghi rõ." in html
        assert "Lý do: Sai số phiếu" in html


@pytest.mark.parametrize(("role", "status"), MINISTRY_KEEPING)
def test_who_may_revoke_the_ministrys_decision_from_its_page(world, client_as, role, status):
    version = PaperVersionFactory(paper=decision_paper(world.ministry))
    url = f"/documents/versions/{version.pk}/revoke/"
    response = client_as(role).post(url, {"reason": "Sai đối tượng"})
    assert response.status_code == status
    assert (PaperVersion.objects.get(pk=version.pk).revoked_at is not None) == (status == 302)


def test_the_revoke_page_asks_for_confirmation_and_a_reason(client_as, issued):
    url = f"/documents/versions/{issued.version.pk}/revoke/"
    client = client_as("secretary")
    html = client.get(url).content.decode()
    assert 'data-confirm="Thu hồi văn bản này? Việc này không hoàn tác được."' in html
    assert f"Trang xác thực công khai của mã {issued.version.code} sẽ ghi" in html
    response = client.post(url, {"reason": ""})
    assert field_errors(response, "reason") == ["Hãy ghi lý do thu hồi văn bản."]
    assert PaperVersion.objects.get(pk=issued.version.pk).revoked_at is None
