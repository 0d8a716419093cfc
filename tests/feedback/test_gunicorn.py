"""Nothing lost: the app under gunicorn on PostgreSQL answers "received" only for stored rows.

Both tests start real processes (gunicorn, and in the second a PostgreSQL cluster of
their own), talk to them over 127.0.0.1 only, and bound every wait and loop. The form
tokens are minted here with the server's secret key, issued a minute ago, as if each
reader had typed for a minute; the CSRF cookie and field are a pair we choose, as a
browser's would be.
"""

import contextlib
import glob
import http.client
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from newsroom.feedback import protection
from newsroom.feedback.models import Feedback
from tests import servers
from tests.servers import free_port, wait_for

pytestmark = pytest.mark.postgres

BASE_DIR = Path(settings.BASE_DIR)
DB_ERROR_TEXT = "we could not store your message just now, so it was not sent"


def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


@contextlib.contextmanager
def gunicorn(database_url, *, workers=2, threads=8):
    """The app under gunicorn on a free port; a proxy header is trusted for this server only."""
    env = os.environ | {
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "0",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_DEBUG": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "NEWSROOM_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    if os.environ.get("TEST_REDIS_URL"):
        # Several workers share their limits and used tokens only through Redis.
        env |= {
            "REDIS_URL": os.environ["TEST_REDIS_URL"],
            "CACHE_KEY_PREFIX": f"newsroom-feedback-test-{uuid.uuid4().hex}",
        }
    else:
        env.pop("REDIS_URL", None)
    with servers.gunicorn(env, workers=workers, threads=threads, seconds=30) as (port, _server):
        yield port


def submit(port, message, *, client, token=None, json=True):
    """One reader's submission; returns (status, body)."""
    csrf = secrets.token_hex(16)  # 32 characters, like Django's cookie secret
    body = urlencode(
        {
            "message": message,
            "kind": "suggestion",
            "token": token or protection.make_token(now=time.time() - 60),
            "csrfmiddlewaretoken": csrf,
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        "X-Forwarded-For": client,
        "Accept": "application/json" if json else "text/html",
    }
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("POST", "/en/feedback/", body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode()
    except OSError as exc:  # the server did not answer: not a success either
        return 0, str(exc)


def database_url(d):
    password = f":{d['PASSWORD']}" if d.get("PASSWORD") else ""
    host, port = d["HOST"] or "127.0.0.1", d["PORT"] or 5432
    return f"postgres://{d['USER']}{password}@{host}:{port}/{d['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_accepted_submission_under_gunicorn_is_a_stored_row():
    _needs_postgresql()
    run = uuid.uuid4().hex[:8]
    with gunicorn(database_url(connection.settings_dict)) as port:

        def one(n):
            message = f"Load test {run}: please cover topic number {n}."
            client = f"10.{n // 250}.{n % 250}.{n % 7 + 1}"
            return message, *submit(port, message, client=client)

        with ThreadPoolExecutor(max_workers=48) as pool:
            results = list(pool.map(one, range(240)))

        replayed = None
        if os.environ.get("TEST_REDIS_URL"):
            # One token raced from 20 clients at once, across workers: accepted once.
            token = protection.make_token(now=time.time() - 60)
            with ThreadPoolExecutor(max_workers=20) as pool:
                replayed = list(
                    pool.map(
                        lambda n: submit(
                            port, f"Replay {run} {n}", client=f"172.16.0.{n + 1}", token=token
                        ),
                        range(20),
                    )
                )

    accepted = {message for message, status, _body in results if 200 <= status < 300}
    stored = set(Feedback.objects.filter(message__startswith=f"Load test {run}").values_list(
        "message", flat=True))  # fmt: skip
    failures = [(status, body[:200]) for _m, status, body in results if status != 201]
    assert not failures, failures[:5]
    assert accepted == stored
    assert len(stored) == 240
    if replayed is not None:
        assert sorted(status for status, _body in replayed).count(201) == 1
        assert Feedback.objects.filter(message__startswith=f"Replay {run}").count() == 1


def _postgres_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL server binaries are not installed")
    return Path(found[-1]).parent


class ThrowawayCluster:
    """A PostgreSQL cluster of this test's own, in a temporary folder on a free port.

    As root, the server runs as the ``postgres`` OS user (it refuses to run as root).
    """

    def __init__(self):
        self.bin = _postgres_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_owner = []
        if os.geteuid() == 0:
            self.as_owner = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.dir, "postgres", "postgres")

    def _run(self, *args, timeout=60):
        subprocess.run(  # noqa: S603
            [*self.as_owner, *args], check=True, timeout=timeout, capture_output=True
        )

    def init(self):
        self._run(
            self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--no-sync",
        )  # fmt: skip
        return self

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run(
            self.bin / "pg_ctl", "-D", self.data, "-l", self.dir / "server.log",
            "-o", options, "-w", "-t", "30", "start",
        )  # fmt: skip

    def stop(self, mode="fast"):
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "30", "stop")

    def remove(self):
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


def test_a_database_lost_mid_submission_is_an_error_never_a_false_success():
    _needs_postgresql()
    cluster = ThrowawayCluster().init()
    try:
        cluster.start()
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate", "--noinput"],
            cwd=BASE_DIR, env=os.environ | {"DATABASE_URL": cluster.url},
            check=True, timeout=120, capture_output=True,
        )  # fmt: skip
        run = uuid.uuid4().hex[:8]
        results = []  # (message, status, body, sent after the stop?)
        stopped = threading.Event()
        counter = iter(range(10_000))
        lock = threading.Lock()

        with gunicorn(cluster.url, threads=4) as port:

            def reader(worker):
                for _ in range(200):  # bounded: the test ends long before
                    with lock:
                        n = next(counter)
                        after = stopped.is_set()
                        enough_after = sum(1 for r in results if r[3]) >= 24
                    if enough_after:
                        return
                    message = f"Outage test {run}: message {n}."
                    status, body = submit(port, message, client=f"10.9.{n // 250}.{n % 250}")
                    with lock:
                        results.append((message, status, body, after))

            with ThreadPoolExecutor(max_workers=6) as pool:
                futures = [pool.submit(reader, w) for w in range(6)]
                wait_for(
                    lambda: sum(1 for r in results if r[1] == 201) >= 30,
                    seconds=30,
                    what="submissions before the outage",
                )
                cluster.stop("immediate")  # the database vanishes mid-submission
                stopped.set()
                for future in futures:
                    future.result(timeout=60)
            # Without JavaScript the reader gets a readable page that keeps their words.
            html_status, html = submit(
                port, "Sent while the database is down", client="10.9.99.1", json=False
            )

        after = [r for r in results if r[3]]
        assert len(after) >= 24
        for _message, status, body, _after in after:
            assert status == 503, (status, body[:300])
            assert DB_ERROR_TEXT in body
        assert html_status == 503
        assert DB_ERROR_TEXT in html and "Sent while the database is down" in html

        # Every "received" answer, before or during the outage, is a stored row.
        cluster.start()
        with psycopg.connect(cluster.url.replace("postgres://", "postgresql://")) as db:
            rows = db.execute(
                "SELECT message FROM feedback_feedback WHERE message LIKE %s",
                (f"Outage test {run}:%",),
            ).fetchall()
        stored = {message for (message,) in rows}
        accepted = {message for message, status, _b, _a in results if status == 201}
        assert len(accepted) >= 30
        assert accepted <= stored
        assert all(status in (201, 503) for _m, status, _b, _a in results)
    finally:
        cluster.remove()
