"""Writes for reader feedback: storing a submission, moderating many at once."""

import re

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from . import protection
from .models import Feedback

# Two or more links, or links making up most of the text, mark a message as likely spam.
LINK_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
MAX_LINKS = 2
DUPLICATE_WINDOW = 24 * 60 * 60


class Replayed(Exception):
    """The form token was already used for a stored message."""


class Duplicate(Exception):
    """This client sent the same message already today."""


def looks_like_spam(message):
    links = LINK_RE.findall(message)
    if len(links) > MAX_LINKS:
        return True
    linked = sum(len(link) for link in links)
    return bool(links) and linked * 2 > len(message.strip())


def submit_feedback(*, message, kind, language, token, client, article=None, useful=None, now=None):
    """Store one reader message, or raise why not.

    Raises ``protection.RateLimited``, ``Replayed``, ``Duplicate``,
    ``protection.Unavailable`` (the shared cache is down, so nothing is checked and
    nothing stored) or ``DatabaseError``. It returns only once the row is committed, so a reader
    told "received" can trust the message is stored. Cache claims made for a
    message that could not be stored are released, so the reader can try again.
    """
    protection.hit_rate_limits(client)
    token_key = protection.token_claim_key(token)
    if not protection.claim(token_key, timeout=settings.FEEDBACK_MAX_AGE):
        raise Replayed
    duplicate_key = protection.duplicate_claim_key(client, message)
    if not protection.claim(duplicate_key, timeout=DUPLICATE_WINDOW):
        protection.release(token_key)
        raise Duplicate
    spam = looks_like_spam(message)
    try:
        return Feedback.objects.create(
            message=message,
            kind=kind,
            language=language,
            article=article,
            useful=useful,
            received_at=now or timezone.now(),
            likely_spam=spam,
            status=Feedback.Status.SPAM if spam else Feedback.Status.NEW,
        )
    except DatabaseError:
        protection.release(token_key, duplicate_key)
        raise


def set_status(*, queryset, status):
    """Moderate many messages at once; returns how many changed."""
    return queryset.exclude(status=status).update(status=status)
