"""Every kind of paper and the one function that reads a paper's full content:
``paper_context`` (plain data, always in Vietnamese: the document is official and its
``data_version`` must not depend on the reader's language)."""

import hashlib
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from documents.models import Paper
from documents.papers import achievement, cover, decision, minutes, upward
from documents.papers.common import document

SPECS = {
    Paper.Kind.COVER_SUBMISSION: cover.SPEC,
    Paper.Kind.MINUTES: minutes.SPEC,
    Paper.Kind.ACHIEVEMENT_REPORT: achievement.SPEC,
    Paper.Kind.DECISION: decision.SPEC,
    Paper.Kind.UPWARD_SUBMISSION: upward.SPEC,
}


@dataclass(frozen=True)
class PaperParts:
    """What the edit page of a paper shows: the sections a person writes (``Section``: key,
    label, help text, the default drawn from the data), the document settings a blank field
    stands for, the data read, and the left signature (None: the recipients stand there)."""

    sections: list
    defaults: dict
    data: dict
    left_signature: dict | None


def paper_parts(paper):
    spec = SPECS[paper.kind]
    with translation.override("vi"):
        data = spec.read(paper)
        return PaperParts(
            sections=spec.sections(paper, data),
            defaults=spec.defaults(paper, data),
            data=data,
            left_signature=spec.left_signature(data),
        )


def paper_summary(paper):
    """The summary line the register records: the paper's own, else its kind's default, read
    without the rest of the paper (in Vietnamese: the register is official)."""
    if paper.summary:
        return paper.summary
    with translation.override("vi"):
        return SPECS[paper.kind].summary(paper) or str(paper)


def sections_of(paper):
    """The sections a person writes in this paper, in order."""
    return paper_parts(paper).sections


def paper_context(paper, *, number_label="", verification=None):
    """Everything the paper prints: ``data`` (read through the apps' selectors), ``doc``
    (header, title and signature lines), ``body`` and ``annex`` (blocks), ``left_signature``
    and ``verification`` (``code``, ``url``, ``qr_svg``) when given. ``number_label`` is the
    issued number and symbol ("15/TTr-CTĐ2"); blank before issue ("Số:      /TTr-CTĐ2")."""
    spec = SPECS[paper.kind]
    with translation.override("vi"):
        data = spec.read(paper)
        sections = spec.sections(paper, data)
        texts = {s.key: paper.sections.get(s.key, s.default) for s in sections}
        doc = document(
            paper, spec.defaults(paper, data), number_label=number_label, doc_type=spec.doc_type
        )
        return {
            "kind": paper.kind,
            "template": spec.template,
            "data": data,
            "doc": doc,
            "body": spec.body(data, texts),
            "annex": spec.annex(data, doc),
            "left_signature": spec.left_signature(data),
            "verification": verification,
        }


def paper_data_version(context):
    """A SHA-256 of everything the paper prints but its verification code (each version has
    its own): the same data gives the same hash."""
    data = {k: v for k, v in context.items() if k != "verification"}
    payload = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()
