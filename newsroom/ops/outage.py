"""A database outage answers 503 with Retry-After and a readable page, never a 500.

The middleware turns a view's lost-database error into that answer (and keeps it out of
the error log's "Internal Server Error" mails); ``server_error``, the project's 500
handler, does the same for errors raised outside views (middleware, templates). The page
touches neither the database nor the cache. Nothing is retried here: a POST whose write
failed is answered 503, never "received".
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def is_database_outage(error):
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OUTAGE_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def database_unavailable(request, error=None):
    logger.warning("Database unavailable, answering 503: %s", error)

    body = loader.render_to_string("503.html", request=None)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return database_unavailable(request, exception)
        return None


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if is_database_outage(error):
        return database_unavailable(request, error)
    return defaults.server_error(request, template_name=template_name)
