from types import SimpleNamespace

import pytest
from django.core.cache import cache

from documents.demo_certificate import write_demo_certificate
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
