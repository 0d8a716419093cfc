"""The cached original: readers open the sanitised cached copy only when its source allows it;
the page is not for search engines and points to the original."""

import datetime

import pytest
from django.utils import timezone

from .factories import make_source
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db

CACHED_AT = datetime.datetime(2026, 5, 8, 9, 31, tzinfo=datetime.UTC)


def update_from(source, **overrides):
    fields = {
        "source": source,
        "original_url": "https://publisher.example/next-phase",
        "original_title": "The next phase of the partnership",
        "original_text": "<p>Amended terms <script>alert(1)</script>bring "
        "<a href='/x'>clarity</a>.</p><p onclick=\"steal()\">Second paragraph.</p>",
        "original_cached_at": CACHED_AT,
    }
    return make_bilingual(**(fields | overrides))


def original_url(article, lang="en"):
    return article.get_absolute_url(lang) + "original/"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_source_that_allows_it_shows_the_cached_copy(client, lang):
    article = update_from(make_source(show_cached_original=True))
    page = client.get(article.get_absolute_url(lang)).content.decode()
    assert f'href="{original_url(article, lang)}"' in page
    response = client.get(original_url(article, lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Amended terms" in html and "Second paragraph." in html
    assert "The next phase of the partnership" in html
    assert 'datetime="2026-05-08T' in html
    assert ("Cached at" if lang == "en" else "Gecachet op") in html
    assert 'href="https://publisher.example/next-phase"' in html
    assert 'href="https://publisher.example/x"' in html  # links made absolute


def test_the_cached_copy_is_noindex_with_a_canonical_to_the_original(client):
    article = update_from(make_source(show_cached_original=True))
    for _ in range(2):  # generated, then from the cache: the header stays
        response = client.get(original_url(article))
        assert response["X-Robots-Tag"] == "noindex"
        html = response.content.decode()
        assert '<meta name="robots" content="noindex">' in html
        assert '<link rel="canonical" href="https://publisher.example/next-phase">' in html
        assert '<link rel="alternate" hreflang' not in html


def test_the_cached_copy_is_sanitised_again_when_shown(client):
    article = update_from(make_source(show_cached_original=True))
    main = client.get(original_url(article)).content.decode().split("<main", 1)[1]
    assert "<script" not in main and "onclick" not in main and "alert(1)" not in main


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_by_default_a_source_keeps_its_original_to_the_newsroom(client, lang):
    source = make_source()
    assert source.show_cached_original is False
    article = update_from(source)
    assert "original/" not in client.get(article.get_absolute_url(lang)).content.decode()
    assert client.get(original_url(article, lang)).status_code == 404


def test_no_copy_no_source_or_no_published_update_is_a_404(client):
    allowing = make_source(show_cached_original=True)
    empty = update_from(allowing, original_text="")
    assert client.get(original_url(empty)).status_code == 404
    sourceless = update_from(None)
    assert client.get(original_url(sourceless)).status_code == 404
    later = update_from(allowing, publish_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(original_url(later)).status_code == 404


def test_turning_the_setting_off_hides_the_copy_at_once(client, django_capture_on_commit_callbacks):
    source = make_source(show_cached_original=True)
    article = update_from(source)
    assert client.get(original_url(article)).status_code == 200
    source.show_cached_original = False
    with django_capture_on_commit_callbacks(execute=True):
        source.save()
    assert client.get(original_url(article)).status_code == 404
    assert "original/" not in client.get(article.get_absolute_url("en")).content.decode()


def test_editors_find_the_setting_on_the_source_form(client):
    from .factories import make_user

    source = make_source()
    client.force_login(make_user("Editor", is_superuser=True))
    html = client.get(f"/admin/articles/source/{source.pk}/change/").content.decode()
    assert 'name="show_cached_original"' in html
    assert 'name="show_cached_original" checked' not in html
