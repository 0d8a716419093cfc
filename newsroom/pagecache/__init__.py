"""The shared cache for anonymous public pages, answered before the session middleware.

- ``middleware.py``: ``PageCacheMiddleware`` serves hits and 304s early and stores the
  pages views mark as public (``mark_public``).
- ``store.py``: where pages live (Redis through one kept connection pool, or Django's
  local cache), the generation that retires them, and what happens when Redis is down.
- ``keys.py``: the cache key of a request (only the query parameters pages read).
- ``models.py``: invalidations that could not reach the cache, replayed when it returns.

Imports nothing from the other apps; ``newsroom.articles.caching`` builds on it.
"""
