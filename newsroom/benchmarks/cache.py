"""How fast cached pages are answered, next to a static file, under gunicorn and wrk.

``python -m newsroom.benchmarks.cache`` (or ``make bench-cache``; ``make bench`` may call
``main()``). Builds a scratch database with the demo content (SQLite, or
``BENCH_DATABASE_URL``), collects static files, starts its own ``redis-server`` with
no persistence (or uses ``BENCH_REDIS_URL``) and ``gunicorn -w 2`` with production
settings, all on 127.0.0.1, then measures in interleaved rounds with Debian's ``wrk``:
the static CSS file, a cached update page and a 304 revalidation of it. Prints req/s,
the ratio to the static file and the target (0.9). Cleans up after itself.
"""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
TARGET = 0.9


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if check():
                return
        time.sleep(0.1)
    raise RuntimeError(f"timed out waiting for {what}")


def fetch(port, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode(errors="replace"), response.headers
    finally:
        conn.close()


@contextlib.contextmanager
def process(args, **kwargs):
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)  # noqa: S603
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@contextlib.contextmanager
def redis_url():
    if os.environ.get("BENCH_REDIS_URL"):
        yield os.environ["BENCH_REDIS_URL"]
        return
    binary = shutil.which("redis-server")
    if not binary:
        raise SystemExit("redis-server is needed (apt-get install redis-server)")
    port = free_port()
    args = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    with process(args):
        wait_until(lambda: socket.create_connection(("127.0.0.1", port), 1).close() is None, 10,
                   "redis-server")  # fmt: skip
        yield f"redis://127.0.0.1:{port}/0"


def wrk(url, seconds, headers=()):
    args = ["wrk", "-t", "2", "-c", "16", "-d", f"{seconds}s", "--latency"]
    for header in headers:
        args += ["-H", header]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    return rate


def measure(port, *, rounds, seconds):
    status, html, _h = fetch(port, "/en/")
    assert status == 200, status
    update = re.search(r'href="(/en/updates/[^"/]+/)"', html).group(1)
    css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    fetch(port, update)  # cached now
    _s, _b, headers = fetch(port, update)
    etag = headers["ETag"]
    assert fetch(port, update, {"If-None-Match": etag})[0] == 304
    base = f"http://127.0.0.1:{port}"
    cases = {
        "static CSS file": (base + css, ()),
        "cached update page": (base + update, ()),
        "304 revalidation": (base + update, (f"If-None-Match: {etag}",)),
    }
    rates = {name: [] for name in cases}
    for _ in range(rounds):  # interleaved, so a busy moment hurts every case alike
        for name, (url, extra) in cases.items():
            rates[name].append(wrk(url, seconds, extra))
    return {name: statistics.median(values) for name, values in rates.items()}


def in_process(env, port, requests=2000):
    """CPU time per request through the WSGI application in this process: a figure a
    busy machine disturbs less than req/s (the same paths, the same Redis)."""
    import io

    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    from newsroom.wsgi import application as app  # what gunicorn serves (sets Django up)

    _s, html, _h = fetch(port, "/en/")
    update = re.search(r'href="(/en/updates/[^"/]+/)"', html).group(1)
    css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    etag = fetch(port, update)[2]["ETag"]

    def environ(path, extra):
        return {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": str(port),
            "HTTP_HOST": f"127.0.0.1:{port}", "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
            "REMOTE_ADDR": "127.0.0.1", **extra,
        }  # fmt: skip

    def cost(path, extra=None):
        statuses = set()

        def start_response(status, headers, exc_info=None):
            statuses.add(status[:3])

        start = time.process_time()
        for _ in range(requests):
            body = app(environ(path, extra or {}), start_response)
            for _chunk in body:
                pass
            if hasattr(body, "close"):  # a cache hit answers with a plain list
                body.close()
        spent = time.process_time() - start
        assert statuses <= {"200", "304"}, statuses
        return spent / requests * 1e6

    cost(update)  # warm
    return {
        "static CSS file": cost(css),
        "cached update page": cost(update),
        "304 revalidation": cost(update, {"HTTP_IF_NONE_MATCH": etag}),
    }


def main(rounds=3, seconds=5):
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (apt-get install wrk)")
    scratch = Path(tempfile.mkdtemp(prefix="newsroom-bench-cache-"))
    try:
        with redis_url() as redis:
            env = os.environ | {
                "DATABASE_URL": os.environ.get(
                    "BENCH_DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3"
                ),
                "REDIS_URL": redis,
                "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "DJANGO_STATIC_ROOT": str(scratch / "static"),
                "NEWSROOM_DEMO_CONTENT": "1",
                "NEWSROOM_TASKS_BACKEND": "immediate",
                "DJANGO_LOG_LEVEL": "WARNING",
            }
            manage = [sys.executable, "manage.py"]
            for command in (["migrate", "--noinput"], ["loaddemo"], ["collectstatic", "--noinput"]):
                subprocess.run([*manage, *command, "-v", "0"], cwd=BASE_DIR, env=env, check=True,  # noqa: S603
                               capture_output=True)  # fmt: skip
            port = free_port()
            gunicorn = [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application",
                        "--bind", f"127.0.0.1:{port}", "--workers", "2"]  # fmt: skip
            with process(gunicorn, cwd=BASE_DIR, env=env):
                wait_until(lambda: fetch(port, "/en/")[0] == 200, 30, "gunicorn")
                results = measure(port, rounds=rounds, seconds=seconds)
                cpu = in_process(env, port)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    static = results["static CSS file"]
    print(f"\nCached pages under gunicorn -w 2 (median of {rounds} interleaved {seconds}s rounds)")
    print(f"{'':22} {'req/s':>9} {'× static':>9} {'target':>7}")
    for name, rate in results.items():
        target = "" if name.startswith("static") else f"≥{TARGET}"
        print(f"{name:22} {rate:>9.0f} {rate / static:>9.2f} {target:>7}")
    print("\nCPU time per request through the WSGI application, in one process")
    print(f"{'':22} {'µs':>9} {'× static':>9}")
    for name, micros in cpu.items():
        print(f"{name:22} {micros:>9.0f} {cpu['static CSS file'] / micros:>9.2f}")
    return results, cpu


if __name__ == "__main__":
    main()
