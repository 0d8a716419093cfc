from django.urls import path

from . import feeds, views
from .caching import public_page

app_name = "articles"

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("updates/", public_page(views.UpdateListView.as_view()), name="list"),
    path("updates/<slug:slug>/", public_page(views.article_detail), name="detail"),
    path(
        "topics/<slug:slug>/", public_page(views.UpdateListView.as_view(kind="topic")), name="topic"
    ),
    path("tags/<slug:slug>/", public_page(views.UpdateListView.as_view(kind="tag")), name="tag"),
    path(
        "sources/<slug:slug>/",
        public_page(views.UpdateListView.as_view(kind="source")),
        name="source",
    ),
    path("search/", views.search_view, name="search"),
    path("feeds/rss/", public_page(feeds.UpdatesRss()), name="feed_rss"),
    path("feeds/atom/", public_page(feeds.UpdatesAtom()), name="feed_atom"),
    path("topics/<slug:slug>/rss/", public_page(feeds.TopicRss()), name="topic_feed_rss"),
    path("topics/<slug:slug>/atom/", public_page(feeds.TopicAtom()), name="topic_feed_atom"),
    path("tags/<slug:slug>/rss/", public_page(feeds.TagRss()), name="tag_feed_rss"),
    path("tags/<slug:slug>/atom/", public_page(feeds.TagAtom()), name="tag_feed_atom"),
]
