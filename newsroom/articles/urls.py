from django.urls import path, register_converter

from . import authors, feeds, views
from .caching import LIST_PARAMS, public_page
from .converters import UnicodeSlugConverter
from .export.views import article_export
from .pagemeta import robots_noindex

app_name = "articles"
register_converter(UnicodeSlugConverter, "uslug")

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("updates/", public_page(params=LIST_PARAMS)(views.UpdateListView.as_view()), name="list"),
    path("updates/<slug:slug>/", public_page(views.article_detail), name="detail"),
    path(
        "topics/<slug:slug>/",
        public_page(params=LIST_PARAMS)(views.UpdateListView.as_view(kind="topic")),
        name="topic",
    ),
    path(
        "tags/<uslug:slug>/",
        public_page(params=LIST_PARAMS)(views.UpdateListView.as_view(kind="tag")),
        name="tag",
    ),
    path(
        "sources/<slug:slug>/",
        public_page(params=LIST_PARAMS)(views.UpdateListView.as_view(kind="source")),
        name="source",
    ),
    path(
        "authors/<int:pk>/",
        public_page(params=("page",))(authors.AuthorView.as_view()),
        name="author",
    ),
    path(
        "updates/<slug:slug>/export.docx",
        article_export,
        {"fmt": "docx"},
        name="export_docx",
    ),
    path("updates/<slug:slug>/export.pdf", article_export, {"fmt": "pdf"}, name="export_pdf"),
    path(
        "updates/<slug:slug>/original/",
        robots_noindex(public_page(views.cached_original)),
        name="original",
    ),
    path("search/", views.search_view, name="search"),
    path("feeds/rss/", public_page(feeds.UpdatesRss()), name="feed_rss"),
    path("feeds/atom/", public_page(feeds.UpdatesAtom()), name="feed_atom"),
    path("topics/<slug:slug>/rss/", public_page(feeds.TopicRss()), name="topic_feed_rss"),
    path("topics/<slug:slug>/atom/", public_page(feeds.TopicAtom()), name="topic_feed_atom"),
    path("tags/<uslug:slug>/rss/", public_page(feeds.TagRss()), name="tag_feed_rss"),
    path("tags/<uslug:slug>/atom/", public_page(feeds.TagAtom()), name="tag_feed_atom"),
]
