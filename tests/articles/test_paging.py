"""Deep list pages and common search words stay cheap: lists go LIST_MAX_ITEMS deep and say
where older updates are; search ranks the newest matches and says when there are more."""

import pytest
from django.db import connection

from newsroom.articles import search, views

from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db


def test_list_pages_stop_at_the_bound_and_the_last_one_says_where_older_updates_are(
    client, monkeypatch
):
    monkeypatch.setattr(views, "LIST_MAX_ITEMS", 4)
    monkeypatch.setattr(views.UpdateListView, "paginate_by", 2)
    updates = [make_bilingual() for _ in range(6)]  # newest last
    first = client.get("/en/updates/").content.decode()
    assert updates[-1].title_en in first and "Only the newest" not in first
    last = client.get("/nl/updates/?page=2").content.decode()
    assert updates[2].title_nl in last
    assert "Alleen de nieuwste 4 updates staan per pagina in deze lijst." in last
    assert "Pagina 2 van 2" in last or "2 van 2" in last
    assert client.get("/en/updates/?page=3").status_code == 404


def test_a_list_within_the_bound_has_no_note(client, monkeypatch):
    monkeypatch.setattr(views.UpdateListView, "paginate_by", 2)
    make_bilingual(), make_bilingual(), make_bilingual()
    last = client.get("/en/updates/?page=2").content.decode()
    assert "Only the newest" not in last


@pytest.mark.skipif(connection.vendor != "postgresql", reason="bounded ranking is PostgreSQL's")
def test_a_common_word_ranks_the_newest_matches_and_says_there_are_more(client, monkeypatch):
    monkeypatch.setattr(search.text, "MAX_RESULTS", 2)
    updates = [make_bilingual(title_en=f"Pricing change {n}") for n in range(4)]
    html = client.get("/en/search/?q=pricing").content.decode()
    assert "More than 2 updates match “pricing”." in html
    shown = [u for u in updates if u.title_en in html]
    assert shown == updates[2:]  # the newest two
    dutch = client.get("/nl/search/?q=update").content.decode()
    assert "Meer dan 2 updates passen bij “update”." in dutch


@pytest.mark.skipif(connection.vendor != "postgresql", reason="bounded ranking is PostgreSQL's")
def test_the_newest_matches_are_taken_across_text_tag_and_topic_matches(client, monkeypatch):
    from newsroom.articles.models import Tag

    from .factories import make_topic

    monkeypatch.setattr(search.text, "MAX_RESULTS", 2)
    oldest = make_bilingual(title_en="Licensing terms, first round")
    in_text = make_bilingual(title_en="Licensing terms, second round")
    by_tag = make_bilingual(title_en="First quiet update")
    by_tag.tags.add(Tag.objects.create(name_en="Licensing", name_nl="Licenties", slug="lic"))
    by_topic = make_bilingual(title_en="Second quiet update")  # the newest
    by_topic.topics.add(make_topic(name_en="Licensing", name_nl="Licenties"))

    # The candidates are the newest three matches, however they match (the tag and the
    # topic count); the page shows the best two of them by rank.
    html = client.get("/en/search/?q=licensing").content.decode()
    assert "More than 2 updates match “licensing”." in html
    assert in_text.title_en in html
    assert oldest.title_en not in html  # it would outrank the quiet updates if a candidate


def test_a_topics_pages_follow_how_many_updates_each_languages_readers_get(client, monkeypatch):
    from .factories import make_article, make_topic

    monkeypatch.setattr(views.UpdateListView, "paginate_by", 2)
    topic = make_topic(slug="agents")
    for _ in range(3):
        make_bilingual().topics.add(topic)
    for _ in range(2):  # English only: not on the Dutch list
        make_article(published=True).topics.add(topic)
    make_bilingual()  # another topic's

    english = client.get("/en/topics/agents/?page=3")
    assert english.status_code == 200 and english.context["paginator"].num_pages == 3
    assert client.get("/en/topics/agents/?page=4").status_code == 404
    dutch = client.get("/nl/topics/agents/?page=2")
    assert dutch.status_code == 200 and dutch.context["paginator"].num_pages == 2
    assert client.get("/nl/topics/agents/?page=3").status_code == 404
    assert client.get("/en/updates/?topic=agents&page=3").status_code == 200
