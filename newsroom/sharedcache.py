"""The shared cache for things that can be recomputed: it fails open.

Taxonomy counts and the marks of queued export builds are kept in Django's default cache
(Redis in production). When that cache is unreachable they are computed afresh (an
export build is queued once more) instead of failing the page: a Redis outage must cost
speed, never errors. Presence lists fail open the same way in ``presence.py``, which
also deletes entries.
Page caching has its own store with its own outage handling (``newsroom.pagecache``).
"""

import logging

from django.core.cache import cache

log = logging.getLogger(__name__)
_logged = False


def _failed(action, key, error):
    global _logged
    if not _logged:  # once per process, not once per request
        log.warning(
            "shared cache unreachable (%s %s): %s; computing without it", action, key, error
        )
        _logged = True


def _recovered():
    global _logged
    _logged = False


def get(key, default=None):
    try:
        value = cache.get(key, default)
    except Exception as error:  # the backend's own errors (redis.ConnectionError, ...)
        _failed("get", key, error)
        return default
    _recovered()
    return value


def set(key, value, timeout):  # noqa: A001 - mirrors the cache API
    try:
        cache.set(key, value, timeout)
    except Exception as error:
        _failed("set", key, error)


def add(key, value, timeout):
    """Set ``key`` unless it is set; True when set. True also while the cache is
    unreachable: what it guards (a job not enqueued twice) then happens once more."""
    try:
        added = cache.add(key, value, timeout)
    except Exception as error:
        _failed("add", key, error)
        return True
    _recovered()
    return added


def delete(key):
    try:
        cache.delete(key)
    except Exception as error:
        _failed("delete", key, error)
