"""The fetcher never reaches inside the network it runs in (SSRF), never reads local files,
and keeps its deadline over the whole exchange.

The local feed server listens on 127.0.0.1; the ``feed_server`` fixture allows loopback,
and these tests turn that off again to show the refusal.
"""

import socket
import threading

import pytest

from newsroom.articles.models import Source
from newsroom.ingest import fetch as fetch_module
from newsroom.ingest.fetch import FetchError, address_allowed, fetch
from newsroom.ingest.models import ImportRun
from newsroom.ingest.services import import_feed, import_markdown_files, poll_sources
from tests.articles.factories import make_source

pytestmark = pytest.mark.django_db

NOT_PUBLIC = "internal or non-public address"


@pytest.fixture
def no_loopback(settings, feed_server):
    settings.INGEST_ALLOW_LOOPBACK = False
    return feed_server


def test_loopback_is_refused_without_the_setting_and_nothing_is_sent(no_loopback):
    no_loopback.add_feed("/feed.xml", "rdf_rss1.xml")

    with pytest.raises(FetchError, match=NOT_PUBLIC):
        fetch(no_loopback.url("/feed.xml"), timeout=2)
    with pytest.raises(FetchError, match=NOT_PUBLIC):
        fetch(no_loopback.url("/feed.xml").replace("127.0.0.1", "localhost"), timeout=2)

    assert no_loopback.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://10.1.2.3/feed",
        "http://192.168.0.1/feed",
        "http://172.16.5.5/feed",
        "http://100.64.0.1/feed",  # shared address space
        "http://0.0.0.0/feed",
        "http://[::1]/feed",
        "http://[::ffff:127.0.0.1]/feed",
        "http://[fe80::1]/feed",
        "http://[fd00::1]/feed",
        "http://2130706433/feed",  # 127.0.0.1 written as one number
        "http://0x7f.1/feed",
        "http://224.0.0.1/feed",
    ],
)
def test_internal_addresses_are_refused_before_connecting(url, settings):
    settings.INGEST_ALLOW_LOOPBACK = False

    with pytest.raises(FetchError, match=NOT_PUBLIC):
        fetch(url, timeout=1)


def test_only_loopback_is_allowed_by_the_test_setting():
    assert address_allowed("127.0.0.1", allow_loopback=True)
    assert address_allowed("::1", allow_loopback=True)
    assert not address_allowed("127.0.0.1", allow_loopback=False)
    assert not address_allowed("169.254.169.254", allow_loopback=True)
    assert not address_allowed("10.0.0.1", allow_loopback=True)
    assert not address_allowed("64:ff9b::a9fe:a9fe", allow_loopback=True)  # NAT64 metadata
    assert address_allowed("93.184.215.14", allow_loopback=False)
    assert address_allowed("2606:4700::1111", allow_loopback=False)


def test_a_redirect_to_an_internal_address_is_refused_on_that_hop(feed_server):
    feed_server.add("/feed.xml", status=302, headers={"Location": "http://169.254.169.254/x"})
    feed_server.add("/private.xml", status=301, headers={"Location": "http://10.0.0.7:8080/"})

    for path in ("/feed.xml", "/private.xml"):
        with pytest.raises(FetchError, match=NOT_PUBLIC):
            fetch(feed_server.url(path), timeout=1)


def test_a_redirect_back_to_loopback_is_refused_without_the_setting(settings, feed_server):
    """The first hop is allowed (here: by a fake resolver answering a public address)."""
    real_getaddrinfo = socket.getaddrinfo
    port = feed_server.httpd.server_port

    def resolver(host, *args, **kwargs):
        if host == "feeds.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port))]
        return real_getaddrinfo(host, *args, **kwargs)

    settings.INGEST_ALLOW_LOOPBACK = False
    feed_server.add("/go", status=302, headers={"Location": feed_server.url("/feed.xml")})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fetch_module.socket, "getaddrinfo", resolver)
        # Connect the "public" address to the local server, as a real route would.
        patch.setattr(fetch_module, "_connect", _connect_to_local(port))
        with pytest.raises(FetchError, match=NOT_PUBLIC):
            fetch("http://feeds.example/go", timeout=2)

    assert [path for path, _headers in feed_server.requests] == ["/go"]


def _connect_to_local(port):
    def connect(target, family, proto, sockaddr, deadline):
        return socket.create_connection(("127.0.0.1", port), timeout=2)

    return connect


def test_the_resolved_address_is_used_for_the_connection(feed_server, monkeypatch):
    """One lookup per hop, and the connection goes to what it answered (no second lookup
    that a rebinding name could point elsewhere); the Host header keeps the name."""
    feed_server.add_feed("/feed.xml", "rdf_rss1.xml")
    port = feed_server.httpd.server_port
    lookups = []

    def resolver(host, *args, **kwargs):
        lookups.append(host)
        address = "127.0.0.1" if len(lookups) == 1 else "169.254.169.254"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolver)

    result = fetch(f"http://feeds.example:{port}/feed.xml", timeout=2)

    assert b"rdf:RDF" in result.content
    assert lookups == ["feeds.example"]
    assert feed_server.requests[0][1]["Host"] == f"feeds.example:{port}"


def test_a_name_with_any_internal_address_is_refused(settings, monkeypatch):
    def resolver(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", port)),
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolver)

    with pytest.raises(FetchError, match=NOT_PUBLIC):
        fetch("http://mixed.example/feed", timeout=1)


def test_environment_proxies_are_ignored(feed_server, monkeypatch):
    feed_server.add_feed("/feed.xml", "rdf_rss1.xml")
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # the discard port: nothing there
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)

    result = fetch(feed_server.url("/feed.xml"), timeout=2)

    assert b"rdf:RDF" in result.content
    assert feed_server.requests[0][0] == "/feed.xml"


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/feed.xml", "file:///etc/passwd", "gopher://example.com/", "data:,x"],
)
def test_every_scheme_but_http_and_https_is_refused(url):
    with pytest.raises(FetchError, match="not an http"):
        fetch(url)


def test_http_in_capitals_is_fetched_not_read_as_a_file(feed_server, tmp_path, monkeypatch):
    feed_server.add_feed("/feed.xml", "rdf_rss1.xml")
    source = make_source()
    url = feed_server.url("/feed.xml").replace("http://", "HTTP://")
    # Were the address read as a path, this file would be what is imported.
    monkeypatch.chdir(tmp_path)

    run = import_feed(source=source, location=url)

    assert run.status == ImportRun.Status.OK, run.message
    assert feed_server.requests


@pytest.mark.parametrize("location", ["ftp://example.com/feed.xml", "FILE:///etc/passwd"])
def test_the_importer_never_reads_a_non_http_address_as_a_local_file(location):
    source = make_source()

    run = import_feed(source=source, location=location)

    assert run.status == ImportRun.Status.FAILED
    assert "not an http(s) address" in run.message


def test_a_source_whose_feed_url_is_a_file_url_is_not_read(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss version='2.0'><channel><title>t</title></channel></rss>")
    source = make_source(feed_url=f"file://{feed}")

    (run,) = poll_sources(sources=[source])

    assert run.status == ImportRun.Status.FAILED
    assert "not an http(s) address" in run.message


def _refusing_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again: connecting is refused


def _banner_server():
    """A port that is open but speaks another protocol (an SSH-like banner), then hangs up."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve():
        while True:
            try:
                conn, _addr = listener.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"SSH-2.0-OpenSSH_9.6 secret-banner\r\n")

    threading.Thread(target=serve, daemon=True).start()
    return listener


def test_a_closed_port_and_an_open_non_http_port_give_the_same_message(feed_server):
    listener = _banner_server()
    try:
        messages = []
        for port in (_refusing_port(), listener.getsockname()[1]):
            with pytest.raises(FetchError) as caught:
                fetch(f"http://127.0.0.1:{port}/", timeout=2)
            messages.append(str(caught.value))
    finally:
        listener.close()

    assert messages[0] == messages[1]
    assert "Could not reach the server at 127.0.0.1" in messages[0]
    assert "SSH" not in messages[1] and "refused" not in messages[0].lower()


def test_the_deadline_covers_the_header_phase(feed_server):
    """A server sending one header line at a time, each well inside the per-read timeout,
    is cut off at the deadline, not when it chooses to finish."""
    sent = []

    def header_drip(handler):
        handler.send_response(200)
        handler.flush_headers()
        try:
            for n in range(100):  # 100 lines, 5 s in all: far past the 0.5 s deadline
                handler.wfile.write(f"X-Drip-{n}: .\r\n".encode())
                handler.wfile.flush()
                sent.append(n)
                if feed_server.release.wait(0.05):
                    return
            handler.end_headers()
            handler.wfile.write(b"<rss/>")
        except OSError:
            pass  # the fetcher hung up

    feed_server.add_handler("/drip.xml", header_drip)

    with pytest.raises(FetchError, match="did not answer within 0.5 seconds"):
        fetch(feed_server.url("/drip.xml"), timeout=0.5)

    assert len(sent) < 100


def test_front_matter_cannot_make_the_importer_fetch_an_internal_address(
    tmp_path, settings, no_loopback
):
    """``import_markdown`` creates a source from front matter; its feed URL is refused
    when the source is fetched, and no request reaches the internal server."""
    no_loopback.add_feed("/feed.xml", "rdf_rss1.xml")
    (tmp_path / "post.md").write_text(
        "---\n"
        "title: Internal\n"
        "canonical_url: https://example.com/posts/1\n"
        f"feed_url: {no_loopback.url('/feed.xml')}\n"
        "feed_name: Internal feed\n"
        "---\nBody\n"
    )

    import_markdown_files(paths=[tmp_path / "post.md"])
    source = Source.objects.get(name_en="Internal feed")
    source.is_active = True
    source.save()
    (run,) = poll_sources()

    assert run.status == ImportRun.Status.FAILED
    assert NOT_PUBLIC in run.message
    assert no_loopback.requests == []


def test_a_name_lookup_that_hangs_is_cut_off_at_the_deadline(monkeypatch):
    stuck = threading.Event()

    def resolver(*args, **kwargs):
        stuck.wait(5)
        return []

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolver)
    try:
        with pytest.raises(FetchError, match="did not answer within 0.2 seconds"):
            fetch("http://slow-dns.example/feed.xml", timeout=0.2)
    finally:
        stuck.set()


def test_an_international_host_name_is_looked_up_in_its_ascii_form(feed_server, monkeypatch):
    feed_server.add_feed("/feed.xml", "rdf_rss1.xml")
    port = feed_server.httpd.server_port
    lookups = []

    def resolver(host, *args, **kwargs):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolver)

    fetch(f"http://bücher.example:{port}/feed.xml", timeout=2)

    assert lookups == ["xn--bcher-kva.example"]
    assert feed_server.requests[0][1]["Host"] == f"xn--bcher-kva.example:{port}"


def test_what_a_server_says_reaches_the_import_log_without_control_characters(feed_server):
    def rude(handler):
        handler.wfile.write(b"HTTP/1.1 500 Bad\x00\x01 things" + b"x" * 500 + b"\r\n\r\n")

    feed_server.add_handler("/rude.xml", rude)
    feed_server.add("/away.xml", status=302, headers={"Location": "gopher://a\x01b/"})
    source = make_source(feed_url=feed_server.url("/rude.xml"))

    (run,) = poll_sources(sources=[source])
    with pytest.raises(FetchError) as caught:
        fetch(feed_server.url("/away.xml"), timeout=2)

    assert run.message.startswith("The server answered HTTP 500 (Bad things")
    assert len(run.message) < 200
    assert "\x01" not in str(caught.value) and "not an http(s) address" in str(caught.value)
