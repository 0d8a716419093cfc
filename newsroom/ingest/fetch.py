"""Fetching a feed over HTTP, politely and defensively.

A fetch has one deadline for the whole exchange (connecting, the TLS handshake, the
status line and headers, the body, every redirect), a size cap, a User-Agent that says
who we are, at most ``MAX_REDIRECTS`` redirects, and sends the ETag / Last-Modified of
the previous fetch so an unchanged feed costs a 304.

It never reaches inside the network it runs in (SSRF): only http and https, the host
name is resolved once per hop and the connection made to that very address, which
must be a public one (not loopback, private, link-local such as 169.254.169.254,
shared, reserved or multicast); ``INGEST_ALLOW_LOOPBACK`` lets tests use a server on
127.0.0.1. Environment proxies are ignored. A host that refuses, drops or never answers
the connection gets one and the same message, so the fetcher cannot map ports.

Every failure becomes a ``FetchError`` whose message an editor can act on.
"""

import http.client
import io
import ipaddress
import select
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from newsroom.text import strip_control_characters

DEFAULT_TIMEOUT = 15  # seconds, for the whole fetch
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
MAX_MESSAGE = 1000
SCHEMES = {"http": 80, "https": 443}
REDIRECTS = {301, 302, 303, 307, 308}
NAT64 = ipaddress.ip_network("64:ff9b::/96")
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


class FetchError(Exception):
    """A fetch that gave no usable content; ``str()`` is meant for an editor.

    The message may quote the server (a reason phrase, a redirect target): it is kept
    free of control characters and short, as it is stored in the import log."""

    def __init__(self, message):
        super().__init__(strip_control_characters(str(message))[:MAX_MESSAGE])


class _DeadlinePassed(Exception):
    pass


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


def size_text(n):
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n // 1024} kB"


def is_web_address(url):
    """Whether ``url`` is an http or https URL (in any letter case) with a host."""
    try:
        parts = urlsplit(url or "")
        return parts.scheme.lower() in SCHEMES and bool(parts.hostname)
    except ValueError:
        return False


def address_allowed(address, *, allow_loopback=None):
    """Whether the fetcher may connect to the IP ``address`` (a string)."""
    if allow_loopback is None:
        allow_loopback = getattr(settings, "INGEST_ALLOW_LOOPBACK", False)
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if ip in NAT64:
            mapped = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if mapped is not None:
            ip = mapped
    if ip.is_loopback:
        return bool(allow_loopback)
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def fetch(url, *, etag="", last_modified="", timeout=None, max_bytes=None):
    """GET ``url`` and return its body, or ``not_modified`` for a 304."""
    default_timeout, default_max = limits()
    timeout = timeout or default_timeout
    max_bytes = max_bytes or default_max
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": user_agent(), "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            target = _Target.of(url)
            response, connection = _request(target, headers, deadline)
            try:
                if response.status in REDIRECTS and response.getheader("Location"):
                    url = urljoin(url, response.getheader("Location").strip())
                    if not is_web_address(url):
                        raise FetchError(
                            _("The server redirected to %(url)s, which is not an http(s) address.")
                            % {"url": url}
                        )
                    continue
                if response.status == 304:
                    return FetchResult(
                        url=url, not_modified=True, etag=etag, last_modified=last_modified
                    )
                if not 200 <= response.status < 300:
                    raise FetchError(
                        _("The server answered HTTP %(code)d (%(reason)s).")
                        % {"code": response.status, "reason": response.reason[:100]}
                    )
                content = _read_body(response, max_bytes)
                answer = response.headers
                return FetchResult(
                    url=url,
                    content=content,
                    etag=answer.get("ETag", ""),
                    last_modified=answer.get("Last-Modified", ""),
                    content_type=answer.get("Content-Type", ""),
                    headers=dict(answer.items()),
                )
            finally:
                connection.close()
        raise FetchError(
            _("The server redirected more than %(count)d times; stopped following.")
            % {"count": MAX_REDIRECTS}
        )
    except (_DeadlinePassed, TimeoutError) as error:
        raise FetchError(_too_slow(timeout)) from error
    except (http.client.HTTPException, OSError, ValueError) as error:
        # No errno, no banner: the message must not tell what (if anything) listens there.
        raise FetchError(_no_answer(urlsplit(url).hostname or url)) from error


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    path: str

    @classmethod
    def of(cls, url):
        if not is_web_address(url):
            raise FetchError(_("%(url)s is not an http(s) address.") % {"url": url})
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        try:
            host = parts.hostname.encode("idna").decode("ascii")  # bücher.example → xn--…
        except UnicodeError as error:
            raise FetchError(
                _("The host name %(host)s could not be found.") % {"host": parts.hostname}
            ) from error
        try:
            port = parts.port or SCHEMES[scheme]
        except ValueError as error:
            raise FetchError(_("%(url)s is not an http(s) address.") % {"url": url}) from error
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if any(c in path for c in "\r\n\x00 "):
            raise FetchError(_("%(url)s is not an http(s) address.") % {"url": url})
        return cls(scheme, host, port, path)

    @property
    def host_header(self):
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == SCHEMES[self.scheme] else f"{host}:{self.port}"


def _resolve(target, deadline):
    """The one address to connect to; refuses a host with any non-public address."""
    try:
        infos = _lookup(target, deadline)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            _("The host name %(host)s could not be found.") % {"host": target.host}
        ) from error
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    # Every address must pass, so a name cannot mix a public and an internal one.
    if not addresses or not all(address_allowed(address) for address in addresses):
        raise FetchError(
            _(
                "%(host)s is an internal or non-public address; feeds are only fetched "
                "from the public internet."
            )
            % {"host": target.host}
        )
    return next(info for info in infos if info[4][0] == addresses[0])


def _lookup(target, deadline):
    """``getaddrinfo`` inside the deadline: the system resolver has no timeout of its own
    that we control, so it runs in a thread we stop waiting for."""
    answer = {}

    def resolve():
        try:
            answer["infos"] = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except Exception as error:  # handed to the caller below
            answer["error"] = error

    thread = threading.Thread(target=resolve, daemon=True)
    thread.start()
    thread.join(_remaining(deadline))
    if thread.is_alive():
        raise _DeadlinePassed
    if "error" in answer:
        raise answer["error"]
    return answer["infos"]


def _request(target, headers, deadline):
    family, _type, proto, _name, sockaddr = _resolve(target, deadline)
    sock = _connect(target, family, proto, sockaddr, deadline)
    connection = _Connection(target, sock, deadline)
    try:
        connection.putrequest("GET", target.path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", target.host_header)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.putheader("Connection", "close")
        connection.endheaders()
        return connection.getresponse(), connection
    except BaseException:
        connection.close()
        raise


def _connect(target, family, proto, sockaddr, deadline):
    """A socket connected to the resolved address (TLS-wrapped for https)."""
    sock = socket.socket(family, socket.SOCK_STREAM, proto)
    try:
        sock.settimeout(_remaining(deadline))
        sock.connect(sockaddr)
    except (_DeadlinePassed, OSError) as error:
        sock.close()
        # Refused, unreachable, silent or not HTTP: one message, so no port can be mapped.
        raise FetchError(_no_answer(target.host)) from error
    if target.scheme == "https":
        try:
            sock = _tls(sock, target.host, deadline)
        except ssl.SSLCertVerificationError as error:
            raise FetchError(
                _("The TLS certificate of %(host)s is not valid for it.") % {"host": target.host}
            ) from error
        except ssl.SSLError as error:
            raise FetchError(
                _("A secure connection to %(host)s could not be made.") % {"host": target.host}
            ) from error
    return sock


def _tls(sock, hostname, deadline):
    """TLS over ``sock``, verified for ``hostname``, the whole handshake inside the
    deadline (non-blocking, so a server trickling its certificate is cut off too)."""
    context = ssl.create_default_context()
    sock.setblocking(False)
    tls = context.wrap_socket(sock, server_hostname=hostname, do_handshake_on_connect=False)
    try:
        while True:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                select.select([tls], [], [], _remaining(deadline))
            except ssl.SSLWantWriteError:
                select.select([], [tls], [], _remaining(deadline))
        tls.setblocking(True)
        return tls
    except BaseException:
        tls.close()
        raise


def _remaining(deadline):
    left = deadline - time.monotonic()
    if left <= 0:
        raise _DeadlinePassed
    return left


class _DeadlineReader(io.RawIOBase):
    """Reads from a socket, never past the deadline (a header line every few seconds
    is cut off too, not only a slow body)."""

    def __init__(self, sock, deadline):
        # A socket file keeps the socket open after the connection object lets go of it.
        self.sock, self.raw, self.deadline = sock, sock.makefile("rb", buffering=0), deadline

    def readable(self):
        return True

    def readinto(self, buffer):
        self.sock.settimeout(_remaining(self.deadline))
        return self.raw.readinto(buffer)

    def close(self):
        self.raw.close()
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    def __init__(self, sock, *args, deadline, **kwargs):
        super().__init__(sock, *args, **kwargs)
        self.fp.close()
        self.fp = io.BufferedReader(_DeadlineReader(sock, deadline))


class _Connection(http.client.HTTPConnection):
    """An HTTP/1.1 connection over a socket connected already (to the pinned address)."""

    def __init__(self, target, sock, deadline):
        super().__init__(target.host, target.port)
        self.sock = sock
        self.deadline = deadline
        self.response_class = _response_class(deadline)

    def connect(self):
        raise http.client.NotConnected  # never reconnect to whatever the name says now

    def send(self, data):
        self.sock.settimeout(_remaining(self.deadline))
        super().send(data)


def _response_class(deadline):
    def make(sock, *args, **kwargs):
        return _DeadlineResponse(sock, *args, deadline=deadline, **kwargs)

    return make


def _read_body(response, max_bytes):
    length = response.getheader("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(_too_big(max_bytes))
    chunks, size = [], 0
    # read1 returns what has arrived; the reader enforces the deadline on each read.
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_big(max_bytes))
        chunks.append(chunk)
    return b"".join(chunks)


def _no_answer(host):
    return _("Could not reach the server at %(host)s, or it did not answer in HTTP.") % {
        "host": host
    }


def _too_big(max_bytes):
    return _("The feed is larger than %(size)s; nothing was imported.") % {
        "size": size_text(max_bytes)
    }


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
