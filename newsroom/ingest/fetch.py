"""Fetching a feed over HTTP, politely and defensively.

A fetch has a total time limit, a size cap, a User-Agent that says who we
are, at most ``MAX_REDIRECTS`` redirects (http and https only), and sends the
ETag / Last-Modified of the previous fetch so an unchanged feed costs a 304.
Every failure becomes a ``FetchError`` whose message an editor can act on.
"""

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_TIMEOUT = 15  # seconds, for the whole fetch
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


class FetchError(Exception):
    """A fetch that gave no usable content; ``str()`` is meant for an editor."""


@dataclass(frozen=True)
class FetchResult:
    url: str
    content: bytes = b""
    not_modified: bool = False
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""
    headers: dict = field(default_factory=dict)


def user_agent():
    homepage = getattr(settings, "INGEST_BOT_HOMEPAGE", "") or "https://newsroom.example/bot"
    version = getattr(settings, "INGEST_BOT_VERSION", "") or "1.0"
    return f"NewsroomBot/{version} (+{homepage})"


def limits():
    return (
        getattr(settings, "INGEST_TIMEOUT", DEFAULT_TIMEOUT),
        getattr(settings, "INGEST_MAX_BYTES", DEFAULT_MAX_BYTES),
    )


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("Location") or headers.get("URI") or ""
        newurl = urljoin(req.full_url, target)
        if urlsplit(newurl).scheme.lower() not in {"http", "https"}:
            fp.close()
            raise FetchError(
                _("The server redirected to %(url)s, which is not an http(s) address.")
                % {"url": newurl}
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener():
    # Only the handlers a feed needs: no file://, ftp:// or data: URLs.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _LimitedRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _size(n):
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n // 1024} kB"


def fetch(url, *, etag="", last_modified="", timeout=None, max_bytes=None):
    """GET ``url`` and return its body, or ``not_modified`` for a 304."""
    default_timeout, default_max = limits()
    timeout = timeout or default_timeout
    max_bytes = max_bytes or default_max
    if urlsplit(url).scheme.lower() not in {"http", "https"}:
        raise FetchError(_("%(url)s is not an http(s) address.") % {"url": url})
    headers = {"User-Agent": user_agent(), "Accept": ACCEPT}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310  (scheme checked above)
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(_too_big(max_bytes))
            chunks, size = [], 0
            # read1 returns what has arrived, so the deadline holds against a slow trickle.
            while chunk := response.read1(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(_too_big(max_bytes))
                if time.monotonic() > deadline:
                    raise FetchError(_too_slow(timeout))
                chunks.append(chunk)
            headers = response.headers
            return FetchResult(
                url=response.geturl(),
                content=b"".join(chunks),
                etag=headers.get("ETag", ""),
                last_modified=headers.get("Last-Modified", ""),
                content_type=headers.get("Content-Type", ""),
                headers=dict(headers.items()),
            )
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 304:
            return FetchResult(url=url, not_modified=True, etag=etag, last_modified=last_modified)
        if 300 <= error.code < 400:
            raise FetchError(
                _("The server redirected more than %(count)d times; stopped following.")
                % {"count": MAX_REDIRECTS}
            ) from error
        raise FetchError(
            _("The server answered HTTP %(code)d (%(reason)s).")
            % {"code": error.code, "reason": error.reason}
        ) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise FetchError(_too_slow(timeout)) from error
        raise FetchError(
            _("Could not reach the server: %(reason)s.") % {"reason": error.reason}
        ) from error
    except TimeoutError as error:
        raise FetchError(_too_slow(timeout)) from error
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise FetchError(
            _("The connection failed: %(reason)s.") % {"reason": error or type(error).__name__}
        ) from error


def _too_big(max_bytes):
    return _("The feed is larger than %(size)s; nothing was imported.") % {"size": _size(max_bytes)}


def _too_slow(timeout):
    return _("The server did not answer within %(seconds)s seconds.") % {"seconds": timeout}


def read_file(path, *, max_bytes=None):
    """The bytes of a local feed file, with the same size cap as a fetch."""
    max_bytes = max_bytes or limits()[1]
    try:
        with open(path, "rb") as handle:
            content = handle.read(max_bytes + 1)
    except OSError as error:
        raise FetchError(
            _("Could not read %(path)s: %(reason)s.") % {"path": path, "reason": error.strerror}
        ) from error
    if len(content) > max_bytes:
        raise FetchError(_too_big(max_bytes))
    return content
