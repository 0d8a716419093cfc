"""Scale-out: two gunicorn instances sharing one PostgreSQL and one Redis behave as one site.

Production settings (DEBUG off, collected static files), 127.0.0.1 only, bounded waits.
A publish through one instance's admin is what the other serves on its next request, an
unpublish likewise, and the feedback rate limit counts across both.
"""

import contextlib
import http.client
import os
import re
import subprocess
import sys
import tempfile
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

from newsroom.articles.models import Article
from tests import servers
from tests.articles.factories import make_article, make_user
from tests.feedback.test_gunicorn import database_url, submit

from .redis_server import ThrowawayRedis

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BASE_DIR = Path(settings.BASE_DIR)
PASSWORD = "a-long-test-password"


@pytest.fixture
def shared_redis():
    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    server = ThrowawayRedis().start()  # skips when redis-server is not installed
    try:
        yield server.url
    finally:
        server.remove()


@pytest.fixture(scope="module")
def static_root():
    folder = tempfile.mkdtemp(prefix="newsroom-static-")
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=BASE_DIR, env=os.environ | {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 50,
                                         "DJANGO_STATIC_ROOT": folder},
        check=True, timeout=300, capture_output=True,
    )  # fmt: skip
    return folder


def production_env(redis_url, static, prefix):
    return os.environ | {
        "DATABASE_URL": database_url(connection.settings_dict),
        "DATABASE_CONN_MAX_AGE": "0",
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain HTTP on 127.0.0.1; a proxy does TLS
        "DJANGO_STATIC_ROOT": static,
        "NEWSROOM_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
        "NEWSROOM_TASKS_BACKEND": "immediate",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


@contextlib.contextmanager
def gunicorn(env):
    with servers.gunicorn(env, workers=1, threads=2, seconds=30) as (port, _server):
        yield port


class Browser:
    """Just enough of a browser: cookies, and the CSRF token of the last form seen."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None):
        # One site name for both servers, as behind the proxy that balances them.
        headers = {
            "Host": "127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urlencode(body, doseq=True)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.read().decode(), response.headers
        finally:
            conn.close()

    def get(self, path):
        return self.request("GET", path)

    def sign_in(self, username):
        _status, html, _h = self.get("/admin/login/")
        status, _html, _h = self.request(
            "POST",
            "/admin/login/?next=/admin/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": _csrf(html)},
        )
        assert status == 302 and "sessionid" in self.cookies, "could not sign in"

    def admin_action(self, label, article):
        """Run the changelist action whose label starts with ``label`` on ``article``."""
        path = "/admin/articles/article/"
        _status, html, _h = self.get(path)
        options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', html)
        actions = {text.strip(): value for value, text in options}
        action = next(value for text, value in actions.items() if text.startswith(label))
        status, html, _h = self.request(
            "POST",
            path,
            {"action": action, "_selected_action": [article.pk], "index": "0",
             "csrfmiddlewaretoken": _csrf(html)},
        )  # fmt: skip
        assert status == 302, html[:500]


def _csrf(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_two_app_servers_share_publishing_and_feedback_limits(shared_redis, static_root):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL); CI runs it")
    editor = make_user("Editor", password=PASSWORD)
    make_article(published=True, translated=True, title_en="Already out")
    fresh = make_article(title_en="Fresh from server A", signals=1)
    env = production_env(shared_redis, static_root, f"newsroom-scale-{uuid.uuid4().hex}")

    with gunicorn(env) as port_a, gunicorn(env) as port_b:
        reader_a, reader_b = Browser(port_a), Browser(port_b)
        for reader in (reader_a, reader_b):  # both cache the home page in the shared Redis
            status, html, headers = reader.get("/en/")
            assert status == 200 and "Already out" in html and "Fresh from server A" not in html
            assert headers.get("Set-Cookie") is None
        assert reader_b.get("/en/")[2]["ETag"] == reader_a.get("/en/")[2]["ETag"]

        editor_a = Browser(port_a)
        editor_a.sign_in(editor.username)
        editor_a.admin_action("Publish", fresh)
        fresh.refresh_from_db()
        assert fresh.status == Article.Status.PUBLISHED

        status, html, _h = reader_b.get("/en/")
        assert status == 200 and "Fresh from server A" in html
        assert reader_b.get(fresh.get_absolute_url("en"))[0] == 200

        editor_b = Browser(port_b)
        editor_b.sign_in(editor.username)
        editor_b.admin_action("Unpublish", fresh)
        assert "Fresh from server A" not in reader_a.get("/en/")[1]
        assert reader_a.get(fresh.get_absolute_url("en"))[0] == 404

        # One message per 15 seconds per reader, whichever server takes it.
        client = "198.51.100.23"
        first = submit(port_a, "A first thought, sent to server A.", client=client)
        second = submit(port_b, "A second thought, sent to server B.", client=client)
        assert first[0] == 201, first
        assert second[0] == 429, second
