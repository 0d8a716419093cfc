"""Shared set-up for the public site tests."""

import pytest
from django.core.cache import cache

from newsroom.articles.models import TranslationProgress

from .factories import make_article


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def make_bilingual(**overrides):
    """A published update in English with a reviewed Dutch translation."""
    return make_article(
        published=True,
        translated=True,
        translation_progress=TranslationProgress.REVIEWED,
        **overrides,
    )
