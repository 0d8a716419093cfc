import contextlib
import time

import pytest
import redis
from django.core.cache import cache

from newsroom.pagecache import store

from .redis_server import ThrowawayRedis


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    store.reset_store()
    yield
    with contextlib.suppress(redis.RedisError):  # a test's own Redis may be gone already
        cache.clear()
    store.reset_store()


@pytest.fixture
def redis_server():
    server = ThrowawayRedis().start()
    yield server
    server.remove()


class FakeClock:
    def __init__(self):
        self.now = time.monotonic()

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def use_redis(redis_server, settings):
    """Pages and feedback limits in the throwaway Redis, the store's clock in our hands."""
    settings.PAGE_CACHE_URL = redis_server.url
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    clock = FakeClock()
    page_store = store.get_store()
    page_store.clock = clock
    return redis_server, page_store, clock
