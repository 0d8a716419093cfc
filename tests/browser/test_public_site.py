"""The public site in a real browser: language switcher, listen, contents links, print."""

import re

import pytest
from playwright.sync_api import expect

from newsroom.articles.models import TranslationProgress
from tests.articles.factories import make_article, make_source
from tests.articles.public_helpers import _fresh_cache  # noqa: F401

BODY = "\n\n".join(
    f"## {heading}\n\n" + " ".join(["A sentence about the deal and what it changes."] * 12)
    for heading in ("Clouds", "Licences", "Money")
)
BODY_NL = "\n\n".join(
    f"## {heading}\n\n" + " ".join(["Een zin over de deal en wat die verandert."] * 12)
    for heading in ("Clouds", "Licenties", "Geld")
)


@pytest.fixture
def update(db):
    return make_article(
        published=True,
        translated=True,
        translation_progress=TranslationProgress.REVIEWED,
        signals=2,
        title_en="Microsoft and OpenAI rewrite their deal",
        title_nl="Microsoft en OpenAI herschrijven hun deal",
        slug_en="microsoft-openai-rewrite-deal",
        slug_nl="microsoft-openai-herschrijven-deal",
        body_en=BODY,
        body_nl=BODY_NL,
        source=make_source(name_en="OpenAI", name_nl="OpenAI"),
        original_url="https://openai.example/next-chapter",
    )


@pytest.mark.parametrize("browser_locale", ["nl-NL"])
def test_dutch_reader_lands_in_dutch_and_switches_to_the_same_update_in_english(
    page, update, screenshot
):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/nl/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    screenshot(page, "public-home-nl")

    page.get_by_role("link", name="Microsoft en OpenAI herschrijven hun deal").click()
    expect(page).to_have_url(re.compile(r"/nl/updates/microsoft-openai-herschrijven-deal/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(update.title_nl)
    screenshot(page, "public-update-nl")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/updates/microsoft-openai-rewrite-deal/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(update.title_en)
    screenshot(page, "public-update-en")

    page.get_by_role("link", name="Nederlands").click()
    expect(page).to_have_url(re.compile(r"/nl/updates/microsoft-openai-herschrijven-deal/$"))


RECORD_SPEECH = """
window.__spoken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = function (u) {
    window.__spoken.push({lang: u.lang, text: u.text});
  };
}
"""


def test_listen_reads_title_signals_and_body_in_the_page_language(page, update):
    page.add_init_script(RECORD_SPEECH)
    page.goto(update.get_absolute_url("nl"))
    button = page.get_by_role("button", name="Luister naar deze update")
    expect(button).to_be_visible()
    button.click()
    expect(page.get_by_role("button", name="Voorlezen pauzeren")).to_have_attribute(
        "aria-pressed", "true"
    )
    spoken = page.evaluate("window.__spoken")
    assert {item["lang"] for item in spoken} == {"nl-NL"}
    texts = [item["text"] for item in spoken]
    assert texts[0] == update.title_nl
    assert update.signals.first().text_nl in texts
    assert any("Een zin over de deal" in text for text in texts)
    page.get_by_role("button", name="Voorlezen pauzeren").click()
    expect(page.get_by_role("button", name="Verder voorlezen")).to_be_visible()


def test_no_listen_button_without_speech_support(page, update):
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(update.get_absolute_url("en"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".listen-button")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_visible()


def test_contents_links_jump_to_their_headings(page, update):
    page.goto(update.get_absolute_url("en"))
    contents = page.get_by_role("navigation", name="Contents")
    expect(contents.get_by_role("link")).to_have_count(3)
    contents.get_by_role("link", name="Money").click()
    expect(page).to_have_url(re.compile(r"#money$"))
    expect(page.get_by_role("heading", name="Money")).to_be_in_viewport()


def test_print_shows_the_update_without_navigation_or_forms(page, update, screenshot):
    page.goto(update.get_absolute_url("en"))
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".signal")).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".feedback-box")).to_be_hidden()
    expect(page.locator("form")).to_have_count(page.locator("form:not(:visible)").count())
    printed_from = page.locator(".print-only")
    expect(printed_from).to_be_visible()
    expect(printed_from).to_contain_text(f"{update.get_absolute_url('en')}")
    expect(page.locator(".update-header time")).to_be_visible()
    screenshot(page, "public-update-print")
