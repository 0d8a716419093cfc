"""Searching updates: full text on PostgreSQL (with Dutch stemming), simpler on SQLite."""

import pytest
from django.db import connection

from .factories import make_article
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)


def results(client, lang, query):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_finds_title_and_body_words_in_the_readers_language(client):
    make_bilingual(title_en="Azure exclusivity ends", body_nl="De exclusiviteit van Azure eindigt.")
    make_bilingual(title_en="Codex gets a desktop app", body_en="Install it today.")
    html = results(client, "en", "azure")
    assert "Azure exclusivity ends" in html and "Codex gets a desktop app" not in html
    html = results(client, "en", "install")
    assert "Codex gets a desktop app" in html and "<mark>Install</mark> it today" in html
    assert "exclusiviteit" in results(client, "nl", "exclusiviteit")


def test_dutch_search_leaves_out_updates_without_a_readable_translation(client):
    make_article(published=True, translated=True, body_nl="Een conceptvertaling over agenten.")
    assert "1 update" not in results(client, "nl", "agenten")
    assert "Geen updates gevonden" in results(client, "nl", "agenten")


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 5000, "'\"); DROP TABLE articles;--", "a & | ! <->", "\x00\x01", "<script>"],
)
def test_empty_long_and_odd_queries_give_a_friendly_page(client, query):
    make_bilingual()
    html = results(client, "en", query)
    assert "<script>" not in html.split("<main", 1)[1]


def test_highlighted_snippet_escapes_the_update_text(client):
    make_bilingual(body_en="Use <b>bold</b> claims about agents carefully.")
    html = results(client, "en", "agents")
    assert "&lt;b&gt;" in html or "bold" in html
    assert "<b>bold</b>" not in html


@postgres_only
def test_dutch_stemming_finds_other_word_forms(client):
    make_bilingual(
        title_nl="Microsoft en OpenAI vernieuwen hun partnerschap",
        body_nl="Het partnerschap krijgt nieuwe regels.",
    )
    make_bilingual(title_nl="Iets heel anders", body_nl="Over modellen.")
    html = results(client, "nl", "partnerschappen")
    assert "vernieuwen hun partnerschap" in html
    assert "Iets heel anders" not in html
    assert "<mark>partnerschap</mark>" in html


@postgres_only
def test_english_search_is_ranked_with_title_matches_first(client):
    make_bilingual(title_en="Something else", body_en="A note that mentions agents once.")
    make_bilingual(title_en="Agents are everywhere", body_en="More about coding.")
    html = results(client, "en", "agent")
    assert html.index("Agents are everywhere") < html.index("Something else")


@postgres_only
def test_search_uses_the_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'articles_article'"
            " AND indexdef LIKE '%%gin%%'"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {"article_search_en", "article_search_nl"} <= names
