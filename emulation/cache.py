"""The cache fails open: Django's Redis backend, except that a Redis that cannot be reached
is a cache that holds nothing. A read returns its default, a write is dropped (a cached
fragment is rendered again, a session read from the database), and the process leaves Redis
alone for ``RETRY_AFTER`` seconds, so an outage costs one failed connection per process and
interval, not one per call. Nothing stored here is the only copy of anything: sessions are
kept in the database too (``cached_db``), fragments are rendered from it."""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_AFTER = 5.0  # seconds


def _fail_open(default):
    def decorate(method):
        @wraps(method)
        def call(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return default(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                self._down_until = time.monotonic() + RETRY_AFTER
                logger.warning("cache unreachable, rendering without it: %s", error)
                return default(*args, **kwargs)

        return call

    return decorate


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _missing(key, default=None, version=None):
    return default


def _not_counted(*args, **kwargs):
    raise ValueError("the cache is unreachable")  # as incr() of a key that is not there


def _none_stored(data, *args, **kwargs):
    return list(data)  # set_many: the keys that were not set


class _OneClientPerPool(RedisCacheClient):
    """Django makes a ``redis.Redis`` at every call (its response callbacks: a fifth of a
    millisecond); one per connection pool serves them all (it is thread-safe)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool
        self._down_until = 0.0

    add = _fail_open(_false)(RedisCache.add)
    get = _fail_open(_missing)(RedisCache.get)
    set = _fail_open(_nothing)(RedisCache.set)
    touch = _fail_open(_false)(RedisCache.touch)
    delete = _fail_open(_false)(RedisCache.delete)
    get_many = _fail_open(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _fail_open(_false)(RedisCache.has_key)
    incr = _fail_open(_not_counted)(RedisCache.incr)
    set_many = _fail_open(_none_stored)(RedisCache.set_many)
    delete_many = _fail_open(_nothing)(RedisCache.delete_many)
    clear = _fail_open(_false)(RedisCache.clear)
