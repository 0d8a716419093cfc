"""The feedback box under an update, in a real browser: in place with JavaScript, and as a
plain form page without it. Screenshots: tests/browser/screenshots/feedback-*.png."""

import pytest
from django.core.cache import cache

from newsroom.feedback.models import Feedback
from tests.articles.factories import make_article


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    # Every browser comes from 127.0.0.1: start without earlier tests' rate limits. The
    # "too fast" rule has its own tests; here a test types faster than a person.
    cache.clear()
    settings.FEEDBACK_MIN_SECONDS = 0
    yield
    cache.clear()


@pytest.fixture
def update(transactional_db):
    return make_article(published=True, translated=True, title_en="Agents get a new API")


def test_with_javascript_the_box_sends_in_place_in_english_and_dutch(
    page, open_page, update, screenshot, console_errors
):
    # The browser reports the refused submissions below (400, 429) on its console.
    console_errors.allow(r"status of (400|429) .*/en/feedback/\)$")
    page.goto(update.get_absolute_url("en"))
    box = page.locator(".feedback-box")
    box.scroll_into_view_if_needed()
    assert box.locator("[data-feedback-open]").is_hidden()  # the form itself is shown
    message = box.get_by_label("Your message")

    message.fill("Hi")
    box.get_by_role("button", name="Send feedback").click()
    error = box.locator("[data-errors-for=message]")
    error.wait_for()
    assert "too short" in error.inner_text()
    assert message.input_value() == "Hi"
    assert message.get_attribute("aria-invalid") == "true"

    message.fill("Please follow up on how the rate limits change for agents.")
    box.get_by_label("What kind of message is it?").select_option("question")
    box.get_by_label("Yes").check()
    box.get_by_role("button", name="Send feedback").click()
    status = box.locator("[data-feedback-status]")
    status.get_by_text("Your message has reached the newsroom.").wait_for()
    assert page.url.endswith(update.get_absolute_url("en"))  # no page load
    assert message.input_value() == ""
    assert error.is_hidden()
    screenshot(page, "feedback-box-sent-en", locator=box)
    stored = Feedback.objects.get()
    assert (stored.kind, stored.useful, stored.article_id, stored.language) == (
        "question",
        True,
        update.pk,
        "en",
    )

    # Straight away another message: the reader is asked to wait, and keeps the text.
    message.fill("And one more thing about pricing.")
    box.get_by_role("button", name="Send feedback").click()
    alert = box.locator("[data-feedback-alert]")
    alert.get_by_text("sent several messages in a short time").wait_for()
    assert message.input_value() == "And one more thing about pricing."
    screenshot(page, "feedback-box-rate-limited-en", locator=box)
    assert Feedback.objects.count() == 1

    cache.clear()  # a new day, as far as the limits are concerned
    dutch = open_page(locale="nl-NL")
    dutch.goto(update.get_absolute_url("nl"))
    box = dutch.locator(".feedback-box")
    assert "Je IP-adres slaan we nooit op" in box.inner_text()
    box.get_by_label("Je bericht").fill("Schrijf ook eens over agents die lokaal draaien.")
    box.get_by_role("button", name="Feedback versturen").click()
    box.get_by_text("Bedankt. Je bericht is aangekomen bij de redactie.").wait_for()
    screenshot(dutch, "feedback-box-sent-nl", locator=box)
    assert Feedback.objects.filter(language="nl", article=update).count() == 1


def test_without_javascript_the_box_leads_to_a_working_form(
    browser, live_server, update, console_errors, django_db_serialized_rollback, screenshot
):
    context = browser.new_context(
        java_script_enabled=False, base_url=live_server.url, locale="en-US"
    )
    console_errors.allow(r"status of 400 .*/en/feedback/\)$")  # the blank message below
    try:
        page = context.new_page()
        console_errors.watch(page)
        page.goto(update.get_absolute_url("en"))
        box = page.locator(".feedback-box")
        assert box.locator("form").is_hidden()
        box.get_by_role("link", name="Write to the newsroom").click()

        page.wait_for_url("**/en/feedback/?update=*")
        assert "Agents get a new API" in page.locator(".feedback-about").inner_text()
        page.get_by_label("Your message").fill("   ")
        page.get_by_role("button", name="Send feedback").click()
        assert "Please write a message before sending." in page.content()

        page.get_by_label("Your message").fill("Would you compare the agent SDKs next?")
        page.get_by_label("No").check()
        screenshot(page, "feedback-page-en")
        page.get_by_role("button", name="Send feedback").click()
        page.wait_for_url("**/en/feedback/thanks/?update=*")
        assert "Your message has reached the newsroom." in page.content()
        screenshot(page, "feedback-thanks-en")
        stored = Feedback.objects.get()
        assert (stored.message, stored.useful, stored.article_id) == (
            "Would you compare the agent SDKs next?",
            False,
            update.pk,
        )
    finally:
        context.close()
