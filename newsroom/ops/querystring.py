"""``QueryStringMiddleware``: control characters never reach a view through the URL.

A NUL byte in ``?topic=``, ``?tag=``, ``?source=`` or ``?q=`` made PostgreSQL refuse the
query (a 500), and other control characters have no business in a page address. They
are removed from every parameter name and value before anything reads the query string
(the page cache's key included), so the page answers as if they had not been typed.
"""

import re
from urllib.parse import parse_qsl, urlencode

from newsroom.text import CONTROL_CHARACTERS, strip_control_characters

# A control character, raw or percent-encoded (%00–%1F); tab and line breaks included,
# which are kept, so a match only means "look closer".
_SUSPECT = re.compile(r"%[01][0-9a-f]|[\x00-\x1f]", re.IGNORECASE)


def clean_query_string(query_string):
    """``query_string`` without control characters in its names and values."""
    if not _SUSPECT.search(query_string):
        return query_string
    pairs = parse_qsl(query_string, keep_blank_values=True)
    if not any(CONTROL_CHARACTERS.search(n) or CONTROL_CHARACTERS.search(v) for n, v in pairs):
        return query_string
    return urlencode([(strip_control_characters(n), strip_control_characters(v)) for n, v in pairs])


class QueryStringMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        cleaned = clean_query_string(query_string)
        if cleaned != query_string:
            request.META["QUERY_STRING"] = cleaned
            request.__dict__.pop("GET", None)  # parsed again from the clean string
        return self.get_response(request)
