"""Signing issued papers and checking signed PDFs: PAdES (ETSI EN 319 142, baseline B-B) with
pyHanko.

A paper is signed with the issuing body's certificate (a PKCS#12 file and its passphrase,
config/settings.py: ``SIGNING_P12_PATH``, ``SIGNING_P12_PASSPHRASE`` or, for the demo
certificate, ``SIGNING_P12_PASSPHRASE_FILE``), with a visible signature in the paper's
signature area: who signed and when, Vietnam time as ISO 8601 (Decree 30/2020/NĐ-CP, annex I:
the information shown with a digital signature). A signed PDF, ours or one signed elsewhere (a
USB token, the national CA), is checked against the roots of ``SIGNING_TRUST_ROOTS``, offline.

pyHanko and WeasyPrint are imported inside the functions (they are heavy)."""

import datetime
import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.pdf import render_pdf

logger = logging.getLogger(__name__)
# pyHanko logs a certificate it cannot chain to a root, and a change made after signing, as
# warnings with a traceback; here they are answers (SignatureCheck), not faults.
for _name in ("pyhanko.sign.validation.generic_cms", "pyhanko.sign.diff_analysis.policies"):
    logging.getLogger(_name).setLevel(logging.ERROR)

DEFAULT_REASON = "Ban hành văn bản"
STAMP_TEMPLATE = "documents/signature_stamp.html"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"  # how pyHanko hands the signing time to the stamp
MM = 72 / 25.4
# Without a signature area: a stamp of 80 x 25 mm at the bottom right, inside the margins of
# Decree 30/2020 (right 15 mm, bottom 20 mm).
FALLBACK_SIZE, FALLBACK_MARGINS = (80 * MM, 25 * MM), (15 * MM, 20 * MM)


def signing_configured():
    """Whether papers can be signed: the certificate file named in the settings exists."""
    path = settings.SIGNING_P12_PATH
    return bool(path) and Path(path).is_file()


def _passphrase():
    if settings.SIGNING_P12_PASSPHRASE:
        return settings.SIGNING_P12_PASSPHRASE
    if settings.SIGNING_P12_PASSPHRASE_FILE:
        return Path(settings.SIGNING_P12_PASSPHRASE_FILE).read_text().strip()
    return ""


@lru_cache(maxsize=2)
def _load_signer(path, mtime_ns, passphrase):
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase.encode() or None)
    if signer is None:
        raise ValueError(f"cannot read the signing certificate {path} with its passphrase")
    return signer


def current_signer():
    """The issuing body's pyHanko signer, loaded once per process and again when the file
    changes (decrypting the key takes a good part of a signature's time)."""
    path = settings.SIGNING_P12_PATH
    return _load_signer(path, Path(path).stat().st_mtime_ns, _passphrase())


def warm_up():
    """Import pyHanko and decrypt the key as a worker process starts (config/celery.py), so
    that its first signature costs what the others do (importing pyHanko alone takes ~0.8 s).
    A certificate that cannot be read is logged here, and refused when a paper is signed."""
    for module in ("pyhanko.sign.signers", "pyhanko.sign.validation", "pyhanko.stamp"):
        import_module(module)
    if signing_configured():
        try:
            current_signer()
        except (OSError, ValueError):
            logger.exception("the signing certificate cannot be loaded")


def common_name(certificate):
    """The subject's common name of an asn1crypto certificate (its whole subject if none)."""
    name = certificate.subject.native.get("common_name")
    if isinstance(name, list):
        name = name[-1]
    return name or certificate.subject.human_friendly


def stamp_pdf(signer, signed_at, width, height):
    """The visible signature as a one-page PDF of ``width`` x ``height`` points."""
    local = timezone.localtime(signed_at, timezone.get_default_timezone())
    context = {
        "signer": signer,
        "signed_at": local.isoformat(timespec="seconds"),
        # As text: the template would print numbers with the Vietnamese decimal comma.
        "width": f"{width:.2f}",
        "height": f"{height:.2f}",
        "font_size": f"{max(5.0, min(10.0, height / 5)):.1f}",
    }
    return render_pdf(STAMP_TEMPLATE, context)


def _stamp_style():
    """A pyHanko stamp style drawing ``stamp_pdf`` with the signature's own signing time
    (pyHanko hands it to a text stamp style only, hence the subclass)."""
    from pyhanko.pdf_utils.content import ImportedPdfPage
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticContentStamp, StaticStampStyle, TextStampStyle

    class PdfPageContent(ImportedPdfPage):
        """ImportedPdfPage reading bytes rather than a named file."""

        def __init__(self, data):
            super().__init__(file_name=None)
            self.data = data

        def render(self):
            xobject = self._ensure_writer.import_page_as_xobject(
                PdfFileReader(BytesIO(self.data)), page_ix=0
            )
            self.resources.xobject["/Stamp"] = xobject
            x1, y1, x2, y2 = xobject.get_object()["/BBox"]
            self.box = BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
            return b"/Stamp Do"

    class RenderedStampStyle(TextStampStyle):
        def create_stamp(self, writer, box, text_params):
            signed_at = datetime.datetime.strptime(text_params["ts"], TIME_FORMAT)
            page = stamp_pdf(text_params["stamp_signer"], signed_at, box.width, box.height)
            style = StaticStampStyle(
                background=PdfPageContent(page), border_width=0, background_opacity=1
            )
            return StaticContentStamp(writer=writer, style=style, box=box)

    return RenderedStampStyle(timestamp_format=TIME_FORMAT, border_width=0)


def _fallback_box(writer, page):
    page_ref, _resources = writer.find_page_for_modification(page)
    _x1, _y1, right, _top = (float(v) for v in page_ref.get_object()["/MediaBox"])
    (width, height), (margin_right, margin_bottom) = FALLBACK_SIZE, FALLBACK_MARGINS
    x2 = right - margin_right
    return (x2 - width, margin_bottom, x2, margin_bottom + height)


def sign_pdf(pdf_bytes, *, box=None, page=-1, reason=DEFAULT_REASON, location=""):
    """Sign a PDF (PAdES baseline, SHA-256) with the issuing body's certificate, as an
    incremental update: the signature covers the whole file. The visible signature fills
    ``box`` (PDF points from the bottom left, as ``documents.pdf.render_pdf_with_box`` gives
    the signature area) on ``page`` (the last by default), or the bottom right of that page.
    Returns the signed PDF's bytes."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = current_signer()
    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes))
    field_name = f"Signature{len(writer.prev.embedded_signatures) + 1}"
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    field = fields.SigFieldSpec(
        sig_field_name=field_name, on_page=page, box=box or _fallback_box(writer, page)
    )
    pdf_signer = signers.PdfSigner(
        metadata, signer=signer, stamp_style=_stamp_style(), new_field_spec=field
    )
    output = pdf_signer.sign_pdf(
        writer, appearance_text_params={"stamp_signer": common_name(signer.signing_cert)}
    )
    return output.getvalue()


@dataclass(frozen=True)
class SignatureCheck:
    """What ``validate_signed_pdf`` found: ``ok`` when every signature is intact, covers the
    file and chains to a trusted root. ``message`` says so, or why not, in Vietnamese."""

    ok: bool
    intact: bool
    trusted: bool
    signer: str
    signed_at: datetime.datetime | None
    message: str


def _refused(message, *, intact=False, trusted=False, signer="", signed_at=None):
    return SignatureCheck(False, intact, trusted, signer, signed_at, str(message))


def trust_roots():
    """The certificates of ``SIGNING_TRUST_ROOTS`` (a file that is missing is skipped and
    logged: the demo root before `manage.py demo_certificate` has run, or a typo)."""
    from pyhanko.keys import load_certs_from_pemder

    present = [path for path in settings.SIGNING_TRUST_ROOTS if Path(path).is_file()]
    for path in set(settings.SIGNING_TRUST_ROOTS) - set(present):
        logger.warning("signing trust root %s: no such file", path)
    return list(load_certs_from_pemder(present))


def _signed_at(status):
    """The signature's time: its timestamp token's if it has one, else what the signer's
    computer declared (the /M entry of a PAdES signature)."""
    if status.timestamp_validity is not None:
        return status.timestamp_validity.timestamp
    return status.signer_reported_dt


def _altered(status, *, last):
    """Whether the file changed after this signature beyond what signing allows: later
    signatures (form filling) after an earlier one; after the last, nothing, or only
    long-term validation data (a document security store, document timestamps)."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if last and status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return False
    allowed = ModificationLevel.LTA_UPDATES if last else ModificationLevel.FORM_FILLING
    level = status.modification_level
    return (
        status.coverage != SignatureCoverageLevel.ENTIRE_REVISION
        or level is None
        or level > allowed
        or (last and level == ModificationLevel.NONE)  # bytes after the end of the file
        or status.docmdp_ok is False
    )


def _distrust_message(status):
    problem = getattr(status.trust_problem_indic, "name", "")
    if "REVOKED" in problem:
        return _(
            "Chữ ký số còn nguyên vẹn nhưng chứng thư số của người ký đã bị thu hồi: "
            "văn bản không được công nhận."
        )
    if "EXPIRED" in problem or "NOT_YET_VALID" in problem or "OUT_OF_BOUNDS" in problem:
        return _(
            "Chữ ký số còn nguyên vẹn nhưng chứng thư số của người ký đã hết hạn hoặc chưa "
            "có hiệu lực: văn bản không được công nhận."
        )
    return _(
        "Chữ ký số còn nguyên vẹn nhưng chứng thư số của người ký không do tổ chức cung cấp "
        "dịch vụ chứng thực chữ ký số được tin cậy cấp: không xác định được người ký."
    )


def _judge(statuses):
    names = dict.fromkeys(common_name(status.signing_cert) for status in statuses)
    found = {
        "signer": ", ".join(names),
        "signed_at": _signed_at(statuses[-1]),
        "trusted": all(status.trusted for status in statuses),
    }
    if any(not (status.intact and status.valid) for status in statuses):
        return _refused(
            _(
                "Tệp đã bị thay đổi sau khi ký: nội dung không còn khớp với chữ ký số. "
                "Đây không phải là văn bản đã được ký."
            ),
            **found,
        )
    if any(_altered(status, last=status is statuses[-1]) for status in statuses):
        return _refused(
            _(
                "Tệp đã bị thay đổi sau khi ký: có nội dung được thêm vào sau chữ ký số, "
                "chữ ký không bao trùm toàn bộ tệp."
            ),
            **found,
        )
    untrusted = [status for status in statuses if not status.trusted]
    if untrusted:
        return _refused(_distrust_message(untrusted[0]), intact=True, **found)
    message = _("Chữ ký số hợp lệ: tệp còn nguyên vẹn từ khi ký, chứng thư số được tin cậy.")
    return SignatureCheck(ok=True, intact=True, message=str(message), **found)


def validate_signed_pdf(pdf_bytes):
    """Check a signed PDF offline (no fetching of certificates or revocation lists): every
    signature's integrity, that nothing but signing followed it, the signer and the signing
    time, and whether the certificate chains to a root of ``SIGNING_TRUST_ROOTS``."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    if b"%PDF-" not in pdf_bytes[:1024]:
        return _refused(_("Tệp không phải là tệp PDF."))
    try:
        signatures = PdfFileReader(BytesIO(pdf_bytes)).embedded_regular_signatures
    except Exception:  # any file may be uploaded: whatever pyHanko cannot read is refused
        return _refused(_("Tệp PDF bị hỏng, không đọc được."))
    if not signatures:
        return _refused(_("Tệp PDF không có chữ ký số."))
    context = ValidationContext(trust_roots=trust_roots(), allow_fetching=False)
    try:
        statuses = [validate_pdf_signature(signature, context) for signature in signatures]
    except Exception:  # a signature pyHanko cannot even parse
        return _refused(_("Chữ ký số trong tệp bị hỏng, không kiểm tra được."))
    return _judge(statuses)
