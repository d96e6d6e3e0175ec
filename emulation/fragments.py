"""Page fragments rendered once per data version: the cluster page's panels, the ranking.

A fragment's key holds the data version of what it shows (``clusters.data_version``: bumped
in the transaction of every write, read before the fragment's data), the language, and
``vary``: whatever about the viewer changes the markup (a right that shows a button). So a
cached fragment is never older than the data, and never shows one user's buttons to another.
Forms are left out of fragments (a CSRF token is per session). The cache may be down: the
fragment is then rendered (``emulation.cache``)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language


def fragment_key(name, version, *vary):
    digest = hashlib.sha256(repr((version, get_language(), vary)).encode()).hexdigest()
    return f"fragment:{name}:{digest[:40]}"


def cached_fragment(name, version, *vary, render):
    """The HTML ``render()`` returns, from the cache when this version was rendered before."""
    key = fragment_key(name, version, *vary)
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return mark_safe(html)  # rendered by the site's own templates
