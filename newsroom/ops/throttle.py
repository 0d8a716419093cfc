"""Login throttling (django-axes): what a locked-out editor sees.

Settings (``AXES_*`` in settings.py): per account and per client address, counted in the
shared cache (no database rows, no stored IP address), the address read like the feedback
form's (``NEWSROOM_CLIENT_ADDRESS_HEADER``, ``NEWSROOM_TRUSTED_PROXY_COUNT``), and a
cool-off after which the account logs in again by itself.
"""

import logging

from axes.handlers.cache import AxesCacheHandler
from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
CACHE_ERRORS = (RedisError, OSError)


def cooloff_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def lockout_response(request, original_response=None, credentials=None):
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed logins"),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": max(1, cooloff_seconds() // 60),
    }
    response = render(request, "admin/lockout.html", context, status=429)
    response["Retry-After"] = str(cooloff_seconds())
    return response


class CacheOutageTolerantHandler(AxesCacheHandler):
    """Counts in the shared cache; while that cache is down, logins go on unthrottled.

    Failing open keeps editors working through a Redis outage (passwords are still
    checked); the outage is logged, and counting resumes when Redis is back.
    """

    def get_failures(self, request, credentials=None):
        try:
            return super().get_failures(request, credentials)
        except CACHE_ERRORS:
            _cache_down()
            return 0

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        try:
            return super().user_login_failed(sender, credentials, request, **kwargs)
        except CACHE_ERRORS:
            _cache_down()
            return None

    def user_logged_in(self, sender, request, user, **kwargs):
        try:
            return super().user_logged_in(sender, request, user, **kwargs)
        except CACHE_ERRORS:
            _cache_down()
            return None


def _cache_down():
    logger.warning("Login throttling is off: the shared cache cannot be reached.", exc_info=True)
