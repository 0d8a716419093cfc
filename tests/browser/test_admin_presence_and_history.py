"""Two people on one update in real browsers: they see each other, and the History page
compares two revisions word by word, in English and in Dutch."""

from django.test import Client
from playwright.sync_api import expect
from reversion.models import Version

from newsroom.articles import presence
from tests.articles.admin_forms import article_form_data, change_url, form_errors
from tests.articles.factories import make_article, make_user

CLOSING = " The vendor will publish a migration guide in March."
BODY = "\n\n".join(
    f"Paragraph {n}: agents call tools and the results stream back to the caller as events."
    for n in range(1, 6)
)


def test_two_editors_see_each_other_and_the_notice_clears_when_one_leaves(
    open_page, admin_login, screenshot, monkeypatch, console_errors
):
    # With a heartbeat every second from two pages, the test server's single SQLite
    # database is sometimes busy and the outage handler answers 503; presence.js keeps
    # what it shows and tries again on the next beat, which is what this test checks.
    console_errors.allow(r"status of 503 .*/presence/\)$")
    monkeypatch.setattr(presence, "HEARTBEAT_SECONDS", 1)  # the page reads it when rendered
    article = make_article(translated=True)
    anna = make_user("Editor", first_name="Anna", last_name="de Vries")
    bram = make_user("Translator", first_name="Bram", last_name="Jansen")

    first = open_page(locale="en-US")
    admin_login(first, anna)
    first.goto(change_url(article))
    expect(first.locator("#presence")).to_be_hidden()

    second = open_page(locale="nl-NL")
    admin_login(second, bram)
    second.goto(change_url(article))
    expect(second.locator("#presence")).to_be_visible()
    expect(second.locator("#presence")).to_contain_text("Anna de Vries heeft deze update open")
    screenshot(second, "admin-nl-presence", full_page=False)

    # Anna's heartbeat brings Bram into her notice without a reload.
    expect(first.locator("#presence")).to_contain_text("Bram Jansen has had this update open")
    screenshot(first, "admin-en-presence", full_page=False)

    # Bram goes elsewhere: Anna's notice clears on her next heartbeat.
    second.goto("/admin/articles/article/")
    expect(first.locator("#presence")).to_be_hidden()


def test_history_compares_two_revisions_in_english_and_dutch(open_page, admin_login, screenshot):
    editor = make_user("Editor", first_name="Anna", last_name="de Vries")
    article = make_article(translated=True, body_en=BODY, title_en="Example Labs streams tools")
    client = Client()
    client.force_login(editor)
    for changes in (
        {"title_nl": "Example Labs streamt toolaanroepen"},
        {
            "body_en": BODY.replace("stream back", "arrive") + CLOSING,
            "relevance_nl": "Relevant als je agents bouwt.",
            "tags": "agents, streaming",
        },
    ):
        response = client.post(change_url(article), article_form_data(article, **changes))
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
    assert Version.objects.get_for_object(article).count() == 2

    for locale, lang, button in (
        ("en-US", "en", "Compare selected revisions"),
        ("nl-NL", "nl", "Geselecteerde versies vergelijken"),
    ):
        page = open_page(locale=locale)
        admin_login(page, editor)
        page.goto(f"/admin/articles/article/{article.pk}/history/")
        screenshot(page, f"admin-{lang}-history")
        page.get_by_role("button", name=button).click()
        expect(page.locator("table.revision-diff")).to_be_visible()
        diff = page.locator("table.revision-diff")
        expect(diff.locator("ins", has_text="migration guide in March")).to_have_count(1)
        expect(diff.locator("del", has_text="stream back")).to_have_count(5)
        expect(diff.locator("ins", has_text="agents, streaming")).to_have_count(1)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        screenshot(page, f"admin-{lang}-revision-compare")
