import pytest
from django.conf import settings
from django.utils import translation

IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Tasks run at once, in the test (tests/ops/test_queue.py uses the real queue)."""
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture(autouse=True)
def _no_login_throttling(settings):
    """Login throttling counts across tests; tests/ops/test_login_throttle.py turns it on."""
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files and built exports go to a throwaway folder, never the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.NEWSROOM_EXPORTS_ROOT = tmp_path / "exports"


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language, whatever the previous one activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
