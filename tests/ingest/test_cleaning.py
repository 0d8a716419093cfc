"""Canonical URLs and sanitised HTML: what the importer keeps from outside text."""

import pytest

from newsroom.ingest.cleaning import clean_html, normalise_url, plain_text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "HTTPS://Blog.Example.com:443/a/?utm_source=x&id=7&UTM_Medium=y#comments",
            "https://blog.example.com/a/?id=7",
        ),
        ("http://example.com", "http://example.com/"),
        ("http://example.com:8080/x?q=a%20b", "http://example.com:8080/x?q=a%20b"),
        ("/relative/post", "https://site.example/relative/post"),
        ("javascript:alert(1)", ""),
        ("mailto:someone@example.com", ""),
        ("", ""),
    ],
)
def test_normalise_url(given, expected):
    assert normalise_url(given, "https://site.example/feed/") == expected


def test_clean_html_removes_what_runs_and_makes_links_absolute():
    html = (
        '<p onclick="steal()">Text</p><script>alert(1)</script>'
        '<iframe src="https://evil.example/"></iframe><img src=x onerror=alert(2)>'
        '<a href="../docs/">docs</a><a href="javascript:alert(3)">bad</a>'
    )

    cleaned = clean_html(html, base_url="https://site.example/blog/post")

    assert "<script" not in cleaned and "alert" not in cleaned
    assert "<iframe" not in cleaned and "<img" not in cleaned and "onclick" not in cleaned
    assert '<a href="https://site.example/docs/" rel="noopener noreferrer nofollow">docs</a>' in (
        cleaned
    )
    assert "javascript" not in cleaned
    assert cleaned.startswith("<p>Text</p>")


def test_plain_text_decodes_entities_drops_tags_and_shortens_at_a_word():
    assert plain_text("<b>AT&amp;T</b> &ndash; <script>x()</script>news") == "AT&T – news"
    assert plain_text("one two three four", limit=12) == "one two…"
