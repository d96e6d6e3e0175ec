"""The state of a record shows as one badge, with one colour per state, on every page."""

import pytest

from awards.models import MeetingLine, Nomination, Proposal
from clusters.models import Pledge, Vote
from documents.models import ReportVersion
from documents.selectors import State, Verification
from emulation.models_imports import ImportBatch
from emulation.templatetags.states import state_badge


@pytest.mark.parametrize(
    ("record", "html"),
    [
        (
            Pledge(state="locked"),
            '<span class="badge text-bg-dark fs-6" id="pledge-state">Đã khóa</span>',
        ),
        (Vote(state="open"), '<span class="badge text-bg-warning">Đang kiểm phiếu</span>'),
        (Vote(state="closed"), '<span class="badge text-bg-success">Đã kết thúc</span>'),
        (Proposal(state="returned"), '<span class="badge text-bg-warning">Bị trả lại</span>'),
        (Proposal(state="draft"), '<span class="badge text-bg-secondary">Dự thảo</span>'),
    ],
)
def test_a_state_has_one_colour_everywhere(record, html):
    size, ident = ("fs-6", "pledge-state") if isinstance(record, Pledge) else ("", "")
    assert state_badge(record, id=ident, size=size) == html


@pytest.mark.parametrize(
    ("record", "field", "html"),
    [
        (
            Nomination(outcome="approved"),
            "outcome",
            '<span class="badge text-bg-success">Đồng ý</span>',
        ),
        (
            Nomination(outcome="pending"),
            "outcome",
            '<span class="badge text-bg-secondary">Chờ xét</span>',
        ),
        (
            MeetingLine(result="tie"),
            "result",
            '<span class="badge text-bg-warning">'
            "Bằng phiếu: chờ Chủ tịch Hội đồng quyết định</span>",
        ),
        (
            MeetingLine(result="outranked"),
            "result",
            '<span class="badge text-bg-danger">Đạt ngưỡng nhưng vượt số lượng</span>',
        ),
        (ReportVersion(status="failed"), "status", '<span class="badge text-bg-danger">Lỗi</span>'),
        (
            ImportBatch(status="done"),
            "status",
            '<span class="badge text-bg-success">Đã ghi</span>',
        ),
        (
            Verification(None, State.REPLACED),
            "state",
            '<span class="badge text-bg-warning">Đã được thay thế bằng bản mới hơn</span>',
        ),
    ],
)
def test_a_status_outcome_or_result_has_one_colour_everywhere(record, field, html):
    assert state_badge(record, field=field) == html
