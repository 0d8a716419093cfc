"""Who else has an update open: a heartbeat-based presence list in the shared cache.

Each open change form (and, later, the translation desk) calls ``touch`` when it is
rendered and every ``HEARTBEAT_SECONDS`` from a small script. An entry is shown to the
others until ``EXPIRES_SECONDS`` after its last heartbeat, so a closed tab or a lost
connection disappears on its own; a page that is left normally says so at once
(``leave``). This is advice for people, never a lock: saving still relies on the edit
version.

The entries live in Django's default cache (Redis when ``REDIS_URL`` is set, so every app
server sees the same list). Each update has one cache entry holding ``{user id: entry}``;
two heartbeats at the same instant can overwrite one another, which the next heartbeat
repairs. When the cache is down, presence shows nothing and never raises.

This module knows nothing of the admin; ``presence_admin.py`` hooks it into the form.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.utils import formats, timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 20
# Browsers slow the timers of background tabs to about one a minute; a little over
# a minute keeps such a tab listed while it is still open.
EXPIRES_SECONDS = 75

_KEY = "presence:article:{pk}"


@dataclass(frozen=True)
class Visitor:
    """Someone with the update open: who, and since when (aware datetimes)."""

    user_id: int
    name: str
    since: datetime
    seen: datetime

    def describe(self, now=None):
        """“Anna de Vries has had this update open since 6:32 p.m.”, in the active language and
        the site's time zone; the date is added when it was not today."""
        now = timezone.localtime(now or timezone.now())
        since = timezone.localtime(self.since)
        if since.date() == now.date():
            when = formats.time_format(since, "TIME_FORMAT")
        else:
            when = formats.date_format(since, "DATETIME_FORMAT")
        return _("%(name)s has had this update open since %(time)s") % {
            "name": self.name,
            "time": when,
        }


def _key(article_pk):
    return _KEY.format(pk=int(article_pk))


def staff_name(user):
    """How staff are named to each other in the admin: full name, else their login."""
    return user.get_full_name().strip() or user.get_username()


def _load(article_pk):
    raw = cache.get(_key(article_pk))
    return raw if isinstance(raw, dict) else {}


def _alive(entries, now):
    cutoff = now - timedelta(seconds=EXPIRES_SECONDS)
    return {
        uid: entry
        for uid, entry in entries.items()
        if isinstance(entry, dict) and entry.get("seen", cutoff) > cutoff
    }


def _visitors(entries, exclude_user_id):
    visitors = [
        Visitor(user_id=uid, name=entry["name"], since=entry["since"], seen=entry["seen"])
        for uid, entry in entries.items()
        if uid != exclude_user_id
    ]
    return sorted(visitors, key=lambda v: (v.since, v.name))


def touch(*, article_pk, user, now=None):
    """Record that ``user`` has the update open now; return the others who have it open.

    Never raises: with the cache down, nobody is listed.
    """
    now = now or timezone.now()
    try:
        entries = _alive(_load(article_pk), now)
        mine = entries.get(user.pk)
        entries[user.pk] = {
            "name": staff_name(user),
            "since": mine["since"] if mine else now,
            "seen": now,
        }
        cache.set(_key(article_pk), entries, timeout=EXPIRES_SECONDS)
    except Exception:  # any cache failure: presence is a courtesy, never an error page
        logger.warning("Presence is unavailable (cache error).", exc_info=True)
        return []
    return _visitors(entries, user.pk)


def others(*, article_pk, user, now=None):
    """Who else has the update open (without recording ``user``)."""
    now = now or timezone.now()
    try:
        entries = _alive(_load(article_pk), now)
    except Exception:
        logger.warning("Presence is unavailable (cache error).", exc_info=True)
        return []
    return _visitors(entries, user.pk)


def leave(*, article_pk, user, now=None):
    """``user`` closed the update: the others stop seeing them at once."""
    now = now or timezone.now()
    try:
        entries = _alive(_load(article_pk), now)
        if entries.pop(user.pk, None) is None:
            return
        if entries:
            cache.set(_key(article_pk), entries, timeout=EXPIRES_SECONDS)
        else:
            cache.delete(_key(article_pk))
    except Exception:
        logger.warning("Presence is unavailable (cache error).", exc_info=True)
