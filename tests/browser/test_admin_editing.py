"""The editorial workflow in the admin, in a real browser: an editor writes and publishes an
update in both languages, a translator reviews the Dutch side and later sees it go out of date.
"""

from django.utils import translation
from playwright.sync_api import expect

from newsroom.articles import workflow
from newsroom.articles.models import Article, StoryLink, TranslationState
from tests.articles.factories import make_article, make_source, make_topic, make_user


def _(text, lang):
    """The interface string ``text`` as the admin shows it in ``lang``."""
    with translation.override(lang):
        return translation.gettext(text)


def show_language(page, lang):
    """Switch every language tab on the form with the switch beside the heading."""
    page.locator("#modeltranslation-main-switch").select_option(lang)


def pick_autocomplete(page, select_id, typed, choice):
    """Open a select2 autocomplete, type into its search box and pick ``choice``."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(typed)
    page.locator(".select2-results__option", has_text=choice).click()


def fill_fields(page, lang, values):
    for name, value in values.items():
        field = page.locator(f"#id_{name}_{lang}")
        expect(field).to_be_visible()
        field.fill(value)


ENGLISH = {
    "title": "Example Labs adds streaming to its agent API",
    "relevance": "Relevant if you build coding agents on hosted models.",
    "summary": "Agent runs can now stream each tool call as it happens.",
    "body": "## What changed\n\nTool calls arrive as a stream of events.",
}
DUTCH = {
    "title": "Example Labs voegt streaming toe aan zijn agent-API",
    "relevance": "Relevant als je codeeragents bouwt op gehoste modellen.",
    "summary": "Agentruns kunnen nu elke toolaanroep live doorgeven.",
    "body": "## Wat er verandert\n\nToolaanroepen komen binnen als een stroom gebeurtenissen.",
}
SIGNALS = [
    ("Streaming shortens the wait before the first result.", "Streaming verkort het wachten."),
    ("Existing clients keep working unchanged.", "Bestaande clients blijven gewoon werken."),
]


def test_editor_writes_and_publishes_an_update_in_both_languages(
    page, open_page, admin_login, screenshot
):
    editor = make_user("Editor")
    topic = make_topic(name_en="Coding agents", name_nl="Codeeragents")
    source = make_source(name_en="Example Labs blog", name_nl="Blog van Example Labs")
    earlier = make_article(
        published=True, translated=True, title_en="Example Labs opens its agent API"
    )

    admin_login(page, editor)
    page.get_by_role("link", name="Updates", exact=True).click()
    page.get_by_role("link", name="Add update").click()
    expect(page.locator("h1")).to_contain_text("Add update")

    # The English tab is open: the source language.
    fill_fields(page, "en", ENGLISH)
    expect(page.locator("#id_title_nl")).to_be_hidden()
    for row, (english, _dutch) in enumerate(SIGNALS):
        page.locator(f"#id_signals-{row}-text_en").fill(english)
    page.locator("#id_tags").fill("streaming, agents")
    pick_autocomplete(page, "id_topics", "Coding", "Coding agents")
    pick_autocomplete(page, "id_source", "Example", "Example Labs blog")
    page.locator("#outgoing_links-group .add-row a").click()
    page.locator("#id_outgoing_links-0-kind").select_option(StoryLink.Kind.FOLLOW_UP)
    pick_autocomplete(page, "id_outgoing_links-0-to_article", "opens its", earlier.title_en)
    page.locator("#id_title_en").scroll_into_view_if_needed()
    screenshot(page, "admin-en-change-form-english-tab")

    # The Dutch tab: every translated field and signal switches at once.
    show_language(page, "nl")
    expect(page.locator("#id_title_en")).to_be_hidden()
    fill_fields(page, "nl", DUTCH)
    for row, (_english, dutch) in enumerate(SIGNALS):
        page.locator(f"#id_signals-{row}-text_nl").fill(dutch)
    screenshot(page, "admin-en-change-form-dutch-tab")

    page.locator("input[name=_publish]").click()
    expect(page.locator(".messagelist")).to_contain_text("Published.")
    expect(page.locator(".messagelist")).to_contain_text(ENGLISH["title"])
    screenshot(page, "admin-en-changelist")

    article = Article.objects.get(title_en=ENGLISH["title"])
    assert article.is_published()
    assert article.source_language == "en"
    for lang, values in (("en", ENGLISH), ("nl", DUTCH)):
        for name, value in values.items():
            assert getattr(article, f"{name}_{lang}").replace("\r\n", "\n") == value
    assert article.slug_en and article.slug_nl
    assert article.has_language("nl")
    assert [(s.text_en, s.text_nl) for s in article.signals.all()] == SIGNALS
    assert sorted(t.name for t in article.tags.all()) == ["agents", "streaming"]
    assert list(article.topics.all()) == [topic]
    assert article.source == source
    link = article.outgoing_links.get()
    assert (link.kind, link.to_article) == (StoryLink.Kind.FOLLOW_UP, earlier)

    # The same admin for an editor whose browser asks for Dutch.
    dutch = open_page(locale="nl-NL")
    dutch.context.add_cookies(page.context.cookies())
    dutch.goto(f"/admin/articles/article/{article.pk}/change/")
    expect(dutch.locator("html")).to_have_attribute("lang", "nl")
    publish_label = _("Save and publish", "nl")
    assert publish_label != "Save and publish", "the Dutch catalogue lacks the workflow button"
    expect(dutch.locator("input[name=_save]")).to_have_value(_("Save", "nl"))
    show_language(dutch, "en")
    expect(dutch.locator("#id_title_en")).to_have_value(ENGLISH["title"])
    screenshot(dutch, "admin-nl-change-form-english-tab")
    show_language(dutch, "nl")
    expect(dutch.locator("#id_title_nl")).to_have_value(DUTCH["title"])
    expect(dutch.locator("#id_signals-1-text_nl")).to_have_value(SIGNALS[1][1])
    screenshot(dutch, "admin-nl-change-form-dutch-tab")
    dutch.goto("/admin/articles/article/")
    expect(dutch.locator("#result_list")).to_contain_text(ENGLISH["title"])
    screenshot(dutch, "admin-nl-changelist")


def test_translator_reviews_the_dutch_side_and_sees_it_go_out_of_date(
    page, admin_login, screenshot
):
    translator = make_user("Translator")
    article = make_article(published=True, signals=2, title_en="Example Labs retires model v1")

    admin_login(page, translator)
    page.goto(f"/admin/articles/article/{article.pk}/change/")

    # The English source text is shown, not editable.
    expect(page.locator("#id_title_en")).to_have_count(0)
    expect(page.locator(".field-title_en")).to_contain_text(article.title_en)
    expect(page.locator("#id_signals-0-text_en")).to_have_count(0)

    show_language(page, "nl")
    fill_fields(page, "nl", DUTCH)
    page.locator("#id_signals-0-text_nl").fill(SIGNALS[0][1])
    page.locator("#id_signals-1-text_nl").fill(SIGNALS[1][1])
    page.locator("#id_translation_progress").select_option("reviewed")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "admin-en-translator-dutch-tab")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    article.refresh_from_db()
    assert article.translation_state == TranslationState.REVIEWED
    assert article.translation_reviewed_by == translator
    assert article.title_nl == DUTCH["title"]
    assert [s.text_nl for s in article.signals.all()] == [nl for _en, nl in SIGNALS]

    # A later, real edit of the English title makes the Dutch side out of date.
    workflow.save_edit(
        article=article, user=make_user("Editor"), version=None,
        changes={"title_en": "Example Labs retires model v1 in March"},
    )  # fmt: skip

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    panel = page.locator(".field-translation_overview")
    expect(panel).to_contain_text("Out of date")
    changes = panel.locator("table.source-changes tbody tr")
    expect(changes).to_have_count(1)
    expect(changes.first).to_contain_text("title")
    expect(changes.first).to_contain_text("Example Labs retires model v1 in March")
    panel.scroll_into_view_if_needed()
    screenshot(page, "admin-en-translation-status-out-of-date", locator=panel)


def test_saving_an_untouched_update_in_the_browser_changes_nothing(page, admin_login, screenshot):
    """Chromium posts textarea text with CRLF line endings; the stored text has LF."""
    article = make_article(
        translated=True,
        body_en="## What changes\n\nFirst line.\nSecond line.",
        body_nl="## Wat verandert\n\nEerste regel.\nTweede regel.",
        signals=2,
    )
    workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
    article.refresh_from_db()
    from reversion.models import Version

    revisions = Version.objects.get_for_object(article).count()
    editor = make_user("Editor")
    admin_login(page, editor)
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    screenshot(page, "admin-untouched-save")
    stored = Article.objects.get(pk=article.pk)
    assert stored.translation_state == TranslationState.REVIEWED
    assert stored.version == article.version
    assert "\r" not in stored.body_en
    assert Version.objects.get_for_object(stored).count() == revisions  # no “Changed …”
