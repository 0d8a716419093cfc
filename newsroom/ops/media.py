"""Uploaded images served by the app when no proxy serves ``/media/`` itself.

With ``NEWSROOM_SERVE_MEDIA`` on (the default) this view answers ``/media/<path>`` with
DEBUG off too: only files inside MEDIA_ROOT, only image types, cached for a day by
browsers and proxies, never a directory listing. A proxy that serves the media folder
itself (nginx ``location /media/ { alias /srv/newsroom/media/; }``) makes it unneeded:
set ``NEWSROOM_SERVE_MEDIA=0`` and the URL is not routed to Django at all.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.http import http_date
from django.views.decorators.http import require_safe

IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}
MAX_AGE = 24 * 60 * 60


@require_safe
def serve_media(request, path):
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        file = (root / path).resolve()
    except (OSError, ValueError) as error:
        raise Http404 from error
    if not file.is_relative_to(root) or not file.is_file():
        raise Http404
    content_type, _encoding = mimetypes.guess_type(file.name)
    if content_type not in IMAGE_TYPES:
        raise Http404
    stat = file.stat()
    response = FileResponse(file.open("rb"), content_type=content_type)
    response["Content-Length"] = str(stat.st_size)
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Cross-Origin-Resource-Policy"] = "same-site"
    return response
