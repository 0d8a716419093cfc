"""Backups: the database and the media folder in one timestamped tar file.

PostgreSQL is dumped with ``pg_dump --format=custom`` and restored with ``pg_restore
--clean`` in one transaction; SQLite is copied with its online backup API. The media
folder goes in beside it. ``manage.py backup`` / ``manage.py restore FILE`` (and
``make backup`` / ``make restore FILE=…``) call these.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"


class BackupError(Exception):
    pass


def create_backup(directory, *, using="default", now=None):
    """Write ``newsroom-<UTC timestamp>.tar`` into ``directory``; returns its path."""
    connection = connections[using]
    stamp = (now or timezone.now()).strftime("%Y%m%dT%H%M%SZ")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"newsroom-{stamp}.tar"
    with tempfile.TemporaryDirectory(prefix="newsroom-backup-") as work:
        work = Path(work)
        if connection.vendor == "postgresql":
            database_file = work / POSTGRES_DUMP
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(database_file)],
                 connection)  # fmt: skip
        elif connection.vendor == "sqlite":
            database_file = work / SQLITE_COPY
            connection.ensure_connection()
            with sqlite3.connect(database_file) as copy:
                connection.connection.backup(copy)
        else:
            raise BackupError(
                _("Backups support PostgreSQL and SQLite, not %(vendor)s.")
                % {"vendor": connection.vendor}
            )
        manifest = {"created": stamp, "database": connection.vendor, "format": 1}
        partial = target.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
            tar.add(database_file, arcname=database_file.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
        partial.rename(target)
    return target


def restore_backup(path, *, using="default"):
    """Replace the database and the media folder with those in the backup at ``path``."""
    connection = connections[using]
    with tempfile.TemporaryDirectory(prefix="newsroom-restore-") as work:
        work = Path(work)
        with tarfile.open(path) as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest["database"] != connection.vendor:
            raise BackupError(
                _("This backup is of a %(backup)s database; this site uses %(site)s.")
                % {"backup": manifest["database"], "site": connection.vendor}
            )
        if connection.vendor == "postgresql":
            connection.close()
            restore = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
            _run([*restore, "--exit-on-error", str(work / POSTGRES_DUMP)], connection)
        else:
            connection.ensure_connection()
            with sqlite3.connect(work / SQLITE_COPY) as copy:
                copy.backup(connection.connection)
        _replace_media(work / "media")
    return manifest


def _replace_media(source):
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        for child in media.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    if source.is_dir():
        shutil.copytree(source, media, dirs_exist_ok=True)


def _run(command, connection):
    params = connection.settings_dict
    env = os.environ.copy()
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    name = connection.settings_dict["NAME"]
    args = [
        *command[:1],
        "--host", params.get("HOST") or "127.0.0.1",
        "--port", str(params.get("PORT") or 5432),
        "--username", params.get("USER") or "postgres",
        "--dbname", name,
        *command[1:],
    ]  # fmt: skip
    try:
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=3600)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            _("%(program)s is not installed (apt-get install postgresql-client).")
            % {"program": command[0]}
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": command[0], "error": error.stderr.decode(errors="replace")[-2000:]}
        ) from error


def _add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))
