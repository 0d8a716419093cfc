"""A local feed server on 127.0.0.1 for the network tests: no test touches the internet."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# The browser fixtures of tests/browser, for this folder's one browser test.
from tests.browser.conftest import (  # noqa: F401
    _playwright,
    admin_login,
    browser,
    browser_locale,
    console_errors,
    open_page,
    page,
    screenshot,
)

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_bytes(name):
    return (FIXTURES / name).read_bytes()


class FeedServer:
    """Serves canned responses by path and remembers the request headers it saw."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        self.release = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path):
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def add(self, path, body=b"", *, status=200, headers=None):
        self.routes[path] = (status, headers or {"Content-Type": "application/rss+xml"}, body)

    def add_feed(self, path, fixture, *, content_type="application/rss+xml", headers=None):
        self.add(
            path, fixture_bytes(fixture), headers={"Content-Type": content_type, **(headers or {})}
        )

    def add_handler(self, path, handler):
        self.routes[path] = handler


def _handler_for(server):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802  (the name http.server calls)
            server.requests.append((self.path, dict(self.headers.items())))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if callable(route):
                route(self)
                return
            status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def feed_server(settings):
    """A feed server on 127.0.0.1, which the fetcher may reach only with loopback allowed
    (tests/ingest/test_fetch_ssrf.py turns it off again to prove the refusal)."""
    settings.INGEST_ALLOW_LOOPBACK = True
    server = FeedServer()
    server.thread.start()
    yield server
    server.release.set()
    server.httpd.shutdown()
    server.httpd.server_close()
