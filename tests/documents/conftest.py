import pytest

from documents.demo_certificate import write_demo_certificate


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
