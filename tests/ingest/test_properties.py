"""Property-based: no feed and no Markdown file makes the parsers (or a Markdown import)
raise anything but a ``ParseError``, and what they keep holds no control character."""

import contextlib

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from newsroom.ingest.parsers import ParseError, parse_feed, parse_markdown
from newsroom.ingest.services import import_markdown_files
from newsroom.text import CONTROL_CHARACTERS
from tests.hostile import FAST, any_text, query_values

FEED = "https://feeds.example.com/feed.xml"
markup = st.one_of(
    any_text,
    query_values,
    st.lists(st.sampled_from(["<div>", "</div>", "<p>", "<a href='x'>", "<b>", "&#1;", "x"])).map(
        "".join
    ),
)


def assert_clean(item):
    for value in (item.title, item.summary, item.author, item.url, item.guid, item.excerpt):
        assert not CONTROL_CHARACTERS.search(value)
    assert not any(CONTROL_CHARACTERS.search(tag) for tag in item.categories)


def _cdata(text):
    return text.replace("]]>", "]]&gt;")


@FAST
@given(content=st.binary(max_size=400))
def test_any_bytes_parse_or_fail_clearly(content):
    try:
        feed = parse_feed(content, url=FEED)
    except ParseError:
        return
    for item in feed.items:
        assert_clean(item)


@FAST
@given(title=markup, body=markup, category=markup, author=markup, link=query_values)
def test_any_item_values_parse_clean(title, body, category, author, link):
    content = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Feed</title><link>https://feeds.example.com/</link>
<item><title><![CDATA[{_cdata(title)}]]></title><link><![CDATA[{_cdata(link)}]]></link>
<author><![CDATA[{_cdata(author)}]]></author><category><![CDATA[{_cdata(category)}]]></category>
<description><![CDATA[{_cdata(body)}]]></description></item></channel></rss>"""
    try:
        feed = parse_feed(content.encode("utf-8", "replace"), url=FEED)
    except ParseError:
        return
    for item in feed.items:
        assert_clean(item)


front_matter = st.dictionaries(
    st.sampled_from(["title", "author", "tags", "date", "canonical_url", "feed_url", "lang"]),
    st.one_of(query_values, st.lists(query_values, max_size=3), st.integers(), st.none()),
    max_size=5,
)


@FAST
@given(meta=front_matter, body=st.one_of(markup, any_text))
def test_any_front_matter_and_body_parse_or_fail_clearly(meta, body):
    text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}"
    try:
        item = parse_markdown(text, path="post.md")
    except ParseError:
        return
    assert_clean(item)


@FAST
@given(text=any_text)
def test_any_text_as_a_markdown_file_parses_or_fails_clearly(text):
    with contextlib.suppress(ParseError):
        parse_markdown(text, path="post.md")


@pytest.mark.django_db
@FAST
@given(meta=front_matter, body=markup)
def test_a_markdown_import_never_fails_outright(tmp_path_factory, meta, body):
    folder = tmp_path_factory.mktemp("posts")
    meta = {"id": "post-1", "feed_name": "Feed", **meta}
    (folder / "post.md").write_text(
        f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}", encoding="utf-8"
    )

    run = import_markdown_files(paths=[folder])

    assert run.status in {"ok", "partial", "failed"}
    assert all("Unexpected error" not in line.message for line in run.items.all())
