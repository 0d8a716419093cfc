"""Cached public pages are answered early, once per URL that matters, and never hide an
editor's own view of the site."""

import pytest
from django.test import Client

from newsroom.articles.models import Article
from tests.articles.factories import make_article, make_topic, make_user

pytestmark = pytest.mark.django_db

CALLS = []


class RecordingMiddleware:
    """Stands where sessions, CSRF and auth run: a hit must never get this far."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        CALLS.append(request.get_full_path())
        return self.get_response(request)


@pytest.fixture
def recorded(settings):
    chain = list(settings.MIDDLEWARE)
    chain.insert(chain.index("newsroom.pagecache.middleware.PageCacheMiddleware") + 1,
                 f"{__name__}.RecordingMiddleware")  # fmt: skip
    settings.MIDDLEWARE = chain
    CALLS.clear()
    return CALLS


def published(**fields):
    return make_article(published=True, **fields)


def test_a_hit_and_a_304_are_answered_before_sessions_csrf_and_auth(client, recorded):
    update = published()
    url = update.get_absolute_url("en")
    first = client.get(url)
    assert first.status_code == 200 and recorded == [url]
    hit = client.get(url)
    assert hit.status_code == 200 and hit.content == first.content
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]
    assert recorded == [url]  # neither reached the session middleware
    for response in (hit, not_modified):
        assert "Set-Cookie" not in response.headers and not response.cookies
        assert "Cookie" not in response.get("Vary", "")
    # The headers the whole chain set are kept with the page.
    assert hit["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY" and hit["Cache-Control"] == first["Cache-Control"]


def test_a_reader_with_a_csrf_cookie_still_gets_the_cached_page(client, recorded):
    url = published().get_absolute_url("en")
    client.get(url)
    client.cookies["csrftoken"] = "x" * 32
    response = client.get(url)
    assert response.status_code == 200 and recorded == [url]
    assert "Set-Cookie" not in response.headers


def test_tracking_and_unknown_parameters_neither_render_afresh_nor_reach_the_page(
    client, django_assert_num_queries
):
    topic = make_topic(slug="agents")
    for n in range(21):
        published(title_en=f"Listed {n}").topics.add(topic)
    first = client.get("/en/updates/?utm_source=mail&utm_campaign=x&topic=agents&fbclid=1")
    html = first.content.decode()
    assert first.status_code == 200 and "utm_" not in html and "fbclid" not in html
    assert 'href="?topic=agents&amp;page=2"' in html
    with django_assert_num_queries(0):
        again = client.get("/en/updates/?topic=agents")
        other = client.get("/en/updates/?topic=agents&utm_medium=social&ref=hn&_=12345")
    assert again.content == first.content == other.content
    # A parameter a page does not read is ignored the same way.
    client.get("/en/")
    with django_assert_num_queries(0):
        assert client.get("/en/?page=7&q=anything").status_code == 200
    # The parameters a page reads still make different pages.
    assert client.get("/en/updates/?topic=agents&page=2").content != first.content


def test_a_signed_in_editor_sees_the_live_site_and_never_fills_the_cache(client):
    update = published(title_en="First headline")
    url = update.get_absolute_url("en")
    assert "First headline" in client.get(url).content.decode()  # cached for readers
    Article.objects.filter(pk=update.pk).update(title_en="Second headline")  # no invalidation

    editor = Client()
    editor.force_login(make_user("Editor"))
    assert "Second headline" in editor.get(url).content.decode()  # not the cached page
    assert "First headline" in client.get(url).content.decode()  # readers: still cached

    # What an editor was shown is never stored for readers.
    Article.objects.filter(pk=update.pk).update(title_en="Third headline")
    assert "Third headline" in editor.get("/en/").content.decode()
    Article.objects.filter(pk=update.pk).update(title_en="Fourth headline")
    assert "Fourth headline" in Client().get("/en/").content.decode()


def test_an_unknown_session_cookie_is_served_from_the_cache(client, django_assert_num_queries):
    url = published().get_absolute_url("en")
    client.get(url)
    client.cookies["sessionid"] = "not-a-real-session"
    with django_assert_num_queries(1):  # the session read, not a render
        response = client.get(url)
    assert response.status_code == 200 and "Set-Cookie" not in response.headers


def test_with_the_database_down_a_session_cookie_still_gets_the_cached_page(client, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    url = published(title_en="Cached before the outage").get_absolute_url("en")
    client.get(url)

    def lost(self):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionStore, "load", lost)
    client.cookies["sessionid"] = "an-editors-session"
    response = client.get(url)
    assert response.status_code == 200 and "Cached before the outage" in response.text


def test_static_files_never_cost_a_cache_lookup(client, monkeypatch):
    from newsroom.pagecache import store

    lookups = []
    monkeypatch.setattr(store.PageStore, "lookup", lambda self, key: lookups.append(key))
    client.get("/static/css/site.css")
    assert lookups == []


def test_with_https_required_plain_http_is_redirected_never_answered_from_the_cache(
    client, settings
):
    url = published().get_absolute_url("en")
    assert client.get(url).status_code == 200  # cached while plain HTTP was allowed
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get(url)
    assert response.status_code == 301 and response["Location"].startswith("https://")
