"""Django admin: superusers only; the foundation models are there; the audit trail is
read-only."""

import pytest
from django.contrib import admin
from django.test import Client

from accounts.models import RoleAssignment
from clusters.models import Cluster, ClusterYear, Membership
from emulation.audit import audit_record
from emulation.models import (
    AuditEntry,
    AwardTitle,
    BaseSalary,
    EmulationYear,
    LegalRegime,
    Ministry,
)
from tests.factories import UserFactory
from units.models import Unit

FOUNDATION_MODELS = [
    Ministry,
    LegalRegime,
    BaseSalary,
    AwardTitle,
    EmulationYear,
    RoleAssignment,
    AuditEntry,
    Unit,
    Cluster,
    ClusterYear,
    Membership,
]


@pytest.fixture
def superuser_client(db):
    client = Client()
    client.force_login(UserFactory(username="quantri", is_staff=True, is_superuser=True))
    return client


def admin_url(model, suffix=""):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


def test_the_foundation_models_are_registered():
    assert [m for m in FOUNDATION_MODELS if not admin.site.is_registered(m)] == []


@pytest.mark.parametrize("model", FOUNDATION_MODELS, ids=lambda m: m.__name__)
def test_a_superuser_opens_every_list_and_add_page(superuser_client, world, model):
    assert superuser_client.get(admin_url(model)).status_code == 200
    expected = 403 if model in (AuditEntry, Membership) else 200
    assert superuser_client.get(admin_url(model, "add/")).status_code == expected


def test_a_superuser_opens_a_cluster_year_with_its_members(superuser_client, world):
    response = superuser_client.get(admin_url(ClusterYear, f"{world.cluster_year.pk}/change/"))
    assert response.status_code == 200
    assert "Trường số 1" in response.content.decode()


def test_the_audit_trail_is_read_only_in_the_admin(superuser_client, world):
    entry = audit_record(actor=world.users.staff, action="unit_update", obj=world.units[0])
    change = superuser_client.get(admin_url(AuditEntry, f"{entry.pk}/change/"))
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert (
        superuser_client.post(admin_url(AuditEntry, f"{entry.pk}/change/"), {}).status_code == 403
    )
    assert superuser_client.get(admin_url(AuditEntry, f"{entry.pk}/delete/")).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk, action="unit_update").exists()


def test_people_without_admin_rights_are_sent_to_the_admin_login(client_as):
    response = client_as("staff").get("/admin/")
    assert (response.status_code, response.url) == (302, "/admin/login/?next=/admin/")
