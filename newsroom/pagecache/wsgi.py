"""``CachedPages``: the WSGI fast path. A cached public page is answered before Django.

``newsroom.wsgi`` wraps the Django application in it (gunicorn and runserver both use
that). For a GET or HEAD without a session cookie it computes the page's key from the
WSGI environ (``keys.environ_key``, the same key ``PageCacheMiddleware`` stores under),
makes the one cache round trip and answers a hit, or a 304 for a matching
``If-None-Match``, with the status, headers and body the whole middleware chain gave
the page when it was stored. No request object, no middleware, no signals.

Everything else goes to Django unchanged: a miss (with the generation it read, so the
middleware stores the rendered page without a second round trip), a session cookie (the
middleware decides whether it belongs to a signed-in editor), static files, plain HTTP
when HTTPS is required, other methods.
"""

from http import HTTPStatus

from django.conf import settings
from django.http.cookie import parse_cookie

from newsroom.ops.querystring import clean_query_string

from .keys import environ_key, environ_scheme
from .store import get_store

# The environ entry a miss carries to the middleware: (generation,) as the lookup read it.
LOOKED_UP = "newsroom.pagecache.looked_up"
# Headers a 304 repeats (RFC 9110 15.4.5).
NOT_MODIFIED_HEADERS = {"Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Vary"}


def if_none_match(header, etag):
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison)."""
    if not header or not etag:
        return False
    if header.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in header.split(","))


class CachedPages:
    def __init__(self, application):
        self.application = application
        self.static_prefix = "/" + settings.STATIC_URL.lstrip("/")
        self.https_only = settings.SECURE_SSL_REDIRECT

    def __call__(self, environ, start_response):
        if self._may_be_cached(environ):
            query = clean_query_string(environ.get("QUERY_STRING", ""))
            generation, page = get_store().lookup(environ_key(environ, query))
            if page is not None:
                return self._answer(environ, start_response, page)
            environ[LOOKED_UP] = (generation,)
        return self.application(environ, start_response)

    def _may_be_cached(self, environ):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return False
        if environ.get("PATH_INFO", "").startswith(self.static_prefix):
            return False
        if self.https_only and environ_scheme(environ) != "https":
            return False
        cookie = environ.get("HTTP_COOKIE")
        return not (cookie and settings.SESSION_COOKIE_NAME in parse_cookie(cookie))

    @staticmethod
    def _answer(environ, start_response, page):
        headers = [(name, value) for name, value in page.headers]
        if if_none_match(environ.get("HTTP_IF_NONE_MATCH"), page.etag):
            start_response(
                "304 Not Modified", [(n, v) for n, v in headers if n in NOT_MODIFIED_HEADERS]
            )
            return [b""]
        start_response(f"{page.status} {HTTPStatus(page.status).phrase}", headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else page.body]
