"""Feeds and Markdown written to hurt: deep nesting, YAML alias bombs, control characters,
oversized files. Each is refused with a clear message or made harmless, never expanded,
never minutes of CPU, never stored as it came."""

import pytest

from newsroom.articles.rendering import render_markdown
from newsroom.ingest.cleaning import clean_html, plain_text
from newsroom.ingest.parsers import ParseError, parse_feed, parse_markdown, read_markdown
from newsroom.ingest.services import import_markdown_files
from newsroom.text import MAX_MARKUP_DEPTH, markup_depth

DEPTH = 64 * 1024
NESTED = "<div>" * DEPTH + "deep text" + "</div>" * DEPTH

ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
title: [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def post(front_matter, body="Body text.\n"):
    return f"---\n{front_matter}---\n{body}"


def rss(title="Item", description="<p>Text</p>", category="AI", author="Sam"):
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Feed</title><link>https://feeds.example.com/</link>
<item><title>{title}</title><link>https://feeds.example.com/1</link>
<author>{author}</author><category>{category}</category>
<description><![CDATA[{description}]]></description></item>
</channel></rss>""".encode()


# Deep nesting --------------------------------------------------------------------


def test_64k_nested_elements_are_flattened_before_the_sanitiser():
    """Bounded, shown by the result: the depth the sanitiser is handed is capped (the
    text survives, the nesting does not), rather than by timing the call."""
    cleaned = clean_html(NESTED)

    assert "deep text" in cleaned
    assert markup_depth(cleaned) <= MAX_MARKUP_DEPTH
    assert "<div" not in cleaned
    assert plain_text(NESTED) == "deep text"


def test_stray_closing_tags_do_not_hide_the_nesting_from_the_cap():
    """A closing tag with nothing of its name open is ignored by the HTML parser: it must
    not count as closing, or '<div></span>' repeated nests unseen (nh3 time grows with
    the square of the depth)."""
    sneaky = "<div></span>" * 70_000 + "deep text"

    assert markup_depth("<div></span>" * 1000) >= 1000
    cleaned = clean_html(sneaky)
    assert "deep text" in cleaned and "<div" not in cleaned
    assert markup_depth(cleaned) <= MAX_MARKUP_DEPTH


def test_ordinary_nesting_keeps_its_structure():
    markup = "<blockquote>" * 20 + "<p>kept <strong>bold</strong></p>" + "</blockquote>" * 20

    assert clean_html(markup).count("<blockquote>") == 20
    assert "<strong>bold</strong>" in clean_html(markup)


def test_a_feed_item_with_64k_nested_divs_imports_flattened_with_a_note():
    feed = parse_feed(rss(description=NESTED), url="https://feeds.example.com/feed.xml")

    (item,) = feed.items
    assert "deep text" in item.content_html
    assert markup_depth(item.content_html) <= MAX_MARKUP_DEPTH
    assert any("nested too deeply" in note for note in item.notes)


def test_a_markdown_body_with_64k_nested_divs_is_flattened():
    item = parse_markdown(post("title: Deep\nid: deep-1\n", NESTED), path="deep.md")

    assert "deep text" in item.content_html
    assert markup_depth(item.content_html) <= MAX_MARKUP_DEPTH


def test_markdown_lists_nested_too_deeply_are_refused_clearly():
    body = "".join("  " * level + "- x\n" for level in range(2000))

    with pytest.raises(ParseError, match="nests lists or quotes too deeply"):
        parse_markdown(post("title: Lists\nid: lists-1\n", body), path="lists.md")


def test_an_update_body_nested_too_deeply_still_renders():
    body = "".join("  " * level + "- x\n" for level in range(2000)) + "<div>" * DEPTH

    html = render_markdown(body)

    assert "x" in html
    assert markup_depth(html) <= MAX_MARKUP_DEPTH


# YAML --------------------------------------------------------------------------------


def test_a_yaml_alias_bomb_is_refused_not_expanded():
    assert len(ALIAS_BOMB.encode()) < 500

    with pytest.raises(ParseError, match="anchors or aliases"):
        parse_markdown(post(ALIAS_BOMB), path="bomb.md")


def test_even_one_alias_is_refused():
    with pytest.raises(ParseError, match="bomb.md uses YAML anchors or aliases"):
        parse_markdown(post("name: &n Sam\nauthor: *n\nid: x\n"), path="bomb.md")


@pytest.mark.django_db
def test_an_alias_bomb_becomes_an_import_error_line(tmp_path):
    (tmp_path / "bomb.md").write_text(post(ALIAS_BOMB))

    run = import_markdown_files(paths=[tmp_path])

    (line,) = run.items.all()
    assert line.outcome == "error"
    assert "anchors or aliases" in line.message


def test_a_markdown_file_over_the_size_cap_is_refused(tmp_path, settings):
    settings.INGEST_MAX_BYTES = 1000
    path = tmp_path / "big.md"
    path.write_text(post("title: Big\nid: big\n", "x" * 2000))

    with pytest.raises(ParseError, match="big.md is larger than"):
        read_markdown(path)


# Control characters ------------------------------------------------------------------


def test_control_characters_are_stripped_from_feed_items():
    feed = parse_feed(
        rss(
            title="Bad&#1;title\x0b here",
            description="<p>Sum\x02mary</p>",
            category="A\x03I",
            author="Sa\x1fm",
        ),
        url="https://feeds.example.com/feed.xml",
    )

    (item,) = feed.items
    assert item.title == "Badtitle here"
    assert item.summary == "Summary"
    assert item.author == "Sam"
    assert item.categories == ["AI"]
    assert "\x02" not in item.content_html


def test_control_characters_are_stripped_from_markdown_posts():
    item = parse_markdown(
        post(
            'title: "Ti\\x01tle"\nauthor: "Sa\\x1bm"\ntags: ["ta\\x02g"]\nid: c-1\n',
            "Body \x07text\n",
        ),
        path="c.md",
    )

    assert (item.title, item.author, item.categories) == ("Title", "Sam", ["tag"])
    assert "\x07" not in item.content_html
    assert "Body text" in item.content_html


def test_a_link_with_a_nul_byte_is_not_kept():
    feed = parse_feed(
        rss().replace(b"https://feeds.example.com/1", b"https://feeds.example.com/1&#0;x"),
        url="https://feeds.example.com/feed.xml",
    )

    assert "\x00" not in feed.items[0].url


def test_an_xml_entity_bomb_in_a_feed_is_not_expanded():
    entities = "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(7)
    )
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol">{entities}]>'
        '<rss version="2.0"><channel><title>&h;</title><item><title>x&h;</title>'
        "<link>https://a.example/</link></item></channel></rss>"
    ).encode()

    try:
        parsed = parse_feed(feed, url="https://a.example/")
    except ParseError:
        return
    assert len(parsed.title) < 1000
    assert all(len(item.title) < 1000 for item in parsed.items)
