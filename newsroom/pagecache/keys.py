"""The cache key of a request: scheme, host, path and only the query parameters pages read.

Anything else (``utm_*``, ``fbclid``, a random cache-buster) never reaches the key, so
it neither renders a page afresh nor fills the cache. The key is computed from a Django
request (``page_key``) or, for the WSGI fast path, from the WSGI environ
(``environ_key``); both give the same key for the same address.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name

# Every parameter a cached page reads; a view names its own subset (``mark_public``).
PARAMS = ("page", "p", "topic", "tag", "source")
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


def url_key(scheme, host, path, query_string, params=PARAMS):
    url = f"{scheme}://{host}{path}?{canonical_query(query_string, params)}"
    return hashlib.blake2b(url.encode(), digest_size=20).hexdigest()


def page_key(request, params=PARAMS):
    meta = request.META
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    return url_key(request.scheme, host, request.path, meta.get("QUERY_STRING", ""), params)


def environ_scheme(environ):
    """``HttpRequest.scheme`` for a WSGI environ (the proxy's header when it is trusted)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            value, *_ = value.split(",", 1)
            return "https" if value.strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def environ_path(environ):
    """``HttpRequest.path`` for a WSGI environ, decoded exactly as Django decodes it."""
    script_name = get_script_name(environ)
    path_info = get_path_info(environ) or "/"
    return f"{script_name.rstrip('/')}/{path_info.replace('/', '', 1)}"


def environ_key(environ, query_string):
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    return url_key(environ_scheme(environ), host, environ_path(environ), query_string)
