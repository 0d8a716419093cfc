"""Every public page and the admin changelist run the same number of queries at 5 updates as
at 40: what a page costs must not grow with the content (docs/performance.md)."""

import pytest
from django.db import connection

from newsroom.articles.models import Correction
from newsroom.articles.views import UpdateListView

from .factories import link, make_article, make_source, make_topic, make_user
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db
SIZES = [5, 40]
# A search on PostgreSQL first turns the words into a tsquery (one more query, the
# first time a process sees the words), finds the tags and topics whose names match (one),
# reads the ids of the newest matching updates (one; one more for each of tags and
# topics when a name matched), and marks the matches of the page's results (ts_headline,
# only for the page).
SEARCH_EXTRA = 4 if connection.vendor == "postgresql" else 0


@pytest.fixture(autouse=True)
def _words_never_seen():
    """Pin the cold count: the tsquery cache starts empty for every test."""
    from newsroom.articles.search import postgres

    postgres._tsquery.cache_clear()


@pytest.fixture
def content(request):
    size = request.param
    source, topic = make_source(slug="wire"), make_topic(slug="models")
    updates = []
    for n in range(size):
        update = make_bilingual(signals=3, source=source, title_en=f"Model update {n}")
        update.tags.add("agents", "pricing", f"tag-{n % 7}")
        update.topics.add(topic, make_topic())
        if updates:
            link(update, updates[-1])
        Correction.objects.create(article=update, text_en="A fix.", text_nl="Een correctie.")
        updates.append(update)
    make_article(published=True, title_en="English only model")  # left out of Dutch pages
    return updates


# page: queries for a full render with nothing cached (the taxonomy counts are then read
# from the cache until published content changes).
PAGES = {
    # updates, signals, topics, tags; the readable topic counts (topics, tags, sources, and
    # how long to keep them); the topics shown; the next scheduled publication.
    "/nl/": 10,
    # capped count, page ids, rows, signals, topics, tags; taxonomy counts (4); the three
    # filter menus; the next scheduled publication.
    "/nl/updates/": 14,
    # as the list, but the subject's updates are not counted (the taxonomy counts say how
    # many); the subject itself is read once, for the heading and the filter.
    "/nl/topics/models/": 13,
    "/nl/tags/agents/": 13,
    "/nl/sources/wire/": 13,
    # plus the two chosen filters (and counted: two filters are not in the taxonomy counts).
    "/nl/updates/?topic=models&tag=pricing": 16,
    # capped count, page ids, rows (with their source).
    "/en/search/?q=model": 3 + SEARCH_EXTRA,
    "/nl/search/?q=update": 3 + SEARCH_EXTRA,
    # updates, signals, topics, tags, next scheduled publication.
    "/nl/feeds/rss/": 5,
    "/en/feeds/atom/": 5,
    # the topic, then as the feed.
    "/nl/topics/models/rss/": 6,
    # latest change, one count per language, topics with updates, next publication.
    "/sitemap.xml": 5,
    # one count per language, the slice's ids and then its rows per language, next
    # publication.
    "/sitemap-updates.xml": 7,
}


@pytest.mark.parametrize("content", SIZES, indirect=True)
@pytest.mark.parametrize("url", PAGES)
def test_public_page_queries_do_not_grow(client, django_assert_num_queries, content, url):
    with django_assert_num_queries(PAGES[url]):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("content", SIZES, indirect=True)
def test_deep_list_pages_cost_what_the_first_does(
    client, django_assert_num_queries, content, monkeypatch
):
    monkeypatch.setattr(UpdateListView, "paginate_by", 2)
    with django_assert_num_queries(PAGES["/nl/updates/"]):
        assert client.get("/nl/updates/?page=2").status_code == 200


@pytest.mark.parametrize("content", SIZES, indirect=True)
def test_update_page_queries_do_not_grow(client, django_assert_num_queries, content):
    # update, signals, key points, authors, tags, topics, corrections, the story links, the
    # thread's updates, more from the source, related ranked from tag links (ids; here every
    # update is in the one linked thread, so none is left to read), next scheduled publication.
    with django_assert_num_queries(12):
        assert client.get(content[-2].get_absolute_url("nl")).status_code == 200


@pytest.mark.parametrize("content", SIZES, indirect=True)
@pytest.mark.parametrize(
    ("query", "queries"),
    # searched: one more for the date drill-down's range over the matches.
    [("translation=nl%3Aoutdated", 10), ("translation=nl%3Areviewed&q=model", 11)],
)
def test_admin_changelist_queries_do_not_grow(
    client, django_assert_num_queries, content, query, queries
):
    client.force_login(make_user(is_superuser=True))
    url = f"/admin/articles/article/?{query}"
    client.get(url)  # the session and permissions, read once
    # session (read by the page cache's editor check, then by the session middleware),
    # user, filtered count (never a count of every update), the date drill-down (range and
    # dates), rows with source, their topics, and the sidebar's topics, sources and tags.
    # No savepoint pair: the changelist is no longer wrapped in one revision (each workflow
    # action records its own).
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
