"""The site's URLs plus uploaded media, for browser tests (the live server serves only static
files, and DEBUG is off under pytest)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import urlpatterns as site_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)  # read per test


urlpatterns = [
    *site_urlpatterns,
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", media),
]
