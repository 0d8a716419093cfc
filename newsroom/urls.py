from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from newsroom.articles.caching import public_page
from newsroom.articles.sitemaps import SITEMAPS
from newsroom.articles.views import favicon, robots_txt
from newsroom.ops import health
from newsroom.ops.media import serve_media
from newsroom.translation_desk.preview import preview_page

handler500 = "newsroom.ops.outage.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/translations/", include("newsroom.translation_desk.urls")),
    path("admin/", admin.site.urls),
    path("preview/<str:token>/", preview_page, name="preview_link"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on their own, whatever the page links to.
    path("favicon.ico", favicon, name="favicon"),
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap, params=("p",)),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

urlpatterns += i18n_patterns(
    path("", include("newsroom.articles.urls")),
    path("feedback/", include("newsroom.feedback.urls")),
    prefix_default_language=True,
)

if settings.NEWSROOM_SERVE_MEDIA:
    urlpatterns.insert(
        0, path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media, name="media")
    )
