"""Protection for an anonymous form: signed form tokens, a daily client key, and the
atomic cache checks (rate limits, replayed tokens, duplicate messages).

Everything here works with several app servers: state lives in the shared cache
(Redis in production) and every check is one atomic ``add`` or ``incr``. The raw
client address is only ever an input to an HMAC; it is never stored or logged.

Imports nothing from the rest of the app; ``forms`` and ``services`` import this.
"""

import hashlib
import hmac
import math
import secrets
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from redis import RedisError

TOKEN_SALT = "newsroom.feedback.form-token"  # noqa: S105 (a signing salt, not a secret)
KEY_PREFIX = "feedback"


# Signed form tokens ---------------------------------------------------------------


class TokenInvalid(Exception):
    """Missing, tampered with, or signed with another key."""


class TokenTooFast(Exception):
    """Sent sooner after the form was opened than a person could type."""


class TokenExpired(Exception):
    """The form was opened more than ``FEEDBACK_MAX_AGE`` seconds ago."""


@dataclass(frozen=True)
class FormToken:
    id: str
    issued_at: float


def make_token(now=None):
    """A signed token naming a fresh id and the time the form was handed out."""
    issued = time.time() if now is None else now
    return signing.dumps({"i": secrets.token_hex(12), "t": int(issued)}, salt=TOKEN_SALT)


def read_token(value, now=None):
    """The token's id and issue time, or one of the Token* exceptions."""
    try:
        data = signing.loads(value or "", salt=TOKEN_SALT)
        token = FormToken(id=str(data["i"]), issued_at=float(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise TokenInvalid from exc
    age = (time.time() if now is None else now) - token.issued_at
    if age > settings.FEEDBACK_MAX_AGE:
        raise TokenExpired
    if age < settings.FEEDBACK_MIN_SECONDS:
        raise TokenTooFast
    return token


# The client key ------------------------------------------------------------------


def client_address(request):
    """The reader's address: REMOTE_ADDR, or a proxy header when settings trust one.

    With ``FEEDBACK_CLIENT_ADDRESS_HEADER = "X-Forwarded-For"`` the address is the
    entry added by the last of ``FEEDBACK_TRUSTED_PROXY_COUNT`` trusted proxies;
    entries further left were written by the client and could be anything.
    """
    header = settings.FEEDBACK_CLIENT_ADDRESS_HEADER
    if header:
        value = request.headers.get(header, "")
        entries = [entry.strip() for entry in value.split(",") if entry.strip()]
        if entries:
            count = max(settings.FEEDBACK_TRUSTED_PROXY_COUNT, 1)
            return entries[-min(count, len(entries))]
    return request.META.get("REMOTE_ADDR", "")


def client_key(address, now=None):
    """HMAC(secret + current UTC date, address): stable for a day, then unlinkable."""
    moment = datetime.now(UTC) if now is None else datetime.fromtimestamp(now, UTC)
    secret = f"{settings.SECRET_KEY}:{KEY_PREFIX}:{moment.date().isoformat()}"
    return hmac.new(secret.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


# Atomic cache checks -------------------------------------------------------------


class Unavailable(Exception):
    """The shared cache cannot be reached, so no limit can be checked: refuse (fail safe)."""


@contextmanager
def _shared_cache():
    try:
        yield
    except (RedisError, OSError) as exc:
        raise Unavailable from exc


class RateLimited(Exception):
    def __init__(self, retry_after):
        super().__init__(retry_after)
        self.retry_after = retry_after


def hit_rate_limits(client, now=None):
    """Count one submission for ``client``; raise RateLimited when a limit is exceeded.

    Each limit of N per window is N slots; a submission takes a free slot with the
    cache's atomic ``add`` and the slot frees itself ``window`` seconds later. So it
    is exact ("at most N in any window"), and two app servers can never both take
    the last slot: Redis ``SET NX`` (or the local cache's lock) lets one of them win.
    Raises ``Unavailable`` when the cache cannot be reached: no limit, no message.
    """
    now = time.time() if now is None else now
    with _shared_cache():
        _take_slots(client, now)


def _take_slots(client, now):
    for limit, window in settings.FEEDBACK_RATE_LIMITS:
        slots = [f"{KEY_PREFIX}:rate:{window}:{client}:{n}" for n in range(limit)]
        taken = cache.get_many(slots)
        free = [slot for slot in slots if slot not in taken]
        if not any(cache.add(slot, now, timeout=window) for slot in free):
            taken = cache.get_many(slots)
            oldest = min(taken.values(), default=now)
            raise RateLimited(retry_after=max(1, math.ceil(oldest + window - now)))


def claim(key, timeout):
    """Atomically take ``key``; False when someone already holds it."""
    with _shared_cache():
        return cache.add(f"{KEY_PREFIX}:{key}", 1, timeout=timeout)


def release(*keys):
    with _shared_cache():
        cache.delete_many([f"{KEY_PREFIX}:{key}" for key in keys])


def token_claim_key(token):
    return f"used-token:{token.id}"


def duplicate_claim_key(client, message):
    """Same client, same words (ignoring case and spacing) within a day."""
    normalised = " ".join(message.casefold().split())
    digest = hashlib.sha256(normalised.encode()).hexdigest()[:32]
    return f"message:{client}:{digest}"
