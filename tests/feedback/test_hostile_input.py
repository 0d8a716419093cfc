"""Feedback attaches only to live updates, and odd ``?update=`` values never break a page."""

import pytest
from django.urls import reverse

from newsroom.articles.models import Article
from newsroom.feedback.models import Feedback
from tests.articles.factories import make_article, make_user

from .factories import make_feedback

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("state", ["draft", "imported draft", "in review", "scheduled"])
def test_an_anonymous_post_naming_an_update_that_is_not_live_attaches_nothing(send, state):
    if state == "imported draft":
        update = make_article(title_en="Imported", slug_en=None)  # no slug, as ingest makes
    elif state == "in review":
        update = make_article(status=Article.Status.REVIEW)
    elif state == "scheduled":
        update = make_article(published=True)
        Article.objects.filter(pk=update.pk).update(publish_at="2999-01-01T00:00Z")
    else:
        update = make_article()

    response = send(update=str(update.pk))

    assert response.status_code == 303
    feedback = Feedback.objects.get()
    assert feedback.article is None
    assert "update=" not in response["Location"]


def test_a_live_update_still_takes_feedback(send):
    update = make_article(published=True)

    send(update=str(update.pk))

    assert Feedback.objects.get().article == update


def test_an_update_id_too_large_for_any_database_is_ignored(send):
    response = send(update="9" * 30)

    assert response.status_code == 303
    assert Feedback.objects.get().article is None


def test_the_moderation_list_shows_feedback_stored_about_a_draft(client):
    """Rows attached to a draft before this rule (or whose update went back to draft)."""
    draft = make_article(title_en="Imported draft", slug_en=None)
    make_feedback(article=draft)
    client.force_login(make_user("Editor"))

    response = client.get(reverse("admin:feedback_feedback_changelist"))

    assert response.status_code == 200
    change_url = reverse("admin:articles_article_change", args=[draft.pk])
    assert f'href="{change_url}"' in response.content.decode()


@pytest.mark.parametrize("value", ["²", "١٢", "1\x00", "%00", "-1", "1e3", "0x10", "9" * 40, " 1"])
@pytest.mark.parametrize("page", ["/en/feedback/", "/nl/feedback/thanks/"])
def test_odd_update_values_in_the_address_are_ignored(client, page, value):
    response = client.get(page, {"update": value})

    assert response.status_code == 200


def test_control_characters_in_a_message_are_not_stored(send):
    send(message="Please cover\x00 the batch\x07 API pricing.")

    assert Feedback.objects.get().message == "Please cover the batch API pricing."
