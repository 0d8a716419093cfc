"""Every public page type of the demo newsroom, in English and Dutch, on a phone (390 px)
and a laptop (1366 px): screenshots to look at, and the layout facts a reader relies on."""

import pytest
from django.core.management import call_command

from newsroom.articles import demo
from newsroom.articles.models import Article
from tests.articles.public_helpers import _fresh_cache  # noqa: F401

WIDTHS = (390, 1366)


@pytest.fixture
def newsroom(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ROOT_URLCONF = "tests.browser.media_urls"
    call_command("loaddemo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    update = Article.objects.get(slug_en=demo.NEXT_CHAPTER)
    return {
        "home": "/{lang}/",
        "list": "/{lang}/updates/",
        "update": "/{lang}/updates/{slug}/",
        "topic": "/{lang}/topics/openai/",
        "tag": "/{lang}/tags/azure/",
        "source": "/{lang}/sources/openai/",
        "author": "/{lang}/authors/" + str(update.authors.first().pk) + "/",
        "search": "/{lang}/search/?q=OpenAI",
        "feedback": "/{lang}/feedback/",
    }, update


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


def _load_everything(page):
    """Scroll to the end so lazy pictures load, then wait for every picture."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.evaluate(
        """Promise.all([...document.images].map(i => i.complete ? 1 : new Promise(done => {
            i.addEventListener("load", done); i.addEventListener("error", done);
        })))"""
    )
    page.evaluate("window.scrollTo(0, 0)")


def test_every_page_type_in_both_languages_on_a_phone_and_a_laptop(open_page, newsroom, screenshot):
    paths, update = newsroom
    page = open_page()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for lang in ("en", "nl"):
            for name, path in paths.items():
                url = path.format(lang=lang, slug=update.slug_in(lang))
                response = page.goto(url)
                assert response.status == 200, url
                _load_everything(page)
                broken = page.evaluate(
                    "[...document.images].filter(i => !i.naturalWidth).map(i => i.src)"
                )
                assert not broken, (url, broken)
                overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
                assert overflow <= 0, f"{url} is wider than a {width} px screen"
                screenshot(page, f"look-{name}-{lang}-{width}")
    # One demo load (slow) for all the checks below.
    check_update_page_uses_the_laptops_width_and_stacks_on_a_phone(page, update)
    check_home_leads_with_a_picture_and_cards_show_picture_relevance_signal_and_date(page)


def check_update_page_uses_the_laptops_width_and_stacks_on_a_phone(page, update):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(update.get_absolute_url("en"))
    body, signal = _box(page, ".update-main .body"), _box(page, ".update > .signal")
    source, more = _box(page, ".attribution"), _box(page, ".update-side .more")
    assert signal["x"] > body["x"] + body["width"], "the signal box sits beside the text"
    assert source["x"] == signal["x"] and more["x"] == signal["x"]
    assert signal["y"] < body["y"], "and starts above the body"

    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(update.get_absolute_url("nl"))
    title, signal = _box(page, "h1"), _box(page, ".update > .signal")
    body, more = _box(page, ".update-main .body"), _box(page, ".update-side .more")
    assert title["y"] < signal["y"] < body["y"] < more["y"], "one column, signal first"
    assert signal["width"] > 300


def check_home_leads_with_a_picture_and_cards_show_picture_relevance_signal_and_date(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/en/")
    lead = page.locator(".lead-story")
    assert lead.locator("img").get_attribute("loading") is None
    picture, title = _box(page, ".lead-story img"), _box(page, ".lead-title")
    assert title["x"] > picture["x"] + picture["width"] - 1, "picture and headline side by side"
    cards = page.locator(".card-grid .card")
    assert cards.count() >= 6
    first = cards.first
    for part in ("img", ".relevance", ".card-title", ".first-signal", "time"):
        assert first.locator(part).count() == 1, part
    assert first.locator("img").get_attribute("loading") == "lazy"
