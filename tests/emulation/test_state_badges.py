"""The state of a record shows as one badge, with one colour per state, on every page."""

import pytest

from awards.models import Proposal
from clusters.models import Pledge, Vote
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
