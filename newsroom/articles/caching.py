"""The shared cache for anonymous public pages.

Every public page is the same for every reader of a URL, so its HTML is cached
under the full URL (host, language prefix, query string) and a site-wide
generation number. Any change to published content bumps the generation
(``signals.py``), which retires every cached page at once: simple, and right
for several app servers sharing Redis. A page is also never kept past the
next scheduled publication, so a scheduled update appears on time.

Cached responses carry an ETag; a matching ``If-None-Match`` gets a 304.
Nothing here reads the session or the user, so no ``Vary: Cookie`` and no
``Set-Cookie`` reach these pages.
"""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

GENERATION_KEY = "public-pages:generation"
PAGE_SECONDS = 300  # how long a page is kept when nothing changes
BROWSER_SECONDS = 60  # how long browsers and proxies may reuse a page without asking


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate_public_pages():
    """Retire every cached public page (called when published content may have changed)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def _page_timeout():
    from .models import Article

    next_publication = (
        Article.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True)
    ).first()
    if next_publication is None:
        return PAGE_SECONDS
    until = (next_publication - timezone.now()).total_seconds()
    return max(1, min(PAGE_SECONDS, int(until)))


def _key(request):
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"public-page:{generation()}:{digest}"


def public_page(view):
    """Serve ``view`` from the shared cache, with an ETag and 304 on a matching request."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            if response.status_code != 200 or response.cookies or response.streaming:
                return response
            stored = {"content": response.content, "content_type": response["Content-Type"]}
            cache.set(key, stored, _page_timeout())
        response = HttpResponse(stored["content"], content_type=stored["content_type"])
        etag = f'"{hashlib.md5(stored["content"], usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
        return get_conditional_response(request, etag=etag, response=response)

    return wrapped
