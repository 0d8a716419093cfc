"""``PageCacheMiddleware``: cached public pages answered before sessions, CSRF and auth.

It comes first, after only the query-string cleaning: a hit runs no other middleware.
For a GET or HEAD it looks the page up (one round trip, ``store.py``) and answers a hit,
or a 304 for a matching ``If-None-Match``, at once. On a miss the request goes down the
chain; a response the view marked public (``mark_public``) is stored as the whole chain
finished it: security headers, CSP and ETag included. Static files go straight past.

A signed-in editor is never served a cached page and never has one stored: what they
see may show their own state. Other readers, cookie or not, share the cached pages.
"""

import hashlib
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotModified, QueryDict

from .keys import PARAMS, canonical_query, page_key
from .store import Page, get_store
from .wsgi import LOOKED_UP, NOT_MODIFIED_HEADERS, if_none_match


@dataclass(frozen=True)
class PublicPage:
    """What a view's response carries so the middleware stores it."""

    key: str
    timeout: int


def signed_in(request):
    """Whether the request's session belongs to a signed-in user (one session read)."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not session_key:
        return False
    engine = import_module(settings.SESSION_ENGINE)
    try:
        return SESSION_KEY in engine.SessionStore(session_key)
    except DatabaseError:
        return False  # nobody's own view can be rendered now: readers' cached pages it is


def etag_matches(request, etag):
    return if_none_match(request.META.get("HTTP_IF_NONE_MATCH"), etag)


def page_response(request, page):
    """The stored page as a response, or a 304 when the reader has it already."""
    if etag_matches(request, page.etag):
        response = HttpResponseNotModified()
        for name, value in page.headers:
            if name in NOT_MODIFIED_HEADERS:
                response[name] = value
        return response
    response = HttpResponse(b"" if request.method == "HEAD" else page.body, status=page.status)
    for name, value in page.headers:
        response[name] = value
    return response


def storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    if vary & {"cookie", "authorization", "*"}:
        return False
    cache_control = response.get("Cache-Control", "")
    return "private" not in cache_control and "no-store" not in cache_control


def mark_public(request, response, *, params, timeout):
    """Mark a rendered 200 response of a public view for the cache: ETag, Cache-Control."""
    if response.status_code == 200 and not response.streaming:
        if not response.has_header("ETag"):
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
        response.public_page = PublicPage(page_key(request, params), timeout)
    return response


def lookup_for_view(request, params):
    """A view that reads fewer parameters than the middleware's key may still have its
    page cached under its own key (``?page=2`` on a page without pages): look there."""
    if not getattr(request, "_page_cache_eligible", False):
        return None
    key = page_key(request, params)
    if key == page_key(request, PARAMS):
        return None  # the middleware looked already
    _generation, page = get_store().lookup(key)
    return page_response(request, page) if page is not None else None


def keep_only(request, params):
    """Let the view see only the parameters that are part of its cache key."""
    query = request.META.get("QUERY_STRING", "")
    canonical = canonical_query(query, params, ordered=False)
    if canonical != query:
        request.META["QUERY_STRING"] = canonical
        request.GET = QueryDict(canonical)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # WhiteNoise answers these further down; they never cost a cache round trip.
        self.static_prefix = "/" + settings.STATIC_URL.lstrip("/")
        # Plain HTTP is redirected by the security middleware, never answered from here.
        self.https_only = settings.SECURE_SSL_REDIRECT

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or request.path_info.startswith(self.static_prefix)
            or (self.https_only and not request.is_secure())
            or signed_in(request)
        ):
            return self.get_response(request)
        store = get_store()
        looked_up = request.META.get(LOOKED_UP)
        if looked_up is not None:  # the WSGI fast path looked and missed
            (generation,) = looked_up
        else:
            generation, page = store.lookup(page_key(request))
            if page is not None:
                return page_response(request, page)
        request._page_cache_eligible = True
        response = self.get_response(request)
        public = getattr(response, "public_page", None)
        if public is None:
            return response
        if request.method == "GET" and storable(response):
            headers = list(response.items())
            if "accept-language" in response.get("Vary", "").lower():
                # A page without a language prefix (the sitemap) is the same in every
                # language; the first reader's negotiated language is not part of it.
                headers = [(k, v) for k, v in headers if k != "Content-Language"]
            page = Page(200, headers, response.content)
            store.save(public.key, generation, page, public.timeout)
        if etag_matches(request, response.get("ETag")):
            return page_response(request, Page(200, list(response.items()), b""))
        return response
