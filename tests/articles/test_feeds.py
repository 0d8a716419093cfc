"""RSS and Atom feeds, parsed back the way a feed reader does."""

import feedparser
import pytest

from .factories import make_article, make_topic
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_dutch_feed_is_in_dutch_with_signals_and_only_readable_updates(client, kind):
    translated = make_bilingual(signals=2)
    english_only = make_article(published=True, title_en="English only item")
    feed = parse(client, f"/nl/feeds/{kind}/")

    assert feed.feed.get("language", "nl").startswith("nl")
    titles = [entry.title for entry in feed.entries]
    assert titles == [translated.title_nl]
    assert english_only.title_en not in titles
    entry = feed.entries[0]
    assert entry.link == f"http://testserver/nl/updates/{translated.slug_nl}/"
    description = entry.get("summary") or entry.get("description")
    assert "Snelle redactionele duiding" in description
    for signal in translated.signals.all():
        assert signal.text_nl in description


def test_rss_declares_its_language(client):
    make_bilingual()
    for lang in ("en", "nl"):
        response = client.get(f"/{lang}/feeds/rss/")
        assert f"<language>{lang}</language>" in response.content.decode()
        assert parse(client, f"/{lang}/feeds/rss/").feed.language == lang


def test_atom_declares_its_language(client):
    make_bilingual()
    assert 'xml:lang="nl"' in client.get("/nl/feeds/atom/").content.decode()


def test_topic_and_tag_feeds_hold_only_their_updates(client):
    topic = make_topic(slug="agents")
    inside = make_bilingual(title_en="Inside the topic")
    inside.topics.add(topic)
    inside.tags.add("codex")
    outside = make_bilingual(title_en="Outside the topic")
    for url in ("/en/topics/agents/rss/", "/en/topics/agents/atom/", "/en/tags/codex/rss/"):
        titles = [entry.title for entry in parse(client, url).entries]
        assert titles == ["Inside the topic"], url
        assert outside.title_en not in titles
    assert client.get("/en/topics/nope/rss/").status_code == 404


def test_feed_items_carry_tags_as_categories(client):
    update = make_bilingual()
    update.tags.add("openai")
    entry = parse(client, "/en/feeds/atom/").entries[0]
    assert [tag.term for tag in entry.tags] == ["openai"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_entry_ids_are_absolute_urls(client, kind):
    update = make_bilingual()
    for lang in ("en", "nl"):
        entry = parse(client, f"/{lang}/feeds/{kind}/").entries[0]
        expected = f"http://testserver/{lang}/updates/{update.slug_in(lang)}/"
        assert entry.id == expected
        assert entry.link == expected
