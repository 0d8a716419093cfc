"""gunicorn on 127.0.0.1, wrk against it, and the table (see ``__main__``)."""

import contextlib
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

TERMS = {
    "en": [
        "model",
        "agent",
        "API",
        "pricing",
        "token",
        "latency",
        "benchmark",
        "developer",
        "inference",
        "GPU",
        "safety",
        "retrieval",
        "embedding",
        "prompt",
        "caching",
        "streaming",
        "reasoning",
        "vision",
        "speech",
        "license",
        "policy",
        "research",
        "dataset",
        "training",
        "platform",
    ],
    "nl": [
        "model",
        "agent",
        "prijzen",
        "token",
        "vertraging",
        "ontwikkelaar",
        "inferentie",
        "veiligheid",
        "ophalen",
        "inbedding",
        "prompt",
        "redeneren",
        "beeld",
        "spraak",
        "vertaling",
        "licentie",
        "beleid",
        "onderzoek",
        "dataset",
        "training",
        "rekenkracht",
        "samenwerking",
        "bedrijf",
        "platform",
        "storing",
    ],
}


class Server:
    """gunicorn -w 2 on 127.0.0.1:port with the production settings in ``env``."""

    def __init__(self, port, env):
        self.port, self.env = port, env

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "-w", "2",
             "-b", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            env={**os.environ, **self.env},
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise SystemExit("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_rss(self):
        """Resident memory of each worker, in MB."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024)
        return sizes


def wrk(server, paths, seconds, *, method="GET", bodies=None, headers=None):
    """req/s, p50, p95 and p99 ms, non-2xx for wrk cycling through ``paths`` (and ``bodies``)."""
    lua = _script(paths, method, bodies or [], headers or {})
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(lua)
    try:
        out = subprocess.run(
            ["wrk", "-t1", "-c4", f"-d{seconds}s", "--timeout", "30s", "--latency",
             "-s", handle.name, server.url("/")],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(handle.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p95 = int(re.search(r"^p95_us (\d+)$", out, re.M).group(1)) / 1000
    return rate, _latency(out, "50%"), p95, _latency(out, "99%"), _non_2xx(out)


def _script(paths, method, bodies, headers):
    quoted = ", ".join(json.dumps(p) for p in paths)
    body_list = ", ".join(json.dumps(b) for b in bodies)
    header_lines = "".join(
        f"  hdrs[{json.dumps(k)}] = {json.dumps(v)}\n" for k, v in headers.items()
    )
    return f"""
local paths = {{{quoted}}}
local bodies = {{{body_list}}}
local i = 0
wrk.method = "{method}"
request = function()
  i = i + 1
  local path = paths[(i - 1) % #paths + 1]
  local hdrs = {{}}
{header_lines}
  if #bodies > 0 then
    -- each message from another (documentation-range) reader, as behind a proxy
    hdrs["X-Forwarded-For"] = "192.0.2." .. (i % 250) .. ", 198.51.100." .. (i % 200)
    return wrk.format(nil, path, hdrs, bodies[(i - 1) % #bodies + 1])
  end
  return wrk.format(nil, path, hdrs)
end
done = function(summary, latency, requests)
  io.write(string.format("p95_us %d\\n", latency:percentile(95.0)))
end
"""


def _warm_up(server, path, headers):
    """One request first, so a cached row measures cache hits, not the first render."""
    request = urllib.request.Request(server.url(path), headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 (127.0.0.1)
            response.read()
    except urllib.error.HTTPError as error:
        if error.code != 304:  # the revalidation row's answer
            raise


def _latency(out, pct):
    match = re.search(rf"{re.escape(pct)}\s+([\d.]+)(us|ms|s)\b", out)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def _non_2xx(out):
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return int(match.group(1)) if match else 0


@contextlib.contextmanager
def _page_cache_misses():
    """Every page-cache lookup in this process misses, the generation kept: the cost of a
    page not yet rendered since the last publish (what is kept per generation, such as
    the taxonomy counts, stays kept: ``taxonomy counts`` measures that once per publish)."""
    from newsroom.pagecache import store

    real = store.PageStore.lookup

    def miss(self, key):
        generation, _page = real(self, key)
        return generation, None

    store.PageStore.lookup = miss
    try:
        yield
    finally:
        store.PageStore.lookup = real


def _in_process(client, path, *, warm, runs=3):
    """(SQL queries, median ms) of one request, in this process against the same database
    and Redis: a page-cache miss unless ``warm``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    times, queries = [], 0
    with contextlib.nullcontext() if warm else _page_cache_misses():
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - started) * 1000)
            queries = len(captured)
    return queries, statistics.median(times)


def _taxonomy_counts(runs=3):
    """(queries, median ms) of counting one language's topics, tags and sources: done once
    per language after each publish (and at most every PAGE_SECONDS), not per page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsroom.articles import taxonomy

    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            taxonomy._count("en")
            times.append((time.perf_counter() - started) * 1000)
    return len(captured), statistics.median(times)


def _distinct_list_urls(pages_per_tag=5):
    """Addresses of list pages that exist, each once, enough that none is asked twice in a
    row's few seconds (so every request renders): each topic's filtered list of all
    updates, page by page, and each tag's first pages, in both languages."""
    from newsroom.articles import taxonomy
    from newsroom.articles.models import Tag, Topic

    topic_slugs = dict(Topic.objects.values_list("pk", "slug"))
    tag_slugs = dict(Tag.objects.values_list("pk", "slug"))
    list_pages, tag_pages = [], []
    for lang in ("en", "nl"):
        counts = taxonomy._count(lang)
        for pk, count in counts["topics"].items():
            pages = min(250, -(-count // 20))
            list_pages += [
                f"/{lang}/updates/?topic={topic_slugs[pk]}&page={n}" for n in range(1, pages + 1)
            ]
        for pk, count in counts["tags"].items():
            pages = min(pages_per_tag, -(-count // 20))
            tag_pages += [f"/{lang}/tags/{tag_slugs[pk]}/?page={n}" for n in range(1, pages + 1)]
    random.Random(1).shuffle(list_pages)
    random.Random(2).shuffle(tag_pages)
    return list_pages, tag_pages


def measure_all(server, seconds):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client

    from newsroom.articles.models import Article, Topic
    from newsroom.feedback import protection

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    readable = Article.objects.for_readers_in("en")
    updates = [a.get_absolute_url("en") for a in readable.only("slug_en", "slug_nl")[:3000]]
    topic = Topic.objects.order_by("slug").first().slug
    list_pages, tag_pages = _distinct_list_urls()
    user = User.objects.get(username="bench")
    session = SessionStore()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    admin_headers = {"Cookie": f"sessionid={session.session_key}"}
    admin_client = Client()
    admin_client.cookies["sessionid"] = session.session_key

    with urllib.request.urlopen(server.url("/en/feedback/token/")) as response:  # noqa: S310
        csrf = json.load(response)["csrf"]
        cookie = response.headers["Set-Cookie"].split(";")[0]
    issued = time.time() - 10
    bodies = [
        f"csrfmiddlewaretoken={csrf}&message=Bench+message+{n}+about+the+pricing&kind=suggestion"
        f"&token={protection.make_token(issued)}&website="
        for n in range(3000)
    ]
    admin = "/admin/articles/article/?translation=nl%3Aoutdated"
    with urllib.request.urlopen(server.url(updates[0])) as response:  # noqa: S310
        revalidate = {"If-None-Match": response.headers["ETag"]}
    rows = [
        ("static CSS file", ["/static/css/site.css"], {}, None),
        ("update page, cached", [updates[0]], {}, "warm"),
        ("update page, 304 revalidation", [updates[0]], revalidate, "warm"),
        ("update page, uncached (distinct URLs)", updates, {}, "cold"),
        ("home", ["/en/"], {}, "cold"),
        ("list page 1", ["/en/updates/"], {}, "cold"),
        ("list page 250 (deepest)", ["/en/updates/?page=250"], {}, "cold"),
        ("list pages, distinct URLs", list_pages, {}, "cold"),
        ("topic page", [f"/en/topics/{topic}/"], {}, "cold"),
        ("tag pages, distinct URLs", tag_pages, {}, "cold"),
        ("search EN (25 terms)", [f"/en/search/?q={t}" for t in TERMS["en"]], {}, "cold"),
        ("search NL (25 terms)", [f"/nl/search/?q={t}" for t in TERMS["nl"]], {}, "cold"),
        ("RSS", ["/en/feeds/rss/"], {}, "cold"),
        ("sitemap index", ["/sitemap.xml"], {}, "cold"),
        ("sitemap section", ["/sitemap-updates.xml?p=2"], {}, "cold"),
        ("admin changelist, Dutch out of date", [admin], admin_headers, "admin"),
        ("admin changelist, + search", [admin + "&q=model"], admin_headers, "admin"),
    ]
    results = []
    for label, paths, headers, kind in rows:
        if kind != "cold" or len(paths) < 5:
            _warm_up(server, paths[0], headers)
        rate, p50, p95, p99, bad = wrk(server, paths, seconds, headers=headers)
        if kind is None:
            queries, render = None, None
        elif kind == "admin":
            queries, render = _in_process(admin_client, paths[0], warm=True)
        else:
            queries, render = _in_process(client, paths[0], warm=kind == "warm")
        results.append((label, rate, p50, p95, p99, render, queries, bad))
        print(f"  measured {label}", flush=True)
    queries, render = _taxonomy_counts()
    results.append(
        ("taxonomy counts, once per publish", None, None, None, None, render, queries, 0)
    )
    rate, p50, p95, p99, bad = wrk(
        server,
        ["/en/feedback/"],
        seconds,
        method="POST",
        bodies=bodies,
        headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"},
    )
    results.append(("feedback POST", rate, p50, p95, p99, None, None, bad))
    return results


def print_table(rows, updates, rss):
    static_rate = rows[0][1]
    static_p50 = rows[0][2] or 0.001
    print(f"\n{updates} updates; gunicorn -w 2, DEBUG off, Redis and PostgreSQL on 127.0.0.1;")
    print(f"{os.cpu_count()} cores. Ratios are to the static file in this run. 'render ms' and")
    print("'queries': one request in the bench process, a page-cache miss (median of 3).")
    print("Pages with one URL are served from the page cache under wrk after the first request.\n")
    head = f"{'page':38} {'req/s':>7} {'×static':>7} {'p50 ms':>7} {'×static':>7} "
    print(head + f"{'p95 ms':>7} {'p99 ms':>7} {'render ms':>9} {'queries':>7} {'non-2xx':>7}")
    for label, rate, p50, p95, p99, render, queries, bad in rows:
        render = "-" if render is None else f"{render:.0f}"
        queries = "-" if queries is None else str(queries)
        if rate is None:  # measured in this process only
            print(f"{label:38} {'-':>7} {'-':>7} {'-':>7} {'-':>7} {'-':>7} {'-':>7} "
                  f"{render:>9} {queries:>7} {'-':>7}")  # fmt: skip
            continue
        print(
            f"{label:38} {rate:7.0f} {rate / static_rate:7.2f} {p50:7.1f} "
            f"{p50 / static_p50:7.1f} {p95:7.1f} {p99:7.1f} {render:>9} {queries:>7} {bad:>7}"
        )
    print(f"\ngunicorn worker RSS after the run: {', '.join(f'{mb} MB' for mb in rss)}")
