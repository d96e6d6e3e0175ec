"""Page fragments rendered once per data version: the cluster page's panels, the ranking.

A fragment's key holds the data version of what it shows (``clusters.data_version``: bumped
in the transaction of every write, read before the fragment's data), the language, ``vary``:
whatever about the viewer changes the markup (a right that shows a button), and the code that
renders it (``code_version``: a deploy never serves what the previous release rendered). So a
cached fragment is never older than the data, and never shows one user's buttons to another.
A fragment with a form is rendered with ``CSRF_SLOT`` as its token, and each page puts its own
in (``with_csrf_token``; a NUL character cannot come from a form, so no name can hold the
slot). The cache may be down: the fragment is then rendered (``emulation.cache``).

A database restored from a backup gives out data versions again: empty the cache after a
restore (docs/deployment.md)."""

import hashlib
from functools import cache as once
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

CSRF_SLOT = "\x00csrf\x00"


@once
def code_version():
    """A digest of everything that renders a fragment: the project's Python modules,
    templates and compiled translations (read once per process, a few milliseconds)."""
    roots = [
        Path(a.path) for a in apps.get_app_configs() if Path(a.path).parent == settings.BASE_DIR
    ]
    roots += [settings.BASE_DIR / "templates", settings.BASE_DIR / "locale"]
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".html", ".mo") and "tests" not in path.parts:
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def fragment_key(name, version, *vary):
    state = repr((code_version(), version, get_language(), vary))
    return f"fragment:{name}:{hashlib.sha256(state.encode()).hexdigest()[:40]}"


def cached_value(name, version, *vary, compute):
    """What ``compute()`` returns (anything the cache can pickle, never None), from the cache
    when it was computed for this version before; computed each time when ``version`` is
    None (nothing keys it)."""
    if version is None:
        return compute()
    key = fragment_key(name, version, *vary)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
    return value


def cached_fragment(name, version, *vary, render):
    """The HTML ``render()`` returns, from the cache when this version was rendered before."""
    html = cached_value(name, version, *vary, compute=lambda: str(render()))
    return mark_safe(html)  # rendered by the site's own templates


def with_csrf_token(request, html):
    """``html`` (a fragment rendered with ``CSRF_SLOT``) with the request's own CSRF token."""
    return mark_safe(html.replace(CSRF_SLOT, get_token(request)))  # our own markup
