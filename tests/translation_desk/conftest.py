import pytest
from django.core.cache import cache

from .fake_deepl import FakeDeepL


@pytest.fixture
def fake_deepl(settings):
    """DeepL turned on and pointed at a local stand-in; fast failures, no retries."""
    server = FakeDeepL().start()
    settings.DEEPL_AUTH_KEY = "test-key"
    settings.DEEPL_SERVER_URL = server.url
    settings.DEEPL_TIMEOUT_SECONDS = 1.0
    settings.DEEPL_RETRIES = 0
    cache.clear()
    yield server
    server.stop()
    cache.clear()


@pytest.fixture(autouse=True)
def _no_deepl_by_default(settings):
    settings.DEEPL_AUTH_KEY = ""
    settings.DEEPL_SERVER_URL = ""
