"""A throwaway PostgreSQL database for the benchmark, created and dropped on 127.0.0.1."""

import contextlib
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

SERVER_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def _with_db(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin(sql):
    import psycopg

    with psycopg.connect(SERVER_URL, autocommit=True) as conn:
        conn.execute(sql)


def check_local(url):
    host = urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"The benchmark only talks to 127.0.0.1, not {host}.")


@contextlib.contextmanager
def scratch_database(name):
    """Create database ``name`` (dropping a leftover of the same name), yield its URL, drop it."""
    if not NAME.match(name):
        raise SystemExit(f"Not a plain database name: {name!r}")
    check_local(SERVER_URL)
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{name}"')
    try:
        yield _with_db(SERVER_URL, name)
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def existing_database(name):
    check_local(SERVER_URL)
    return _with_db(SERVER_URL, name)


def manage(url, *args, env=None, **kwargs):
    """Run ``manage.py`` against the bench database in a child process."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**os.environ, **(env or {}), "DATABASE_URL": url},
        check=True,
        **kwargs,
    )
