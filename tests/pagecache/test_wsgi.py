"""The WSGI fast path (``newsroom.wsgi``): a cached page is answered before Django, with
exactly what the whole middleware chain gave it, and nothing else is."""

import pytest
from django.test import Client
from django.test.client import RequestFactory

from newsroom.pagecache import store
from newsroom.pagecache.wsgi import LOOKED_UP, CachedPages
from tests.articles.factories import make_article, make_user

pytestmark = pytest.mark.django_db


class Django:
    """Stands for the Django application behind the fast path and records what reaches it."""

    def __init__(self):
        self.environs = []

    def __call__(self, environ, start_response):
        self.environs.append(environ)
        start_response("418 I'm a teapot", [])
        return [b"django"]


def call(app, environ):
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


@pytest.fixture
def site():
    """``newsroom.wsgi.application``, Django behind it, inside the test's transaction: like
    Django's test client, the handler must not close the test's database connection when
    a request starts (the client connects that receiver again after each of its own)."""
    from django.core.signals import request_started
    from django.db import close_old_connections

    from newsroom import wsgi

    def application(environ, start_response):
        request_started.disconnect(close_old_connections)
        try:
            return wsgi.application(environ, start_response)
        finally:
            request_started.connect(close_old_connections)

    return application


@pytest.fixture
def fast_path():
    django = Django()
    return CachedPages(django), django


@pytest.fixture
def stored(client):
    """A published update whose page a reader's visit has cached."""
    url = make_article(published=True, title_en="Served early").get_absolute_url("en")
    first = client.get(url)
    assert first.status_code == 200
    return url, first


def environ(url, method="GET", **headers):
    return getattr(RequestFactory(), method.lower())(url, **headers).environ


def test_a_hit_is_answered_without_django_with_the_whole_chains_headers(fast_path, stored):
    app, django = fast_path
    url, first = stored

    status, headers, body = call(app, environ(url))

    assert status == "200 OK" and body == first.content and django.environs == []
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                 "Referrer-Policy", "Permissions-Policy", "Cache-Control", "ETag",
                 "Content-Type", "Content-Language"):  # fmt: skip
        assert headers[name] == first[name], name
    assert "Set-Cookie" not in headers and "Cookie" not in headers.get("Vary", "")


def test_a_revalidation_gets_a_304_and_a_head_gets_no_body(fast_path, stored):
    app, django = fast_path
    url, first = stored

    status, headers, body = call(app, environ(url, HTTP_IF_NONE_MATCH=first["ETag"]))
    assert status == "304 Not Modified" and body == b"" and headers["ETag"] == first["ETag"]
    assert "Content-Type" not in headers

    status, headers, body = call(app, environ(url, method="HEAD"))
    assert status == "200 OK" and body == b"" and headers["ETag"] == first["ETag"]
    assert django.environs == []


def test_tracking_parameters_get_the_cached_page_and_page_parameters_do_not(fast_path, stored):
    app, django = fast_path
    url, first = stored

    assert call(app, environ(url + "?utm_source=mail&fbclid=1"))[2] == first.content
    assert django.environs == []
    assert call(app, environ(url + "?page=2"))[2] == b"django"


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST"},
        {"HTTP_COOKIE": "sessionid=an-editors-session"},  # the middleware checks it
    ],
)
def test_posts_and_session_cookies_go_to_django(fast_path, stored, request_kwargs):
    app, django = fast_path
    url, _first = stored
    assert call(app, environ(url, **request_kwargs))[2] == b"django"
    assert len(django.environs) == 1


def test_other_cookies_still_get_the_cached_page(fast_path, stored):
    app, django = fast_path
    url, first = stored
    assert call(app, environ(url, HTTP_COOKIE="csrftoken=abc; django_language=nl"))[2] == (
        first.content
    )
    assert django.environs == []


def test_static_files_and_plain_http_under_https_only_never_touch_the_cache(
    settings, monkeypatch, stored
):
    lookups = []
    monkeypatch.setattr(store.PageStore, "lookup", lambda self, key: lookups.append(key))
    django = Django()
    app = CachedPages(django)
    assert call(app, environ("/static/css/site.css"))[2] == b"django"

    settings.SECURE_SSL_REDIRECT = True
    url, _first = stored
    assert call(CachedPages(django), environ(url))[2] == b"django"  # redirected by Django
    assert lookups == []


def test_a_miss_is_rendered_by_django_after_one_lookup_and_then_served_early(site, monkeypatch):
    url = make_article(published=True, title_en="Not yet cached").get_absolute_url("en")
    lookups = []
    real_lookup = store.PageStore.lookup

    def counting(self, key):
        lookups.append(key)
        return real_lookup(self, key)

    monkeypatch.setattr(store.PageStore, "lookup", counting)
    miss_environ = environ(url)
    status, headers, body = call(site, miss_environ)
    assert status == "200 OK" and b"Not yet cached" in body
    assert LOOKED_UP in miss_environ and len(lookups) == 1  # the middleware did not look again

    status, hit_headers, hit_body = call(site, environ(url))
    assert hit_body == body and hit_headers["ETag"] == headers["ETag"] and len(lookups) == 2


def test_a_signed_in_editor_is_never_served_the_readers_page(site, stored):
    from newsroom.articles.models import Article

    url, first = stored
    Article.objects.update(title_en="Changed without invalidation")
    editor = Client()
    editor.force_login(make_user("Editor"))
    cookie = f"sessionid={editor.cookies['sessionid'].value}"
    status, headers, body = call(site, environ(url, HTTP_COOKIE=cookie))
    assert status == "200 OK" and b"Changed without invalidation" in body
    assert b"Served early" in call(site, environ(url))[2]  # readers: cached


def test_on_redis_a_hit_is_one_command_and_with_redis_down_django_serves(site, use_redis):
    from .test_redis import commands_processed

    server, _store, _clock = use_redis
    url = make_article(published=True, title_en="Over Redis").get_absolute_url("en")
    status, _headers, first = call(site, environ(url))  # a miss, stored
    monitor = server.client()
    before = commands_processed(monitor)
    assert call(site, environ(url))[2] == first
    assert commands_processed(monitor) - before == 2  # the hit's MGET, then this INFO

    server.stop()
    status, _headers, body = call(site, environ(url))
    assert status == "200 OK" and b"Over Redis" in body
