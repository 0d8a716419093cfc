"""The app under gunicorn on 127.0.0.1, for the tests that need real processes
(feedback under load, two app servers sharing Redis, the database fault test)."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, *, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def answers(port, path="/en/feedback/token/"):
    """Whether the server on ``port`` answers ``path`` with 200 yet."""
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", path)
        return conn.getresponse().status == 200
    except OSError:
        return False


@contextlib.contextmanager
def gunicorn(env, *, workers=2, threads=4, seconds=60):
    """Start ``newsroom.wsgi`` under gunicorn with ``env``; yield (port, process).

    Stopped (and its log removed) on exit; if it dies while starting, its log's tail is
    the assertion message.
    """
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable, "-m", "gunicorn", "newsroom.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
            "--timeout", "30", "--graceful-timeout", "2",
        ],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for(
            lambda: answers(port) or server.poll() is not None, seconds=seconds, what="gunicorn"
        )
        assert server.poll() is None, Path(log.name).read_text()[-3000:]
        yield port, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
        log.close()
        os.unlink(log.name)
