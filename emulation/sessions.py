"""The session engine when Redis is configured (``SESSION_ENGINE``): Django's ``cached_db``
(read from the cache, kept in the database), with the cached copy kept at most
``SESSION_CACHE_SECONDS``. The cache fails open (``emulation.cache``): during an outage a
logout deletes the database row but may miss the cached copy, which must then not outlive
the outage by more than that (Django would keep it as long as the session)."""

from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore


class _Capped:
    def __init__(self, cache):
        self._cache = cache

    def set(self, key, value, timeout):
        self._cache.set(key, value, min(timeout, settings.SESSION_CACHE_SECONDS))

    def __contains__(self, key):
        return key in self._cache

    def __getattr__(self, name):
        return getattr(self._cache, name)


class SessionStore(CachedDBStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _Capped(self._cache)
