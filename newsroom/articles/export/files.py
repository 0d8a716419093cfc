"""Built export files, kept in the ``exports`` storage and named by what they hold.

A file is ``<update id>/<kind><lang>-v<version>-<stamp>.<fmt>``: every change through
the editorial workflow bumps the update's version, so a name never goes stale and needs
no cache to retire it. The stamp (the update's last-changed time) tells apart versions
of the same number in another life of the database (a restored backup, a new one).
``kind`` is empty for the public file (published updates only) and ``staff-`` or
``draft-`` for the admin's previews, which the public view never names.
A build that failed leaves ``<name>.failed`` (the reason) for ``RETRY_SECONDS``, so
readers get a clear page instead of waiting for a file that will not come.

The storage (``STORAGES["exports"]``, under ``NEWSROOM_EXPORTS_ROOT``) is not the
public media folder: drafts' previews must never be reachable by a URL, and exports can
always be built again, so backups leave them out.
"""

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.utils import timezone

UNAVAILABLE = "unavailable"  # the PDF libraries are missing where the task ran
ERROR = "error"
RETRY_SECONDS = 10 * 60
NAME = re.compile(
    r"^(?:staff-|draft-)?[a-z-]+-v(?P<version>\d+)-(?P<stamp>[0-9a-f]+)\.\w+(?:\.failed)?$"
)


class ExportStorage(FileSystemStorage):
    """Files under ``NEWSROOM_EXPORTS_ROOT``, each written whole: written beside its name
    and renamed into place, so a reader never downloads half a file. Saving a name that
    exists replaces it (the same name always holds the same export)."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.NEWSROOM_EXPORTS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def get_available_name(self, name, max_length=None):
        return name

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in content.chunks():
                    out.write(chunk)
            os.chmod(partial, self.file_permissions_mode or 0o644)
            os.replace(partial, full_path)
        except BaseException:
            os.unlink(partial)
            raise
        return name


def storage():
    return storages["exports"]


@dataclass(frozen=True)
class ExportKey:
    article_id: int
    lang: str
    fmt: str
    version: int
    stamp: str
    kind: str = ""  # "", "staff-" (a published update as staff see it) or "draft-"

    @classmethod
    def of(cls, article, lang, fmt, *, staff=False):
        kind = "" if not staff else ("staff-" if article.is_published() else "draft-")
        stamp = f"{int(article.updated_at.timestamp() * 1000):x}"
        return cls(article.pk, lang, fmt, article.version, stamp, kind)

    @property
    def name(self):
        return f"{self.article_id}/{self.kind}{self.lang}-v{self.version}-{self.stamp}.{self.fmt}"

    @property
    def failure_name(self):
        return f"{self.name}.failed"


def exists(key):
    return storage().exists(key.name)


def read(key):
    """The built file's bytes, or None when it is not built (or was pruned just now)."""
    try:
        with storage().open(key.name, "rb") as built:
            return built.read()
    except FileNotFoundError:
        return None


def save(key, content):
    store = storage()
    store.save(key.name, ContentFile(content))
    store.delete(key.failure_name)


def record_failure(key, reason):
    storage().save(key.failure_name, ContentFile(reason.encode()))


def failure(key, *, now=None):
    """Why the last build of ``key`` failed (``UNAVAILABLE`` or ``ERROR``), while recent."""
    store = storage()
    try:
        failed_at = store.get_modified_time(key.failure_name)
        with store.open(key.failure_name, "rb") as marker:
            reason = marker.read().decode()
    except FileNotFoundError:
        return None
    if failed_at < (now or timezone.now()) - timedelta(seconds=RETRY_SECONDS):
        return None  # try again: the libraries may be installed by now
    return reason


def prune(key):
    """Delete the update's files of older versions (or of this one with another stamp);
    returns how many. A newer version, built meanwhile by another job, is kept."""
    store = storage()
    try:
        _folders, names = store.listdir(str(key.article_id))
    except FileNotFoundError:
        return 0
    old = [
        name
        for name in names
        if (match := NAME.match(name)) and _older(int(match["version"]), match["stamp"], key)
    ]
    for name in old:
        store.delete(f"{key.article_id}/{name}")
    return len(old)


def _older(version, stamp, key):
    return version < key.version or (version == key.version and stamp != key.stamp)
