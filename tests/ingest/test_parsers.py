"""The feed and front-matter shapes the importer reads, from fixture files."""

from datetime import UTC, datetime

import pytest

from newsroom.ingest.parsers import ParseError, parse_feed, read_markdown

from .conftest import FIXTURES, fixture_bytes

FEED_URL = "https://feeds.example.com/feed.xml"


def parse(name):
    return parse_feed(fixture_bytes(name), url=FEED_URL)


def test_rss2_with_content_encoded():
    feed = parse("rss2_content_encoded.xml")

    first = feed.items[0]
    assert feed.title == "Example Cloud Blog"
    assert first.title == "Cloud partner deal renewed until 2032"
    assert first.url == "https://blog.example.com/2025/10/partner-deal/?ref=home"
    assert first.guid == "example-cloud-1001"
    assert first.published_at == datetime(2025, 10, 28, 15, 12, 3, tzinfo=UTC)
    assert first.author == "Sam Writer"
    assert first.summary == "The two companies signed a new agreement & extended model rights."
    assert "<strong>through 2032</strong>" in first.content_html
    assert 'href="https://blog.example.com/2025/10/terms/"' in first.content_html
    assert first.categories == ["AI", "Azure"]  # "ai" is the same category again


def test_atom_with_xhtml_content():
    item = parse("atom_xhtml.xml").items[0]

    assert item.title == "Samenwerking vereenvoudigd"
    assert item.url == "https://nieuws.example.org/artikel/samenwerking"
    assert item.published_at == datetime(2026, 5, 8, 7, 31, tzinfo=UTC)
    assert "<em>tot 2030</em>" in item.content_html
    assert "<li>Geen omzetdeling meer</li>" in item.content_html
    assert item.summary == "De licentie wordt niet-exclusief."
    assert item.categories == ["Cloud"]


def test_rdf_rss1():
    item = parse("rdf_rss1.xml").items[0]

    assert item.title == "Agent toolkit reaches version two"
    assert item.url == "https://rdf.example.net/notes/1"
    assert item.published_at == datetime(2026, 1, 15, 8, 0, tzinfo=UTC)
    assert item.categories == ["Agents"]


def test_missing_and_unreadable_dates_are_noted_and_an_item_without_identity_is_refused():
    undated, unreadable, anonymous = parse("missing_dates.xml").items

    assert undated.published_at is None
    assert "no date" in " ".join(undated.notes)
    assert unreadable.published_at is None
    assert "“sometime last spring” could not be read" in " ".join(unreadable.notes)
    assert not undated.error and not unreadable.error
    assert "neither a link nor an id" in anonymous.error


@pytest.mark.parametrize("name", ["windows1252.xml", "windows1252_undeclared.xml"])
def test_windows_1252_is_decoded(name):
    feed = parse(name)

    assert feed.title == "Café Tech – Nieuws"
    assert feed.items[0].title == "“Slimme” café-assistent kost € 5"
    assert feed.items[0].summary == "Naïeve vragen, snelle antwoorden — voor € 5 per maand."


def test_relative_links_are_made_absolute_against_the_site():
    item = parse("relative_links.xml").items[0]

    assert item.url == "https://rel.example.com/blog/posts/relative-item"
    assert 'href="https://rel.example.com/blog/docs/setup.html"' in item.content_html
    assert 'href="https://rel.example.com/about"' in item.content_html


def test_script_injection_is_removed_everywhere():
    item = parse("script_injection.xml").items[0]

    assert item.title == "Model pricing cut"
    assert item.summary == "Prices drop by half."
    for bad in ("<script", "alert", "<iframe", "onclick", "javascript", "<style", "onerror"):
        assert bad not in item.content_html
    assert "<p>Kept text.</p>" in item.content_html


@pytest.mark.parametrize("name", ["malformed.xml", "not_a_feed.html"])
def test_unreadable_input_is_one_clear_error(name):
    with pytest.raises(ParseError, match="not an RSS or Atom feed"):
        parse(name)


def test_a_huge_feed_is_cut_to_the_item_limit(settings):
    items = "".join(
        f"<item><title>Item {n}</title><link>https://big.example/{n}</link></item>"
        for n in range(250)
    )
    content = f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()

    feed = parse_feed(content, url=FEED_URL)

    assert len(feed.items) == 200
    assert feed.warnings == ["The feed has 250 items; only the first 200 were read."]


def test_markdown_with_front_matter_keeps_what_the_post_says():
    item = read_markdown(FIXTURES / "post.md")

    assert item.title == "Cloud Partnership Enters a New Phase"
    assert item.url == "https://news.example.com/blog/2025/10/28/new-phase/"
    assert item.author == "jdoe"
    assert item.feed_name == "Example Company News"
    assert item.feed_url == "https://news.example.com/feed/"
    assert item.published_at == datetime(2025, 10, 28, 15, 12, 3, tzinfo=UTC)
    assert item.summary.startswith("A fictional company post about a renewed agreement")
    assert item.excerpt == "jdoe summarises the renewed partnership terms in one line."
    assert item.categories == ["AI", "Cloud", "Agreement", "Open Weights"]
    assert "<h2>What changes</h2>" in item.content_html
    assert "<script" not in item.content_html and "excerpt_end" not in item.content_html


def test_markdown_without_front_matter_is_refused(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# Just a heading\n")

    with pytest.raises(ParseError, match="no YAML front matter"):
        read_markdown(path)


def test_a_wrongly_declared_encoding_is_recovered_with_a_warning():
    text = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Café</title>'
        "<link>https://c.example/</link><item><title>€ 5 café</title>"
        "<link>https://c.example/a</link></item></channel></rss>"
    )

    feed = parse_feed(text.encode("cp1252"), url=FEED_URL)

    assert feed.items[0].title == "€ 5 café"
    assert feed.warnings == [
        "The feed declared the wrong character encoding; it was read as windows-1252."
    ]
