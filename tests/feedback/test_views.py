"""Sending feedback: with and without JavaScript, in English and Dutch."""

import pytest
from django.db import OperationalError

from newsroom.feedback.models import Feedback
from tests.articles.factories import make_article

from .conftest import typed_token

pytestmark = pytest.mark.django_db


def test_the_general_page_renders_a_complete_form(client):
    response = client.get("/en/feedback/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "What should we cover next?" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="token" value="' in html
    assert "never store your IP address" in html
    # The page hands out tokens, so no cache may keep it.
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_page_names_the_update_it_is_about(client):
    article = make_article(published=True)
    html = client.get(f"/en/feedback/?update={article.pk}").content.decode()
    assert article.title_en in html
    assert f'name="update" value="{article.pk}"' in html
    assert "Was this update useful?" in html


def test_a_draft_update_is_not_named(client):
    draft = make_article(title_en="Secret draft about a launch")
    html = client.get(f"/en/feedback/?update={draft.pk}").content.decode()
    assert "Secret draft" not in html


def test_without_javascript_a_message_is_stored_and_confirmed(client, send):
    article = make_article(published=True)
    response = send(
        message="  Cover the EU AI Act timeline, please.  ",
        kind="question",
        update=article.pk,
        useful="yes",
    )
    assert response.status_code == 303
    feedback = Feedback.objects.get()
    assert feedback.message == "Cover the EU AI Act timeline, please."
    assert (feedback.kind, feedback.useful, feedback.article, feedback.language) == (
        "question",
        True,
        article,
        "en",
    )
    assert feedback.status == Feedback.Status.NEW
    thanks = client.get(response["Location"])
    assert "Your message has reached the newsroom." in thanks.content.decode()
    assert article.get_absolute_url("en") in thanks.content.decode()


def test_the_dutch_page_confirms_in_dutch_and_records_the_language(client, send):
    response = send("nl", message="Schrijf eens over lokale taalmodellen.")
    assert response.status_code == 303
    assert Feedback.objects.get().language == "nl"
    thanks = client.get(response["Location"]).content.decode()
    assert "Bedankt. Je bericht is aangekomen bij de redactie." in thanks


def test_with_javascript_the_answer_is_json_with_a_fresh_token(send):
    token = typed_token()
    response = send(json=True, token=token)
    assert response.status_code == 201
    body = response.json()
    assert body["ok"] is True
    assert body["message"] == "Thank you. Your message has reached the newsroom."
    assert body["token"] and body["token"] != token
    assert Feedback.objects.count() == 1


def test_the_token_endpoint_hands_out_a_csrf_and_a_form_token(client):
    response = client.get("/en/feedback/token/")
    assert response.status_code == 200
    data = response.json()
    assert data["csrf"] and data["token"]
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_csrf_stays_on_for_the_post(send):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/en/feedback/", {"message": "No CSRF token here", "kind": "other", "token": typed_token()}
    )
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_in_place_submission_with_a_fetched_token_passes_csrf(time_machine):
    """What feedback.js does: fetch the tokens, then post with the X-CSRFToken header."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    time_machine.move_to("2026-11-20 10:00:00Z", tick=False)
    tokens = browser.get("/en/feedback/token/").json()
    time_machine.move_to("2026-11-20 10:00:30Z", tick=False)
    response = browser.post(
        "/en/feedback/",
        {"message": "Explain the new rate limits.", "kind": "question", "token": tokens["token"]},
        HTTP_ACCEPT="application/json",
        HTTP_X_CSRFTOKEN=tokens["csrf"],
    )
    assert response.status_code == 201, response.content
    assert Feedback.objects.filter(message="Explain the new rate limits.").exists()


def test_the_box_on_a_cached_update_page_sets_no_cookie(client):
    article = make_article(published=True)
    response = client.get(article.get_absolute_url("en"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tell us what to cover next" in html
    assert f'href="/en/feedback/?update={article.pk}"' in html  # works without JavaScript
    assert 'action="/en/feedback/"' in html and 'data-token-url="/en/feedback/token/"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "never store your IP address" in html


def test_the_box_speaks_dutch_on_a_dutch_page(client):
    article = make_article(published=True, translated=True)
    html = client.get(article.get_absolute_url("nl")).content.decode()
    assert "Laat ons weten waar we over moeten schrijven" in html
    assert "Je IP-adres slaan we nooit op" in html
    assert 'action="/nl/feedback/"' in html


def test_a_database_failure_is_an_error_never_a_false_success(send, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(Feedback.objects, "create", broken)
    response = send(message="Will this be kept?")
    assert response.status_code == 503
    html = response.content.decode()
    assert "we could not store your message just now, so it was not sent" in html
    assert "Will this be kept?" in html  # what the reader typed is still there
    json_response = send(message="And this one?", json=True, address="192.0.2.99")
    assert json_response.status_code == 503
    assert json_response.json()["ok"] is False
