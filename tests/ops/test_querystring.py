"""Control characters in the query string (a NUL byte above all) never reach a view: the
page answers as if they had not been typed (on PostgreSQL a NUL made every filter a 500)."""

import pytest

from newsroom.ops.querystring import clean_query_string
from tests.articles.factories import make_article, make_source, make_topic, make_user
from tests.articles.public_helpers import _fresh_cache  # noqa: F401

pytestmark = pytest.mark.django_db


def test_control_characters_are_removed_from_names_and_values():
    assert clean_query_string("topic=age%00nts&q=a%01b&page=2") == "topic=agents&q=ab&page=2"
    assert clean_query_string("t%00ag=x") == "tag=x"
    assert clean_query_string("q=two%20words&tab=%09") == "q=two%20words&tab=%09"


@pytest.mark.parametrize("name", ["topic", "tag", "source"])
def test_a_nul_byte_in_a_filter_is_ignored(client, name):
    topic = make_topic(slug="agents")
    source = make_source(slug="agents")
    update = make_article(published=True, title_en="Agents everywhere", source=source)
    update.topics.add(topic)
    update.tags.add("agents")

    response = client.get(f"/en/updates/?{name}=age%00nts")

    assert response.status_code == 200
    assert "Agents everywhere" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["q=agents%00", "q=%00", "q=%00%01%02", "q=a%00b&page=%00", "page=%00&topic=%00&tag=%00"],
)
def test_a_nul_byte_in_a_search_or_page_number_is_harmless(client, query):
    make_article(published=True, title_en="Agents everywhere")

    for path in ("/en/search/", "/nl/updates/", "/en/"):
        assert client.get(f"{path}?{query}").status_code == 200, path


def test_a_nul_byte_reaches_no_admin_search_either(client):
    client.force_login(make_user("Editor"))

    assert client.get("/admin/articles/article/?q=a%00b").status_code == 200
