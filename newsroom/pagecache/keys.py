"""The cache key of a request: scheme, host, path and only the query parameters pages read.

Anything else (``utm_*``, ``fbclid``, a random cache-buster) never reaches the key, so
it neither renders a page afresh nor fills the cache.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

# Every parameter a cached page reads; a view names its own subset (``mark_public``).
PARAMS = ("page", "p", "q", "topic", "tag", "source")
MAX_VALUE = 200  # views read at most this much of a value


def canonical_query(query_string, params=PARAMS, *, ordered=True):
    """The query string with only ``params``: last value of each, non-empty; sorted by
    name for the key (``ordered``), else in the order the reader's URL had them."""
    if not query_string:
        return ""
    kept = {}
    for name, value in parse_qsl(query_string, keep_blank_values=False):
        if name in params:
            kept[name] = value[:MAX_VALUE]
    return urlencode(sorted(kept.items()) if ordered else list(kept.items()))


def page_key(request, params=PARAMS):
    meta = request.META
    query = canonical_query(meta.get("QUERY_STRING", ""), params)
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    url = f"{request.scheme}://{host}{request.path}?{query}"
    return hashlib.blake2b(url.encode(), digest_size=20).hexdigest()
