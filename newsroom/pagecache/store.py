"""Where cached pages live, the generation that retires them, and Redis outages.

A page is stored under its key (``keys.py``) with the generation it was rendered at
written in front of it. A lookup is one round trip (``MGET generation page``): the page
counts only if its generation is the current one. Retiring every page is one write
(the generation moves on), so it is immediate for every app server sharing Redis.

When Redis cannot be reached, pages are served uncached: the failure is logged once,
Redis is not asked again for ``RETRY_SECONDS``, and an invalidation that could not
reach it is counted in the database (``MissedInvalidations``). Once Redis answers
again, the count is compared with the one Redis last applied and, if it moved, every
page is retired; so a page cached before an outage never outlives a publish made
during it, whether Redis comes back with its data or empty. Each process does that
check when it sees Redis return, and every ``PAGE_CACHE_RESYNC_SECONDS`` anyway (for a
publish made by a process that has since exited).

Without ``PAGE_CACHE_URL`` (a laptop, the tests) pages live in Django's default cache.
"""

import json
import logging
import time
from dataclasses import dataclass

import redis
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from redis.backoff import NoBackoff
from redis.retry import Retry

from . import resp

logger = logging.getLogger(__name__)

RETRY_SECONDS = 2.0  # after a failure, how long pages skip Redis before trying again
GENERATION = "pages:generation"
APPLIED = "pages:missed-applied"  # the MissedInvalidations count last applied

# The next generation: one more than the current, and never less than the time in
# microseconds, so a generation lost with an emptied Redis is never handed out again.
BUMP = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
local new = current + 1
if now > new then new = now end
redis.call('SET', KEYS[1], string.format('%d', new))
return new
"""
RESYNC = """
if redis.call('GET', KEYS[2]) == ARGV[2] and redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
local new = current + 1
if now > new then new = now end
redis.call('SET', KEYS[1], string.format('%d', new))
redis.call('SET', KEYS[2], ARGV[2])
return 1
"""


def _now_us():
    return time.time_ns() // 1000


@dataclass(frozen=True)
class Page:
    """A stored response: status, headers (ETag included) and body."""

    status: int
    headers: list
    body: bytes

    @property
    def etag(self):
        for name, value in self.headers:
            if name == "ETag":
                return value
        return ""

    def encode(self, generation):
        meta = json.dumps([self.status, self.headers], separators=(",", ":"))
        return b"%s\n%s\n%s" % (generation, meta.encode(), self.body)

    @classmethod
    def decode(cls, raw, generation):
        """The page in ``raw`` if it was stored at ``generation``, else None."""
        if raw is None or generation is None:
            return None
        stored_at, _, rest = raw.partition(b"\n")
        if stored_at != generation:
            return None
        meta, _, body = rest.partition(b"\n")
        status, headers = json.loads(meta)
        return cls(status, headers, body)


class PageStore:
    """The shared logic; subclasses supply the five cache operations."""

    errors = (redis.RedisError, OSError)  # what "the cache is unreachable" looks like
    clock = staticmethod(time.monotonic)

    def __init__(self, resync_seconds=None):
        self.resync_seconds = resync_seconds
        self._down_until = 0.0
        self._was_down = False
        self._next_resync = self.clock() + resync_seconds if resync_seconds else None
        self._database_retry_at = 0.0  # a failed database read is retried after this

    # What the middleware and the views call --------------------------------------

    def lookup(self, key):
        """(generation, Page or None); the generation is None when the cache is down."""
        if not self._usable():
            return None, None
        try:
            if (self._was_down and self.clock() >= self._database_retry_at) or (
                self._needs_resync()
            ):
                self._resync()
            generation, raw = self._get(key)
            if generation is None:  # a new or emptied cache
                generation = self._bump()
        except self.errors as exc:
            self._failed(exc)
            return None, None
        return generation, Page.decode(raw, generation)

    def generation(self):
        """The current generation (str), for other caches retired with the pages; None
        while the cache is down."""
        generation, _page = self.lookup("")
        return None if generation is None else generation.decode()

    def save(self, key, generation, page, timeout):
        if generation is None or not self._usable():
            return
        try:
            self._set(key, page.encode(generation), timeout)
        except self.errors as exc:
            self._failed(exc)

    def invalidate(self):
        """Retire every page; if the cache cannot be reached, count it in the database."""
        if self._usable():
            try:
                self._bump()
            except self.errors as exc:
                self._failed(exc)
            else:
                return
        self._was_down = True  # this process lost one: check again once the cache answers
        from .models import MissedInvalidations

        try:
            MissedInvalidations.record()
        except DatabaseError:
            logger.exception("A public page invalidation was lost: neither cache nor database")

    # Outage bookkeeping -----------------------------------------------------------

    def _usable(self):
        return self.clock() >= self._down_until

    def _failed(self, exc):
        if not self._was_down:
            logger.warning("Page cache unreachable, serving public pages uncached: %s", exc)
        self._was_down = True
        self._down_until = self.clock() + RETRY_SECONDS

    def _needs_resync(self):
        return self._next_resync is not None and self.clock() >= self._next_resync

    def _resync(self):
        """Retire every page if invalidations were missed since the cache last checked."""
        from .models import MissedInvalidations

        if self.resync_seconds:
            self._next_resync = self.clock() + self.resync_seconds
        try:
            missed = MissedInvalidations.current()
        except DatabaseError:
            # Not on every request while the database is down too: pages are served meanwhile.
            self._database_retry_at = self.clock() + RETRY_SECONDS
            logger.exception("Could not read missed page invalidations")
            return
        self._apply_missed(missed)  # raises self.errors while the cache is still down
        if self._was_down:
            logger.warning("Page cache reachable again")
            self._was_down = False

    # Subclasses ---------------------------------------------------------------------

    def _get(self, key):  # -> (generation bytes or None, raw page or None)
        raise NotImplementedError

    def _set(self, key, raw, timeout):
        raise NotImplementedError

    def _bump(self):  # -> the new generation, bytes
        raise NotImplementedError

    def _apply_missed(self, missed):
        raise NotImplementedError


class RedisPageStore(PageStore):
    """Redis through one connection pool kept for the life of the process."""

    errors = (redis.RedisError, OSError, resp.ReplyError, ValueError)

    def __init__(self, url, prefix="", *, timeout=0.5, **kwargs):
        super().__init__(**kwargs)
        self.client = redis.Redis.from_url(
            url,
            socket_connect_timeout=timeout,
            socket_timeout=timeout,
            retry=Retry(NoBackoff(), 1),
            health_check_interval=30,
        )
        self.prefix = f"{prefix}:" if prefix else ""
        self.generation_key = self.prefix + GENERATION
        self.applied_key = self.prefix + APPLIED
        self._bump_script = self.client.register_script(BUMP)
        self._resync_script = self.client.register_script(RESYNC)
        # The hit path's one round trip, without redis-py's overhead (``resp.py``).
        self.reader = resp.Reader(url, timeout) if resp.supports(url) else None

    def _get(self, key):
        keys = (self.generation_key, self.prefix + key)
        if self.reader is not None:
            generation, raw = self.reader.mget(*keys)
        else:
            generation, raw = self.client.mget(*keys)
        return generation, raw

    def close(self):
        self.client.close()
        if self.reader is not None:
            self.reader.close()

    def _set(self, key, raw, timeout):
        self.client.set(self.prefix + key, raw, ex=timeout)

    def _bump(self):
        return str(self._bump_script(keys=[self.generation_key], args=[_now_us()])).encode()

    def _apply_missed(self, missed):
        self._resync_script(keys=[self.generation_key, self.applied_key], args=[_now_us(), missed])


class LocalPageStore(PageStore):
    """Django's default cache (local memory on a laptop and in the tests, where
    ``cache.clear()`` empties it; or whatever ``CACHES`` names, Redis included)."""

    def __init__(self, cache, **kwargs):
        super().__init__(**kwargs)
        self.cache = cache

    def _get(self, key):
        found = self.cache.get_many([GENERATION, key])
        generation = found.get(GENERATION)
        return (None if generation is None else str(generation).encode()), found.get(key)

    def _set(self, key, raw, timeout):
        self.cache.set(key, raw, timeout)

    def _bump(self):
        new = max((self.cache.get(GENERATION) or 0) + 1, _now_us())
        self.cache.set(GENERATION, new, None)
        return str(new).encode()

    def _apply_missed(self, missed):
        if self.cache.get(APPLIED) != missed or self.cache.get(GENERATION) is None:
            self._bump()
            self.cache.set(APPLIED, missed, None)


_store = None


def get_store():
    """The process's page store, made on first use from settings."""
    global _store
    if _store is None:
        url = getattr(settings, "PAGE_CACHE_URL", "")
        resync = getattr(settings, "PAGE_CACHE_RESYNC_SECONDS", None)
        if url:
            prefix = settings.CACHES["default"].get("KEY_PREFIX", "")
            _store = RedisPageStore(url, prefix, resync_seconds=resync)
        else:
            _store = LocalPageStore(caches["default"], resync_seconds=resync)
    return _store


def reset_store(**kwargs):
    """Forget the store (settings changed, e.g. in a test); the next use makes a new one."""
    global _store
    if _store is not None and isinstance(_store, RedisPageStore):
        _store.close()
    _store = None
