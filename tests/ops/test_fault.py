"""PostgreSQL restarted under load, under gunicorn with production settings.

A throwaway cluster of this test's own (initdb in a temporary folder, its own port) is
stopped while readers load pages and send feedback, then started again. During the
outage every answer is a 503 (pages carry Retry-After), never a 500 and never a false
"received"; afterwards the same gunicorn answers 200 again without a restart.
Marked slow: ``make test-slow`` runs it (it needs PostgreSQL's server binaries).
"""

import http.client
import itertools
import os
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.conf import settings

from tests import servers
from tests.feedback.test_gunicorn import BASE_DIR, ThrowawayCluster, submit, wait_for

pytestmark = pytest.mark.slow


def manage(*args, env):
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR, env=env, timeout=300, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]


def production_gunicorn(env):
    return servers.gunicorn(env, workers=2, threads=4, seconds=60)


def get_page(port, n):
    """A public page the cache has not seen: a search for a new word each time (the page
    cache keys on the parameters a page reads, so ``/en/?n=…`` would be one cached page)."""
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", f"/en/search/?q=fault{n}", headers={"Accept-Language": "en"})
        response = conn.getresponse()
        return response.status, response.read().decode(), response.getheader("Retry-After")
    except OSError as exc:
        return 0, str(exc), None


def test_postgresql_restarted_under_load_gives_503s_then_recovers(tmp_path):
    cluster = ThrowawayCluster().init()
    try:
        cluster.start()
        env = os.environ | {
            "DATABASE_URL": cluster.url,
            "DATABASE_CONN_MAX_AGE": "60",  # persistent connections must survive the restart
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # the form tokens are minted with it
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
            "NEWSROOM_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
            "DJANGO_LOG_LEVEL": "CRITICAL",
        }
        env.pop("REDIS_URL", None)
        manage("migrate", "--noinput", env=env)
        manage("collectstatic", "--noinput", env=env)
        run = uuid.uuid4().hex[:8]
        counter = itertools.count()
        results = []  # (kind, status, body, retry_after, phase, message)
        phase = {"now": "before"}
        lock = threading.Lock()

        with production_gunicorn(env) as (port, server):
            stop = threading.Event()

            def reader(worker):
                while not stop.is_set():
                    n = next(counter)
                    current = phase["now"]
                    if n % 2:
                        message = f"Fault test {run}: message {n}."
                        status, body = submit(port, message, client=f"10.8.{n // 250}.{n % 250}")
                        row = ("post", status, body, None, current, message)
                    else:
                        row = ("get", *get_page(port, n), current, None)
                    with lock:
                        results.append(row)

            def count(phase_name, *statuses):
                with lock:
                    return sum(1 for r in results if r[4] == phase_name and r[1] in statuses)

            with ThreadPoolExecutor(max_workers=6) as pool:
                futures = [pool.submit(reader, w) for w in range(6)]
                try:
                    wait_for(lambda: count("before", 200, 201) >= 20, seconds=60, what="load")
                    cluster.stop("immediate")  # the database goes away mid-request
                    phase["now"] = "down"
                    wait_for(lambda: count("down", 503) >= 20, seconds=60, what="503s")
                    phase["now"] = "starting"  # answers may go either way while it starts
                    cluster.start()
                    phase["now"] = "restarted"
                    try:
                        wait_for(
                            lambda: count("restarted", 200) >= 5 and count("restarted", 201) >= 5,
                            seconds=60,
                            what="recovery without restarting gunicorn",
                        )
                    except AssertionError:
                        seen = {(r[0], r[1], r[2][:200]) for r in results if r[4] == "restarted"}
                        raise AssertionError(f"no recovery: {sorted(seen)[:6]}") from None
                finally:
                    stop.set()
                    for future in futures:
                        future.result(timeout=60)
            assert server.poll() is None  # the same gunicorn all along

        statuses = {(r[0], r[1]) for r in results}
        assert statuses <= {("get", 200), ("get", 503), ("post", 201), ("post", 503)}, [
            (r[0], r[1], r[2][:300]) for r in results if r[1] not in (200, 201, 503)
        ][:3]
        # Pages render from what is cached where they can; the rest are 503 with Retry-After.
        down_pages = [r for r in results if r[4] == "down" and r[0] == "get" and r[1] == 503]
        assert len(down_pages) >= 5
        for _kind, _status, body, retry_after, _phase, _m in down_pages:
            assert retry_after == "30"
            assert "Temporarily unavailable" in body and "Tijdelijk niet beschikbaar" in body
        down_posts = [(r[1], r[2][:300]) for r in results if r[4] == "down" and r[0] == "post"]
        assert all(status == 503 for status, _body in down_posts), [
            p for p in down_posts if p[0] != 503
        ]

        # No false success: every "received" answer is a stored row.
        with psycopg.connect(cluster.url.replace("postgres://", "postgresql://")) as db:
            rows = db.execute(
                "SELECT message FROM feedback_feedback WHERE message LIKE %s",
                (f"Fault test {run}:%",),
            ).fetchall()
        stored = {message for (message,) in rows}
        accepted = {r[5] for r in results if r[0] == "post" and r[1] == 201}
        assert accepted and accepted <= stored
    finally:
        cluster.remove()
