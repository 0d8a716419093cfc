"""``make bench [N=10000]``: the site under load on production settings, as one table.

Builds a throwaway PostgreSQL database with N updates (``fixture.py``), starts gunicorn
(2 workers, DEBUG off) with Redis on 127.0.0.1, drives each page with wrk, and prints
req/s, p50, p99 and SQL queries per request, each also as a ratio to the static CSS file
measured in the same run, then the workers' memory. Drops the database and stops what it
started. Talks only to 127.0.0.1. Figures only: nothing here passes or fails, and CI does
not run it.
"""

import argparse
import os
import shutil
import subprocess
import sys

from .database import check_local, existing_database, manage, scratch_database
from .runner import Server, measure_all, print_table

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=int(os.environ.get("N") or 10_000))
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "18555")))
    parser.add_argument("--database", default=os.environ.get("BENCH_DB", "newsroom_bench"))
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure an existing, already built --database and keep it (for working on the "
        "bench itself)",
    )
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("make bench needs wrk: apt-get install wrk")
    check_local(REDIS_URL)
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + os.urandom(16).hex(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"bench{os.getpid()}",
        "NEWSROOM_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
        # The feedback row's thousands of refusals (429) would bury the table.
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    os.environ.update(env)
    if args.reuse:
        run(existing_database(args.database), args, env, build=False)
        return
    with scratch_database(args.database) as url:
        run(url, args, env, build=True)


def run(url, args, env, *, build):
    os.environ["DATABASE_URL"] = url
    manage(url, "migrate", "--noinput", "-v0", env=env)
    manage(url, "collectstatic", "--noinput", "-v0", env=env)
    if build:
        print(f"Building {args.updates} updates in {args.database} ...", flush=True)
        subprocess.run(
            [sys.executable, "-m", "newsroom.bench.fixture", str(args.updates)],
            env={**os.environ, **env},
            check=True,
        )
    with Server(args.port, env) as server:
        rows = measure_all(server, args.seconds)
        from newsroom.articles.models import Article  # Django is set up by measure_all

        print_table(rows, Article.objects.count(), server.worker_rss())


if __name__ == "__main__":
    sys.exit(main())
