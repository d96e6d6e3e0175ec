"""A demo signing certificate, so that the demo shows signed papers: a self-signed root and a
certificate it issued, both named "DEMO – không có giá trị pháp lý" (no legal value). Written
by ``manage.py demo_certificate`` under var/signing/ (not committed) and by the tests in a
temporary folder. A real issuing body signs with its own certificate (config/settings.py)."""

import datetime
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

DEMO_MARK = "DEMO – không có giá trị pháp lý"
DEMO_SIGNER_NAME = f"Cụm thi đua số 2 ({DEMO_MARK})"
P12_NAME, PASSPHRASE_NAME, ROOT_NAME = "demo-signer.p12", "demo-passphrase", "demo-root.pem"


@dataclass(frozen=True)
class DemoFiles:
    p12: Path
    passphrase: Path
    root: Path

    @classmethod
    def in_folder(cls, folder):
        folder = Path(folder)
        return cls(folder / P12_NAME, folder / PASSPHRASE_NAME, folder / ROOT_NAME)

    def exist(self):
        return self.p12.is_file() and self.passphrase.is_file() and self.root.is_file()


def _name(common_name):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_MARK),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _certificate(subject, issuer, public_key, issuer_key, *, years, ca):
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=not ca,  # non-repudiation: what a document signature needs
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(issuer_key, hashes.SHA256())
    )


def write_demo_certificate(folder, *, common_name=DEMO_SIGNER_NAME):
    """Write a root (``demo-root.pem``), a signing certificate it issued with its key
    (``demo-signer.p12``) and the archive's random passphrase (``demo-passphrase``) in
    ``folder``, unless all three are there already. Returns the files."""
    files = DemoFiles.in_folder(folder)
    if files.exist():
        return files
    files.p12.parent.mkdir(parents=True, exist_ok=True)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name(f"Gốc thidua ({DEMO_MARK})")
    root = _certificate(root_name, root_name, root_key.public_key(), root_key, years=20, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    signer = _certificate(
        _name(common_name), root_name, key.public_key(), root_key, years=10, ca=False
    )
    passphrase = secrets.token_urlsafe(24)
    archive = pkcs12.serialize_key_and_certificates(
        b"thidua-demo",
        key,
        signer,
        [root],
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    files.root.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    files.passphrase.write_text(passphrase + "\n")
    files.passphrase.chmod(0o600)
    files.p12.write_bytes(archive)
    files.p12.chmod(0o600)
    return files
