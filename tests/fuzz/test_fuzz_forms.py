"""Hypothesis fills and posts every form of the site, as the role that may use it, with
plausible and hostile values: the answer is never an HTTP 500, and the audit trail still
verifies afterwards. Budget: tests/fuzz/conftest.py (``make fuzz`` for the long run)."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from documents.services.register import issue_number
from emulation.audit import audit_verify
from emulation.models import AwardTitle
from tests.documents.factories import PaperFactory, PaperVersionFactory, cluster_register
from tests.fuzz.conftest import RULES_BROKEN, record
from tests.fuzz.forms import Form, post_forms
from tests.fuzz.strategies import form_data


def _cy(f):
    return [f.world.cluster.pk, f.world.year]


def _number(f):
    register = cluster_register(f.world.cluster)
    return [issue_number(register=register, user=f.world.users.secretary).pk]


def _version(f):
    return PaperVersionFactory(paper=PaperFactory(cluster_year=f.world.cluster_year))


# (role, url name, its arguments from the fuzz world)
TARGETS = [
    (None, "login", lambda f: []),
    ("secretary", "password_change", lambda f: []),
    ("staff", "account_create", lambda f: []),
    ("staff", "catalogue_create", lambda f: []),
    ("staff", "catalogue_edit", lambda f: [AwardTitle.objects.first().pk]),
    ("staff", "units:create", lambda f: []),
    ("staff", "units:edit", lambda f: [f.world.units[0].pk]),
    ("secretary", "units:person_create", lambda f: [f.world.units[0].pk]),
    ("secretary", "units:person_edit", lambda f: [f.person.pk]),
    ("secretary", "units:unit_year", lambda f: [f.world.units[0].pk, f.world.year]),
    ("secretary", "units:person_year", lambda f: [f.person.pk, f.world.year]),
    ("staff", "clusters:create", lambda f: []),
    ("staff", "clusters:edit", lambda f: [f.world.cluster.pk]),
    ("staff", "clusters:members", _cy),
    ("staff", "clusters:scoring_table_create", lambda f: []),
    ("staff", "clusters:scoring_table", lambda f: [f.table.pk]),
    ("secretary", "clusters:leadership_edit", _cy),
    ("secretary", "clusters:pledge", _cy),
    ("secretary", "clusters:pledge_create", _cy),
    ("secretary", "clusters:registration_add", _cy),
    ("secretary", "clusters:scores", _cy),
    ("secretary", "clusters:score_cell", lambda f: [*_cy(f), f.world.units[0].pk, f.criterion.pk]),
    ("secretary", "clusters:votes", _cy),
    ("secretary", "clusters:vote", lambda f: [*_cy(f), f.vote.pk]),
    ("secretary", "clusters:minutes_edit", _cy),
    ("secretary", "awards:create", _cy),
    ("secretary", "awards:edit", lambda f: [f.proposal.pk]),
    ("secretary", "awards:line_create", lambda f: [f.proposal.pk]),
    ("secretary", "awards:line_edit", lambda f: [f.line.pk]),
    ("staff", "awards:deadlines", lambda f: []),
    ("staff", "awards:deadline_edit", lambda f: [f.proposal.cluster_year.emulation_year_id]),
    ("secretary", "reports:cluster_edit", _cy),
    ("staff", "reports:ministry_edit", lambda f: [f.world.ministry.pk, f.world.year]),
    ("secretary", "documents:number_cancel", _number),
    ("secretary", "documents:version_revoke", lambda f: [_version(f).pk]),
    (None, "verify:home", lambda f: []),
    (None, "verify:code", lambda f: [_version(f).code]),
    ("secretary", "papers:nomination", lambda f: [f.line.pk]),
]


@pytest.mark.parametrize(("role", "name", "args"), TARGETS, ids=[t[1] for t in TARGETS])
def test_no_form_answers_a_server_error(client_as, fuzz_world, role, name, args):
    client = client_as(role)
    client.raise_request_exception = False
    url = reverse(name, args=args(fuzz_world))
    page = client.get(url)
    assert page.status_code < 500, url
    forms = post_forms(page.content.decode(), url) if page.status_code == 200 else []
    forms = forms or [Form(url, "", {})]

    @given(st.data())
    def submit(data):
        form = data.draw(st.sampled_from(forms))
        payload = form_data(form, data.draw)
        response = client.post(form.action, payload)
        record(name, response.status_code)
        assert response.status_code < 500, (form.action, payload)

    submit()

    checked, broken = audit_verify()
    if broken is not None:
        RULES_BROKEN[name] += 1
    assert broken is None, (checked, broken)
