"""Stored values no page should choke on: control characters (from any path in), tags
whose slug is not ASCII or would be empty, control characters typed into the admin."""

import importlib

import feedparser
import pytest
from django.apps import apps as global_apps
from django.urls import reverse

from newsroom.articles.models import Source, Tag, Topic
from tests.articles.factories import make_article, make_topic, make_user

from .public_helpers import _fresh_cache  # noqa: F401

pytestmark = pytest.mark.django_db

FEEDS = ["/en/feeds/rss/", "/en/feeds/atom/", "/nl/feeds/rss/"]


def test_feeds_answer_with_control_characters_stored_anywhere(client):
    """Stored before the edges stripped them, or by a path that does not: the feed drops
    them on output instead of failing (XML 1.0 cannot carry them)."""
    topic = make_topic(slug="agents", name_en="Age\x01nts")
    update = make_article(
        published=True,
        translated=True,
        title_en="Bad\x0btitle",
        relevance_en="Rele\x1fvant",
        summary_en="Sum\x08mary",
        translation_progress="reviewed",
    )
    update.topics.add(topic)
    update.tags.add(Tag.objects.create(name_en="ta\x02g", slug="tag-ctl"))

    for url in [*FEEDS, "/en/topics/agents/rss/", "/en/topics/agents/atom/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert "\x0b" not in text and "\x01" not in text and "\x00" not in text
        assert not feedparser.parse(response.content).bozo

    entry = feedparser.parse(client.get("/en/feeds/rss/").content).entries[0]
    assert entry.title == "Badtitle"
    assert [tag.term for tag in entry.tags] == ["tag"]


@pytest.mark.parametrize("name", ["privé", "δοκιμή", "人工智能"])
def test_a_tag_whose_slug_is_not_ascii_has_working_pages(client, name):
    update = make_article(published=True)
    update.tags.add(name)  # as the admin's tag field does
    tag = Tag.objects.get()

    assert tag.slug == name.lower()
    tag_url = reverse("articles:tag", kwargs={"slug": tag.slug})
    assert client.get(update.get_absolute_url("en")).status_code == 200
    assert client.get(tag_url).status_code == 200
    assert update.title_en in client.get(tag_url).content.decode()
    for view in ("articles:tag_feed_rss", "articles:tag_feed_atom"):
        assert client.get(reverse(view, kwargs={"slug": tag.slug})).status_code == 200
    assert client.get("/en/updates/", {"tag": tag.slug}).status_code == 200


@pytest.mark.parametrize("names", [[">"], ["🚀", "✨", ">>"]])
def test_tags_whose_name_slugifies_to_nothing_get_a_slug_of_their_own(client, names):
    update = make_article(published=True)
    update.tags.add(*names)

    slugs = sorted(Tag.objects.values_list("slug", flat=True))
    assert all(slugs) and len(set(slugs)) == len(names)
    assert slugs[0] == "tag"
    assert client.get(update.get_absolute_url("en")).status_code == 200
    for slug in slugs:
        assert client.get(reverse("articles:tag", kwargs={"slug": slug})).status_code == 200


def test_the_migration_gives_stored_empty_slugs_an_address():
    empty = Tag.objects.create(name_en=">", slug="x")
    Tag.objects.filter(pk=empty.pk).update(slug="")  # as taggit stored it before
    Tag.objects.create(name_en="taken", slug=f"tag-{empty.pk}")
    migration = importlib.import_module("newsroom.articles.migrations.0009_tags_without_slug")

    migration.give_empty_slugs_an_address(global_apps, None)

    empty.refresh_from_db()
    assert empty.slug == f"tag-{empty.pk}-1"


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (Topic, {"name_en": "Age\x01nts", "name_nl": "Age\x1fnten", "slug": "agents"}, "name_en"),
        (Tag, {"name_en": "Co\x02dex", "name_nl": "Codex", "slug": "codex"}, "name_en"),
        (
            Source,
            {
                "name_en": "Lab\x07 news",
                "name_nl": "Lab nieuws",
                "slug": "lab",
                "kind": "publisher",
                "language": "en",
                "homepage": "https://lab.example/",
                "feed_url": "https://lab.example/feed",
            },
            "name_en",
        ),
    ],
)
def test_the_admin_stores_topics_sources_and_tags_without_control_characters(
    client, model, data, field
):
    client.force_login(make_user("Editor"))
    url = reverse(f"admin:articles_{model._meta.model_name}_add")

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    stored = model.objects.get(slug=data["slug"])
    assert getattr(stored, field) == data[field].translate(dict.fromkeys(range(32)))


@pytest.mark.parametrize("feed_url", ["ftp://lab.example/feed.xml", "file:///etc/passwd"])
def test_a_source_feed_must_be_a_web_address(client, feed_url):
    client.force_login(make_user("Editor"))
    data = {
        "name_en": "Lab",
        "name_nl": "Lab",
        "slug": "lab",
        "kind": "publisher",
        "language": "en",
        "feed_url": feed_url,
    }

    response = client.post(reverse("admin:articles_source_add"), data)

    assert response.status_code == 200
    assert not Source.objects.exists()
