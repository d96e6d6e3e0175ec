"""The lists' filter fields written in Python show what crispy's templates showed: the same
elements, attributes, values and options (white space aside), bound or not; a field with an
error is crispy's own."""

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django.test.html import parse_html

from awards.filters import ProposalFilter
from awards.models import Proposal
from clusters.filters import ClusterFilter
from clusters.models import Cluster
from emulation.templatetags.filter_fields import filter_field
from units.filters import UnitFilter

QUERIES = [
    {},
    {"name": 'Trường <b>"A"</b>', "kind": "school", "year": "2021", "state": "submitted"},
]


def _filters(data, world):
    yield UnitFilter(data)
    yield ClusterFilter(data)
    yield ProposalFilter(
        data,
        queryset=Proposal.objects.all(),
        clusters=Cluster.objects.filter(ministry=world.ministry),
    )


@pytest.mark.parametrize("data", QUERIES, ids=["unbound", "bound"])
def test_each_filter_field_shows_what_crispy_showed(world, data):
    data = {**data, "cluster": str(world.cluster.pk)} if data else data
    for filterset in _filters(data or None, world):
        for field in filterset.form:
            assert parse_html(filter_field(field)) == parse_html(as_crispy_field(field)), field.name


def test_a_field_with_an_error_is_crispy_s(world):
    form = ProposalFilter(
        {"year": "abc"},
        queryset=Proposal.objects.all(),
        clusters=Cluster.objects.filter(ministry=world.ministry),
    ).form
    form.is_valid()
    html = filter_field(form["year"])
    assert "is-invalid" in html
    assert html == as_crispy_field(form["year"])
