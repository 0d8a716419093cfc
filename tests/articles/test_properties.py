"""Property-based: no query-parameter value and no odd slug makes a public page answer
500 or raise (hypothesis, deterministic)."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.hostile import FAST, any_text, query_values

from .factories import make_article, make_source, make_topic
from .public_helpers import _fresh_cache  # noqa: F401

pytestmark = pytest.mark.django_db

PARAMS = ["page", "p", "q", "topic", "tag", "source", "update"]
PAGES = [
    "/en/",
    "/en/updates/update-one/",
    "/nl/updates/",
    "/en/search/",
    "/en/topics/agents/",
    "/nl/tags/codex/",
    "/en/sources/lab/",
    "/en/feeds/rss/",
    "/nl/feeds/atom/",
    "/en/feedback/",
    "/nl/feedback/thanks/",
    "/sitemap.xml",
]


@pytest.fixture
def site():
    topic = make_topic(slug="agents")
    source = make_source(slug="lab")
    for n in range(3):
        slug = {"slug_en": "update-one"} if n == 0 else {}
        update = make_article(published=True, translated=True, source=source, **slug)
        update.topics.add(topic)
        update.tags.add("codex", "privé", ">")
    make_article(title_en="A draft")


@pytest.mark.parametrize("path", PAGES)
@FAST
@given(params=st.dictionaries(st.sampled_from(PARAMS), query_values, max_size=3))
# The values that broke pages before, always tried on top of the random ones.
@example(params={"update": "²"})
@example(params={"topic": "a\x00b", "tag": "\x00", "source": "b\x00"})
@example(params={"q": "\x00", "page": "\x00"})
def test_public_pages_take_any_query_parameters(client, site, path, params):
    response = client.get(f"{path}?{urlencode(params)}")

    assert response.status_code < 500


@FAST
@given(raw=st.binary(max_size=40))
def test_a_list_page_takes_any_raw_query_string(client, site, raw):
    query = quote(raw, safe="=&")

    assert client.get(f"/en/updates/?{query}").status_code < 500


@pytest.mark.parametrize("prefix", ["/en/tags/", "/nl/topics/", "/en/sources/", "/en/updates/"])
@FAST
@given(slug=any_text.filter(lambda s: s and "/" not in s and "?" not in s and "#" not in s))
def test_any_slug_in_a_path_is_a_page_or_a_404(client, site, prefix, slug):
    response = client.get(prefix + quote(slug, safe="") + "/")

    assert response.status_code < 500
