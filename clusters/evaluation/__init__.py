"""Year-end evaluation of a cluster-year (docs/domain.md §3): scoring tables, the score
grid with evidence, the ranking, the nomination vote and the minutes that freeze them.

Writes are services (``<entity>_<action>``, keyword-only, atomic, audited); reads are the
selectors in ``ranking.py`` and ``tables.py``."""
