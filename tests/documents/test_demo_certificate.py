"""`manage.py demo_certificate` (run by `make run`): a demo certificate marked as having no
legal value, written once."""

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.management import CommandError, call_command

from documents import signing
from documents.demo_certificate import DEMO_MARK, DemoFiles


def test_the_demo_certificate_is_written_once_and_says_it_has_no_legal_value(settings, tmp_path):
    settings.DEBUG = True
    settings.SIGNING_DEMO_DIR = tmp_path / "signing"
    call_command("demo_certificate")
    files = DemoFiles.in_folder(settings.SIGNING_DEMO_DIR)
    written = {path: path.read_bytes() for path in (files.p12, files.passphrase, files.root)}
    call_command("demo_certificate")

    assert {path: path.read_bytes() for path in written} == written
    passphrase = files.passphrase.read_text().strip().encode()
    _key, signer, [root] = pkcs12.load_key_and_certificates(files.p12.read_bytes(), passphrase)
    assert x509.load_pem_x509_certificate(files.root.read_bytes()) == root
    assert signer.issuer == root.subject
    for name in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        assert DEMO_MARK in signer.subject.get_attributes_for_oid(name)[0].value
    assert files.p12.stat().st_mode & 0o077 == 0  # the key is readable by its owner only


def test_the_demo_certificate_signs_as_make_run_configures_it(settings, tmp_path):
    settings.DEBUG = True
    settings.SIGNING_DEMO_DIR = tmp_path
    call_command("demo_certificate")
    files = DemoFiles.in_folder(tmp_path)
    # What config/settings.py sets in development without THIDUA_SIGNING_P12:
    settings.SIGNING_P12_PATH = str(files.p12)
    settings.SIGNING_P12_PASSPHRASE_FILE = str(files.passphrase)
    settings.SIGNING_TRUST_ROOTS = [str(files.root)]

    from documents.pdf import render_pdf

    paper = render_pdf(
        "documents/specimen_pdf.html", {"number": "1/TTr-CTĐ2", "summary": "Thử", "paragraphs": []}
    )
    check = signing.validate_signed_pdf(signing.sign_pdf(paper))
    assert check.ok
    assert DEMO_MARK in check.signer


def test_production_makes_no_demo_certificate(settings, tmp_path):
    settings.DEBUG = False
    settings.SIGNING_DEMO_DIR = tmp_path

    with pytest.raises(CommandError, match="THIDUA_SIGNING_P12"):
        call_command("demo_certificate")
    assert list(tmp_path.iterdir()) == []


def test_a_certificate_that_cannot_be_read_is_logged_at_warm_up(
    settings, signing_certificate, caplog
):
    settings.SIGNING_P12_PASSPHRASE = "not the passphrase"
    signing.warm_up()

    assert "the signing certificate cannot be loaded" in caplog.text
