"""What readers see: the disclosure naming the reviewer, and no unreviewed machine text."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from newsroom.articles.models import Article, TranslationProgress, TranslationState
from tests.articles.factories import make_article, make_user

from .helpers import mark_reviewed, refresh_state

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def reviewed(source_language="en", machine=True):
    noor = make_user("Translator", first_name="Noor", last_name="Bakker")
    if source_language == "nl":
        article = make_article(
            published=True,
            source_language="nl",
            title_nl="Een Nederlandse update",
            slug_nl="een-nederlandse-update",
            title_en="A Dutch update",
            slug_en="a-dutch-update",
            translation_machine_assisted=machine,
        )
    else:
        article = make_article(
            published=True, translated=True, translation_machine_assisted=machine
        )
    mark_reviewed(article, noor)
    return Article.objects.get(pk=article.pk)


def page(client, article, lang):
    return client.get(article.get_absolute_url(lang)).content.decode()


def test_english_page_of_a_dutch_update_names_the_reviewer(client):
    article = reviewed("nl")
    assert "Translated from Dutch with machine assistance and reviewed by Noor Bakker." in page(
        client, article, "en"
    )
    assert "Translated from" not in page(client, article, "nl")


def test_dutch_page_of_an_english_update_names_the_reviewer_in_dutch(client):
    article = reviewed("en")
    assert "Vertaald uit het Engels met machinehulp en nagekeken door Noor Bakker." in page(
        client, article, "nl"
    )


def test_a_reviewer_without_a_full_name_is_never_named_by_their_login(client):
    article = make_article(published=True, translated=True, translation_machine_assisted=True)
    mark_reviewed(article, make_user("Translator", username="nbakker-login"))
    dutch = page(client, Article.objects.get(pk=article.pk), "nl")
    assert "nbakker-login" not in dutch
    assert "met machinehulp en nagekeken door Redactie van Newsroom." in dutch


def test_a_translation_without_machine_assistance_says_so(client):
    article = reviewed("en", machine=False)
    text = page(client, article, "nl")
    assert "Vertaald uit het Engels en nagekeken door Noor Bakker." in text
    assert "machinehulp" not in text


def machine_translated():
    article = make_article(published=True, translated=True, translation_machine_assisted=True)
    Article.objects.filter(pk=article.pk).update(translation_progress=TranslationProgress.MACHINE)
    refresh_state(Article.objects.get(pk=article.pk))
    article = Article.objects.get(pk=article.pk)
    assert article.translation_state == TranslationState.MACHINE
    return article


def test_unreviewed_machine_translation_is_never_listed(client):
    article = machine_translated()
    assert not Article.objects.for_readers_in("nl").filter(pk=article.pk).exists()
    with translation.override("nl"):
        home = client.get(reverse("articles:home")).content.decode()
        feed = client.get(reverse("articles:feed_rss")).content.decode()
    assert article.title_nl not in home
    assert article.title_nl not in feed
    assert article.title_en not in feed


def test_its_address_shows_the_original_with_a_notice(client):
    article = machine_translated()
    with translation.override("nl"):
        url = reverse("articles:detail", kwargs={"slug": article.slug_nl})
    response = client.get(url, follow=True)
    text = response.content.decode()
    assert article.title_en in text
    assert article.title_nl not in text
    assert "notice-fallback" in text


def test_once_reviewed_it_is_listed_with_the_disclosure(client):
    article = machine_translated()
    mark_reviewed(article, make_user("Editor", first_name="Sam"))
    assert Article.objects.for_readers_in("nl").filter(pk=article.pk).exists()
    assert "nagekeken door Sam" in page(client, Article.objects.get(pk=article.pk), "nl")
