"""The public verification page, as an anonymous visitor: what it states of a valid, a
replaced, a revoked, a forged and a missing paper, the file check, and the rate limit."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation

from documents.models import PaperVersion
from documents.models.papers import new_verification_code
from documents.selectors import State, verification_of
from tests.documents.factories import PDF, PaperVersionFactory

NOT_FOUND = "Không tìm thấy văn bản với mã này."


@pytest.fixture
def anonymous(db):
    return Client()


def page_of(response):
    """The page without what every page carries per request: the CSRF token (masked anew each
    time) and the language switch's way back to the address asked for."""
    return re.sub(
        r'("X-CSRFToken": |name="csrfmiddlewaretoken" value=|name="next" value=)"[^"]*"',
        r'\1""',
        response.content.decode(),
    )


def shown(response, field):
    found = re.search(
        rf'id="verify-{field}"[^>]*>(.*?)</(?:dd|code)>', response.content.decode(), re.S
    )
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


def test_a_valid_paper_shows_its_number_date_body_type_summary_hash_and_signature(
    anonymous, issued
):
    version = issued.version
    version.signature = PaperVersion.Signature.VALID
    version.signer = "CN=Cụm thi đua số 2 (DEMO – không có giá trị pháp lý)"
    version.signed_at = timezone.make_aware(datetime.datetime(2021, 12, 20, 15, 30))
    version.save()
    response = anonymous.get(f"/v/{version.code}/")
    assert response.status_code == 200
    assert shown(response, "number") == "1/TTr-CTĐ2"
    assert shown(response, "date") == "20/12/2021"
    assert shown(response, "body") == "Cụm thi đua số 2"
    assert shown(response, "kind") == "Tờ trình đề nghị khen thưởng của cụm"
    assert shown(response, "summary") == "Đề nghị khen thưởng năm 2021"
    assert shown(response, "sha256") == version.sha256
    assert shown(response, "state") == "Có hiệu lực"
    assert shown(response, "signature") == (
        "Chữ ký số hợp lệ Người ký: CN=Cụm thi đua số 2 (DEMO – không có giá trị pháp lý) "
        "Ký lúc: 20/12/2021 15:30"
    )
    assert NOT_FOUND not in response.content.decode()


def test_the_page_states_nothing_else_of_the_paper(anonymous, issued):
    issued.paper.sections = {"body": "Nội dung mật của tờ trình"}
    issued.paper.signer_name = "Hoàng Xuân Châu"
    issued.paper.recipients = "Vụ Thi đua - Khen thưởng"
    issued.paper.save()
    html = anonymous.get(f"/v/{issued.version.code}/").content.decode()
    for secret in ("Nội dung mật", "Hoàng Xuân Châu", "Vụ Thi đua - Khen thưởng", "/documents/"):
        assert secret not in html


def test_an_unsigned_paper_says_so(anonymous, issued):
    response = anonymous.get(f"/v/{issued.version.code}/")
    assert shown(response, "signature") == "Chưa ký số"


def test_a_version_followed_by_a_later_ready_one_is_replaced(anonymous, issued):
    later = PaperVersionFactory(
        paper=issued.paper,
        content=b"%PDF-1.7 second",
        generated_at=timezone.make_aware(datetime.datetime(2021, 12, 22, 9, 0)),
    )
    PaperVersionFactory(paper=issued.paper, status=PaperVersion.Status.FAILED)
    old = anonymous.get(f"/v/{issued.version.code}/")
    assert shown(old, "state") == (
        "Đã được thay thế bằng bản mới hơn "
        "Bản mới hơn được tạo ngày 22/12/2021; hãy đối chiếu với bản đó."
    )
    assert shown(anonymous.get(f"/v/{later.code}/"), "state") == "Có hiệu lực"


def test_a_failed_or_queued_later_version_replaces_nothing(issued):
    PaperVersionFactory(paper=issued.paper, status=PaperVersion.Status.QUEUED, sha256="")
    PaperVersionFactory(paper=issued.paper, status=PaperVersion.Status.FAILED, sha256="")
    assert verification_of(issued.version.code).state == State.VALID


def test_a_revoked_version_shows_the_date_and_the_reason(anonymous, issued):
    issued.version.revoked_at = timezone.make_aware(datetime.datetime(2022, 1, 5, 10, 0))
    issued.version.revoke_reason = "Số liệu của một đơn vị không đúng"
    issued.version.save()
    PaperVersionFactory(paper=issued.paper, content=b"%PDF later")
    response = anonymous.get(f"/v/{issued.version.code}/")
    assert response.status_code == 200
    assert shown(response, "state") == (
        "Đã bị thu hồi Thu hồi ngày 05/01/2022. Lý do: Số liệu của một đơn vị không đúng"
    )


@pytest.mark.parametrize(
    "code",
    [
        "forged",  # a well-formed code that no paper carries: see the test body
        "ABC",
        "ABCDEFGHJKMNP",
        "ABCDEFGHJK0O",
        "ABCDEFGHJK1L",
        "%3Cscript%3E",
        "ĐĐĐĐĐĐĐĐĐĐĐĐ",
    ],
)
def test_a_forged_or_malformed_code_gets_the_same_neutral_404(anonymous, issued, code):
    if code == "forged":
        code = new_verification_code()
    baseline = anonymous.get(f"/v/{new_verification_code()}/")
    response = anonymous.get(f"/v/{code}/")
    assert (response.status_code, baseline.status_code) == (404, 404)
    assert page_of(response) == page_of(baseline)
    html = response.content.decode()
    assert NOT_FOUND in html
    assert "verify-sha256" not in html


def test_a_version_not_yet_built_is_not_verifiable(anonymous, issued):
    queued = PaperVersionFactory(paper=issued.paper, status=PaperVersion.Status.QUEUED, sha256="")
    response = anonymous.get(f"/v/{queued.code}/")
    assert response.status_code == 404
    assert page_of(response) == page_of(anonymous.get(f"/v/{new_verification_code()}/"))


def test_a_draft_is_neither_verifiable_nor_a_replacement(anonymous, issued):
    draft = PaperVersionFactory(paper=issued.paper, issued=False, content=b"%PDF-1.7 draft")
    response = anonymous.get(f"/v/{draft.code}/")
    assert response.status_code == 404
    assert page_of(response) == page_of(anonymous.get(f"/v/{new_verification_code()}/"))
    assert verification_of(issued.version.code).state == State.VALID


def test_a_code_typed_in_lower_case_with_dashes_leads_to_the_paper(anonymous, issued):
    code = issued.version.code
    typed = f"{code[:4]}-{code[4:8]} {code[8:]}".lower()
    response = anonymous.get("/v/", {"code": typed})
    assert (response.status_code, response["Location"]) == (302, f"/v/{code}/")
    assert anonymous.get(f"/v/{code.lower()}/").status_code == 200


def test_the_code_form_asks_for_a_code(anonymous):
    page = anonymous.get("/v/")
    assert page.status_code == 200 and 'name="code"' in page.content.decode()
    response = anonymous.get("/v/", {"code": " - "})
    assert "Hãy nhập mã xác thực in trên văn bản." in response.content.decode()


def test_uploading_the_issued_bytes_says_they_match(anonymous, issued):
    upload = SimpleUploadedFile("to-trinh.pdf", PDF, content_type="application/pdf")
    response = anonymous.post(f"/v/{issued.version.code}/", {"file": upload})
    assert response.status_code == 200
    assert shown_match(response) == "Tệp khớp với văn bản đã ban hành: cùng mã SHA-256."


def test_uploading_other_bytes_says_they_do_not_match(anonymous, issued):
    tampered = PDF.replace(b"issued", b"isSued")
    upload = SimpleUploadedFile("to-trinh.pdf", tampered, content_type="application/pdf")
    response = anonymous.post(f"/v/{issued.version.code}/", {"file": upload})
    assert shown_match(response).startswith("Tệp KHÔNG khớp với văn bản đã ban hành")


def test_a_file_over_the_upload_limit_is_refused_and_not_hashed(anonymous, issued, settings):
    settings.EVIDENCE_MAX_BYTES = len(PDF) - 1
    upload = SimpleUploadedFile("to-trinh.pdf", PDF, content_type="application/pdf")
    html = anonymous.post(f"/v/{issued.version.code}/", {"file": upload}).content.decode()
    assert "Tệp lớn hơn mức cho phép" in html
    assert 'id="verify-match"' not in html


def test_the_file_check_needs_the_csrf_token(issued):
    client = Client(enforce_csrf_checks=True)
    upload = SimpleUploadedFile("to-trinh.pdf", PDF, content_type="application/pdf")
    assert client.post(f"/v/{issued.version.code}/", {"file": upload}).status_code == 403


def test_uploading_to_a_missing_code_says_only_not_found(anonymous, issued):
    upload = SimpleUploadedFile("to-trinh.pdf", PDF, content_type="application/pdf")
    response = anonymous.post(f"/v/{new_verification_code()}/", {"file": upload})
    assert response.status_code == 404
    assert 'id="verify-match"' not in response.content.decode()


def test_after_the_rate_limit_the_page_answers_429(anonymous, issued, settings):
    settings.VERIFY_RATE = "3/m"
    statuses = [anonymous.get(f"/v/{issued.version.code}/").status_code for _ in range(3)]
    limited = anonymous.get(f"/v/{new_verification_code()}/")
    assert statuses == [200, 200, 200]
    assert limited.status_code == 429
    html = limited.content.decode()
    assert "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn." in html
    assert NOT_FOUND not in html and "verify-sha256" not in html
    assert anonymous.get("/v/").status_code == 429  # the form counts too


def test_the_limit_counts_per_client_address(issued, settings):
    settings.VERIFY_RATE = "1/m"
    first, second = Client(REMOTE_ADDR="203.0.113.1"), Client(REMOTE_ADDR="203.0.113.2")
    assert first.get(f"/v/{issued.version.code}/").status_code == 200
    assert first.get(f"/v/{issued.version.code}/").status_code == 429
    assert second.get(f"/v/{issued.version.code}/").status_code == 200


def test_the_page_reads_in_english_when_chosen(anonymous, issued):
    anonymous.cookies["django_language"] = "en"
    response = anonymous.get(f"/v/{issued.version.code}/")
    html = response.content.decode()
    assert "Verify a document" in html
    assert shown(response, "state") == "In force"
    missing = anonymous.get(f"/v/{new_verification_code()}/").content.decode()
    assert "No document was found with this code." in missing
    translation.activate("vi")


def shown_match(response):
    found = re.search(r'id="verify-match">(.*?)</div>', response.content.decode(), re.S)
    return " ".join(found.group(1).split())


def test_checking_without_a_file_asks_for_one(anonymous, issued):
    response = anonymous.post(f"/v/{issued.version.code}/", {})
    assert response.status_code == 200
    assert "Hãy chọn tệp cần đối chiếu." in response.content.decode()
    assert 'id="verify-match"' not in response.content.decode()
