"""Year-end summary reports: what they say (``data``), who may see them (``access``), how
they are requested and built (``services``, ``build``), and their pages (``views``)."""
