"""Searching updates in the reader's language: stemmed, ranked full text on both databases
(FTS5 with Snowball stems on SQLite, tsvectors on PostgreSQL), over tags, topics and
original titles too, with safe snippets; odd queries never fail."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from newsroom.articles import search
from newsroom.articles.models import Article, Tag
from newsroom.articles.workflow import publish as publish_article

from .factories import make_article, make_topic, make_user
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db
needs_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index")


def results(client, lang, query):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def found(lang, query):
    return list(Article.objects.for_readers_in(lang).search(query, lang))


def test_finds_title_and_body_words_in_the_readers_language(client):
    make_bilingual(title_en="Azure exclusivity ends", body_nl="De exclusiviteit van Azure eindigt.")
    make_bilingual(title_en="Codex gets a desktop app", body_en="Install it today.")
    html = results(client, "en", "azure")
    assert "Azure exclusivity ends" in html and "Codex gets a desktop app" not in html
    html = results(client, "en", "install")
    assert "Codex gets a desktop app" in html and "<mark>Install</mark> it today" in html
    assert "exclusiviteit" in results(client, "nl", "exclusiviteit")


@pytest.mark.parametrize(
    ("lang", "plural", "singular"),
    [
        ("en", "partnerships", "partnership"),
        ("en", "agreements", "agreement"),
        ("nl", "samenwerkingen", "samenwerking"),
        ("nl", "overeenkomsten", "overeenkomst"),
        ("nl", "partnerschappen", "partnerschap"),
    ],
)
def test_plurals_find_their_singulars(client, lang, plural, singular):
    match = make_bilingual(**{f"body_{lang}": f"Over the {singular}: new rules."})
    make_bilingual(title_en="Something else", title_nl="Iets heel anders")
    assert found(lang, plural) == [match]
    assert f"<mark>{singular}</mark>" in results(client, lang, plural)


def test_singulars_find_plurals_too():
    match = make_bilingual(body_en="Two partnerships and three agreements.")
    assert found("en", "partnership agreement") == [match]


def test_every_word_must_match():
    make_bilingual(body_en="A partnership about chips.")
    assert found("en", "partnership models") == []


def test_dutch_search_leaves_out_updates_without_a_readable_translation(client):
    make_article(published=True, translated=True, body_nl="Een conceptvertaling over agenten.")
    assert "1 update" not in results(client, "nl", "agenten")
    assert "Geen updates gevonden" in results(client, "nl", "agenten")


def test_tags_topics_and_original_titles_are_searched_in_the_readers_language():
    tagged = make_bilingual(title_en="First", title_nl="Eerste")
    tagged.tags.add(Tag.objects.create(name_en="Licensing", name_nl="Licenties", slug="lic"))
    filed = make_bilingual(title_en="Second", title_nl="Tweede")
    filed.topics.add(make_topic(name_en="Cloud computing", name_nl="Rekenkracht"))
    original = make_bilingual(original_title="The next phase of the partnership")
    assert found("en", "licensing") == [tagged]
    assert found("nl", "licenties") == [tagged]
    assert found("nl", "licensing") == []
    assert found("en", "cloud") == [filed]
    assert found("nl", "rekenkracht") == [filed]
    assert found("en", "phase") == [original]


def test_renaming_a_tag_or_topic_changes_what_finds_its_updates():
    article = make_bilingual()
    tag = Tag.objects.create(name_en="Chips", name_nl="Chips", slug="chips")
    article.tags.add(tag)
    topic = make_topic(name_en="Hardware")
    topic.articles.add(article)
    tag.name_en = "Semiconductors"
    tag.save()
    topic.name_en = "Datacentres"
    topic.save()
    assert found("en", "semiconductors") == [article]
    assert found("en", "datacentres") == [article]
    assert found("en", "hardware") == []
    article.tags.remove(tag)
    assert found("en", "semiconductors") == []


def test_an_edit_is_found_at_once_and_a_deleted_update_is_gone():
    article = make_article(body_en="Nothing special.")
    assert found("en", "quantum") == []
    article.body_en = "Quantum chips arrive."
    article.save()
    publish_article(article=article, user=make_user("Editor"))
    assert found("en", "quantum") == [article]
    article.delete()
    assert found("en", "quantum") == []


def test_title_matches_rank_first():
    body_only = make_bilingual(title_en="Something else", body_en="A note that mentions agents.")
    in_title = make_bilingual(title_en="Agents are everywhere", body_en="More about coding.")
    assert found("en", "agent") == [in_title, body_only]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 5000,
        "agents " * 300,
        "'\"); DROP TABLE articles;--",
        "a & | ! <->",
        "\x00\x01",
        "<script>",
        '"agents',
        'agents"',
        '"unbalanced "quotes',
        "agents NEAR chips",
        "NEAR(agents chips, 2)",
        "agent*",
        "*",
        "^agents",
        "title:agents",
        "((agents",
        "agents)",
        "agents AND OR NOT",
        "- -- +",
        "😀 ☃",
        "ｆｕｌｌ　ｗｉｄｔｈ",
        "\u202eagents",
    ],
)
def test_odd_queries_give_a_friendly_page_never_an_error(client, query):
    make_bilingual(body_en="Agents and chips.", body_nl="Agenten en chips.")
    for lang in ("en", "nl"):
        html = results(client, lang, query)
        assert "<script>" not in html.split("<main", 1)[1]


def test_operators_are_searched_as_words_not_obeyed():
    chips = make_bilingual(body_en="Agents and chips.")
    assert found("en", "agents NEAR chips") == []  # "near" is just a word here
    assert found("en", "agents* (chips") == [chips]


def test_highlighted_snippet_escapes_the_update_text(client):
    make_bilingual(body_en="Use <b>bold</b> claims about agents & tools carefully.")
    html = results(client, "en", "agents")
    assert "<b>bold</b>" not in html
    assert "<mark>agents</mark> &amp; tools" in html


def test_snippet_is_cut_at_word_boundaries_around_the_match():
    words = [f"word{i}" for i in range(200)]
    words[120] = "partnership"
    text = " ".join(words)
    html = str(search.snippet(text, "partnerships", "en"))
    assert html.startswith("… word") and html.endswith(" …")
    assert "<mark>partnership</mark>" in html
    inner = html.removeprefix("… ").removesuffix(" …").replace("<mark>", "").replace("</mark>", "")
    assert all(word.startswith("word") or word == "partnership" for word in inner.split())


@sqlite_only
def test_rebuild_command_restores_a_lost_index():
    article = make_bilingual(body_en="Quantum chips arrive.")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM articles_search_en")
    assert found("en", "quantum") == []
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found("en", "quantum") == [article]


@sqlite_only
def test_migrate_indexes_updates_that_existed_before_the_index():
    """An older development database: its updates were there before migration 0004."""
    from django.apps import apps

    from newsroom.articles.search import sync

    article = make_bilingual(body_en="Quantum chips arrive.")
    with connection.cursor() as cursor:
        for lang in ("en", "nl"):
            cursor.execute(f"DELETE FROM articles_search_{lang}")  # noqa: S608
    sync.index_missing(sender=apps.get_app_config("articles"))
    assert found("en", "quantum") == [article]


@sqlite_only
def test_index_updates_reindexes_rows_written_without_signals():
    article = make_bilingual(body_en="Nothing special.")
    Article.objects.filter(pk=article.pk).update(body_en="Quantum chips arrive.")
    assert found("en", "quantum") == []
    search.index_updates([article.pk])
    assert found("en", "quantum") == [article]


@pytest.mark.postgres
@needs_postgres
def test_search_uses_the_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'articles_article'"
            " AND indexdef LIKE '%%gin%%'"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {"article_search_en", "article_search_nl"} <= names


README_EXAMPLE = re.compile(r"(?:in Dutch )?“([^”]+)” finds “([^”]+)”")


def readme_search_examples():
    readme = (settings.BASE_DIR / "README.md").read_text()
    paragraph = readme[readme.index("**Search**") :].split("\n\n", 1)[0]
    examples = []
    lang = "en"
    for match in README_EXAMPLE.finditer(paragraph):
        if match.group().startswith("in Dutch"):
            lang = "nl"
        examples.append((lang, match.group(1), match.group(2)))
    return examples


def test_the_readmes_search_examples_are_true_on_the_demo_content(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("loaddemo", stdout=StringIO())
    examples = readme_search_examples()
    assert len(examples) >= 4
    for lang, query, expected in examples:
        hits = found(lang, query)
        assert hits, (lang, query)
        word = expected.split()[-1].lower()
        texts = [search.plain_text(getattr(a, f"body_{lang}")).lower() for a in hits]
        assert any(re.search(rf"\b{word}\b", text) for text in texts), (query, expected)
