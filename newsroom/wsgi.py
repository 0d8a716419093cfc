"""WSGI entry point, used by gunicorn (``gunicorn newsroom.wsgi``) and runserver.

Cached public pages are answered by ``CachedPages`` before Django handles the request
(``newsroom/pagecache/wsgi.py``); everything else goes to Django.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

from newsroom.pagecache.wsgi import CachedPages  # noqa: E402 (needs the settings loaded)

application = CachedPages(django_application)
