"""The translation desk in a real browser: a translator brings an out-of-date Dutch
translation up to date (copy, machine suggestion from the local DeepL stand-in, an edit of
their own, mark reviewed), in English and in Dutch, with screenshots of the desk and the
dashboard."""

import pytest
from playwright.sync_api import expect

from newsroom.articles.models import Article, EditorialSignal, TranslationState
from tests.articles.factories import make_article, make_user
from tests.translation_desk.fake_deepl import FakeDeepL
from tests.translation_desk.helpers import mark_reviewed, refresh_state


@pytest.fixture
def fake_deepl(settings):
    server = FakeDeepL().start()
    settings.DEEPL_AUTH_KEY = "test-key"
    settings.DEEPL_SERVER_URL = server.url
    settings.DEEPL_RETRIES = 0
    yield server
    server.stop()


def outdated_update():
    article = make_article(
        published=True,
        translated=True,
        signals=2,
        title_en="Example Labs opens its agent API to every developer",
        summary_en="The agent API leaves its waiting list today.",
        meta_description_en="Example Labs' agent API is open to all developers.",
    )
    mark_reviewed(article, make_user("Editor"))
    # The source changes after the review: a sentence added, a signal rewritten.
    Article.objects.filter(pk=article.pk).update(
        summary_en="The agent API leaves its waiting list today. Prices drop by half in January."
    )
    signal = article.signals.first()
    EditorialSignal.objects.filter(pk=signal.pk).update(text_en="Rate limits are doubled too.")
    refresh_state(Article.objects.get(pk=article.pk))
    return Article.objects.get(pk=article.pk)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_translator_brings_a_translation_up_to_date(
    open_page, admin_login, screenshot, fake_deepl, lang
):
    article = outdated_update()
    assert article.translation_state == TranslationState.OUTDATED
    translator = make_user("Translator", first_name="Noor", last_name="Bakker")
    page = open_page(locale="nl-NL" if lang == "nl" else "en-US")
    admin_login(page, translator)

    page.goto("/admin/translations/")
    expect(page.locator(".translation-count.attention .count")).to_have_text("1")
    first_row = page.locator(".translation-dashboard-table tbody tr").first
    expect(first_row).to_contain_text(article.title_en)
    screenshot(page, f"translation-dashboard-{lang}")
    first_row.locator("a.button").click()

    summary = page.locator("#row-summary")
    expect(summary.locator("ins")).to_contain_text("Prices drop by half in January.")
    expect(page.locator("#row-title")).not_to_have_class("desk-row desk-changed")
    screenshot(page, f"translation-desk-diff-{lang}")

    page.locator("#row-meta_description button[name=_copy]").click()
    expect(page.locator("#id_meta_description")).to_have_value(article.meta_description_en)
    page.locator("#row-summary button[name=_suggest]").click()
    expect(page.locator("#id_summary")).to_have_value(f"«nl» {article.summary_en}")
    expect(page.locator("#row-summary .desk-machine-note")).to_be_visible()
    page.locator("#id_summary").fill(
        "De agent-API verlaat vandaag de wachtlijst. In januari halveren de prijzen."
    )
    page.locator("input[name=_review]").click()
    expect(page.locator(".messagelist")).to_contain_text("Noor Bakker")
    screenshot(page, f"translation-desk-reviewed-{lang}")

    fresh = Article.objects.get(pk=article.pk)
    assert fresh.translation_state == TranslationState.REVIEWED
    assert fresh.translation_machine_assisted
    assert fresh.translation_reviewed_by == translator
    assert fresh.summary_nl.endswith("In januari halveren de prijzen.")
    assert fresh.meta_description_nl == article.meta_description_en

    page.goto("/admin/")
    expect(page.locator("#translation-overview")).to_be_visible()
    screenshot(page, f"translation-admin-index-{lang}", full_page=False)

    reader = open_page(locale="nl-NL")
    reader.goto(fresh.get_absolute_url("nl"))
    expect(reader.locator(".translation-disclosure")).to_contain_text(
        "Vertaald uit het Engels met machinehulp en nagekeken door Noor Bakker"
    )
