from types import SimpleNamespace

import pytest
from django.core.cache import cache

from documents.services.register import issue_number
from tests.documents.factories import PaperFactory, PaperVersionFactory, cluster_register


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
