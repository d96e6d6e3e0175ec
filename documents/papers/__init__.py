"""The content of each paper of the dossier, as PDF and DOCX (docs/domain.md §5): one module
per kind (``cover``, ``minutes``, ``achievement``, ``decision``, ``upward``) registered in
``registry.SPECS``; ``paper_context`` reads a paper's full content, ``render_paper`` makes
its files."""

from documents.papers.registry import paper_context, paper_data_version, sections_of
from documents.papers.render import PaperFiles, render_paper

__all__ = [
    "PaperFiles",
    "paper_context",
    "paper_data_version",
    "render_paper",
    "sections_of",
]
