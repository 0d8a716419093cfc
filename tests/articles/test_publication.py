"""What makes the site read like a publication: key points, bylines and author pages,
icons, and key points in the translation workflow."""

import re

import pytest

from newsroom.articles import workflow
from newsroom.articles.models import KeyPoint, TranslationState

from .factories import make_article, make_user
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def _key_points(update, pairs):
    for position, (en, nl) in enumerate(pairs):
        KeyPoint.objects.create(article=update, position=position, text_en=en, text_nl=nl)


def test_key_points_are_shown_in_order_under_the_summary_in_each_language(client):
    update = make_bilingual(summary_en="The short summary.", summary_nl="De korte samenvatting.")
    _key_points(update, [("Second", "Tweede"), ("First", "Eerste")])
    KeyPoint.objects.filter(text_en="First").update(position=0)
    KeyPoint.objects.filter(text_en="Second").update(position=1)
    for lang, heading, first, second, summary in (
        ("en", "Key points", "First", "Second", "The short summary."),
        ("nl", "Kernpunten", "Eerste", "Tweede", "De korte samenvatting."),
    ):
        html = text(client.get(update.get_absolute_url(lang)))
        block = re.search(r'<section class="key-points".*?</section>', html, re.S).group(0)
        assert heading in block
        assert block.index(first) < block.index(second)
        assert html.index(summary) < html.index(block)
        assert "machine" not in block


def test_machine_assisted_key_points_are_disclosed(client):
    update = make_bilingual(key_points_machine_assisted=True)
    _key_points(update, [("One", "Een"), ("Two", "Twee")])
    assert "written with machine assistance" in text(client.get(update.get_absolute_url("en")))
    assert "machinale hulp" in text(client.get(update.get_absolute_url("nl")))


def test_no_key_points_no_box(client):
    update = make_bilingual()
    assert 'class="key-points"' not in text(client.get(update.get_absolute_url("en")))


def test_a_changed_key_point_makes_the_reviewed_translation_out_of_date():
    update = make_bilingual()
    _key_points(update, [("One", "Een"), ("Two", "Twee")])
    translator = make_user("Translator")
    workflow.mark_translation_reviewed(article=update, user=translator)
    assert workflow.refresh_translation_state(update) == TranslationState.REVIEWED
    two = update.key_points.get(text_en="Two")
    workflow.save_edit(
        article=update, user=make_user("Editor"), version=None,
        rows={"key_points": [workflow.Row(pk=two.pk, values={"text_en": "Two, rewritten"})]},
    )  # fmt: skip
    update.refresh_from_db()
    assert update.translation_state == TranslationState.OUTDATED
    change = next(c for c in workflow.translation_changes(update) if c.field == "key_points")
    assert change.reviewed == ["One", "Two"] and change.current == ["One", "Two, rewritten"]


def test_byline_links_to_the_author_page_with_only_public_information(client):
    author = make_user(
        "Writer", first_name="Sam", last_name="Jansen", email="sam@example.org", password=None
    )
    update = make_bilingual(title_en="Written by Sam")
    update.authors.add(author)
    other = make_article(published=True, title_en="Not by Sam")
    html = text(client.get(update.get_absolute_url("en")))
    assert f'By <a href="/en/authors/{author.pk}/" rel="author">Sam Jansen</a>' in html

    page = text(client.get(f"/en/authors/{author.pk}/"))
    assert "<h1" in page and "Sam Jansen" in page
    assert "Written by Sam" in page and other.title_en not in page
    assert author.username not in page and "sam@example.org" not in page
    assert "Sam Jansen" in text(client.get(f"/nl/authors/{author.pk}/"))


def test_author_pages_exist_only_for_published_work(client):
    quiet = make_user("Writer", first_name="Quiet", password=None)
    make_article(title_en="A draft").authors.add(quiet)
    assert client.get(f"/en/authors/{quiet.pk}/").status_code == 404
    assert client.get("/en/authors/999999/").status_code == 404


def test_every_page_links_its_icons_and_favicon_ico_resolves(client):
    html = text(client.get("/en/"))
    assert 'rel="icon"' in html and "favicon.svg" in html
    assert 'rel="apple-touch-icon"' in html and 'rel="manifest"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.url.endswith("icons/favicon.ico")
