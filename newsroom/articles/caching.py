"""Public pages are cached for every anonymous reader (``newsroom.pagecache``).

``public_page`` marks a view's pages cacheable: it names the query parameters the view
reads (nothing else reaches the view or the cache key), and keeps a page no longer than
``PAGE_SECONDS`` nor past the next scheduled publication, so a scheduled update appears
on time. ``invalidate_public_pages()`` retires every cached page at once; the write path
calls it on commit when readers could see the change.

Nothing here reads the session or the user, so no ``Vary: Cookie`` and no
``Set-Cookie`` reach these pages.
"""

from functools import wraps

from django.utils import timezone
from django.utils.cache import patch_cache_control

from newsroom.pagecache.keys import PARAMS
from newsroom.pagecache.middleware import keep_only, lookup_for_view, mark_public
from newsroom.pagecache.store import get_store

PAGE_SECONDS = 300  # how long a page is kept when nothing changes
BROWSER_SECONDS = 60  # how long browsers and proxies may reuse a page without asking
LIST_PARAMS = ("page", "topic", "tag", "source")


def invalidate_public_pages():
    """Retire every cached public page (called when published content may have changed).

    Never raises for a cache outage: the invalidation is then kept in the database and
    applied when the cache answers again (``newsroom.pagecache.store``).
    """
    get_store().invalidate()


def generation():
    """The current page generation: a key part for other caches retired with the pages
    (taxonomy counts). None while the cache is unreachable."""
    return get_store().generation()


def page_timeout():
    """How long a page (or anything retired with the pages) may be kept: PAGE_SECONDS, and
    never past the next scheduled publication."""
    from .models import Article

    next_publication = (
        Article.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True)
    ).first()
    if next_publication is None:
        return PAGE_SECONDS
    until = (next_publication - timezone.now()).total_seconds()
    return max(1, min(PAGE_SECONDS, int(until)))


def public_page(view=None, *, params=()):
    """Serve ``view`` from the shared cache; ``params``: the query parameters it reads."""
    if view is None:
        return lambda view: public_page(view, params=params)
    assert set(params) <= set(PARAMS), "add new parameters to newsroom.pagecache.keys.PARAMS"
    params = tuple(params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        cached = lookup_for_view(request, params)
        if cached is not None:
            return cached
        keep_only(request, params)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
        timeout = page_timeout() if response.status_code == 200 else 0
        return mark_public(request, response, params=params, timeout=timeout)

    return wrapped
