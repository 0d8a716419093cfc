"""Signed, expiring, revocable preview links for a reviewer without an admin account."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.translation_desk.models import PreviewLink
from tests.articles.factories import make_article, make_user

from .helpers import desk_url

pytestmark = pytest.mark.django_db


def make_link(article=None, language="nl", **fields):
    return PreviewLink.objects.create(
        article=article or make_article(translated=True), language=language, **fields
    )


def test_a_link_shows_a_draft_translation_to_anyone_with_it(client):
    article = make_article(translated=True)
    link = make_link(article, "nl")
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    assert article.title_nl in response.text
    assert '<html lang="nl"' in response.text
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert "private link" in response.text or "privélink" in response.text


def test_a_link_in_english_shows_the_source(client):
    article = make_article(translated=True)
    response = client.get(make_link(article, "en").get_absolute_url())
    assert article.title_en in response.text
    assert '<html lang="en"' in response.text


def test_it_expires_after_seven_days_by_default(client):
    link = make_link()
    assert timedelta(days=6, hours=23) < link.expires_at - timezone.now() <= timedelta(days=7)
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.get(link.get_absolute_url())
    assert response.status_code == 410
    assert "no longer works" in response.text or "werkt niet meer" in response.text
    assert response["Cache-Control"] == "private, no-store"


def test_a_revoked_link_stops_at_once(client):
    link = make_link()
    PreviewLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    assert client.get(link.get_absolute_url()).status_code == 410


def test_a_forged_token_finds_nothing(client):
    link = make_link()
    token = link.token
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("preview_link", kwargs={"token": forged}))
    assert response.status_code == 404
    assert "noindex" in response["X-Robots-Tag"]


def test_a_translator_makes_a_link_at_the_desk(client):
    user = make_user("Translator")
    client.force_login(user)
    article = make_article()
    response = client.post(
        desk_url(article),
        {"_preview_link": "1", "language": "nl", "days": "3", "note": "Noor"},
        follow=True,
    )
    link = PreviewLink.objects.get()
    assert link.created_by == user and link.note == "Noor" and link.language == "nl"
    assert timedelta(days=2, hours=23) < link.expires_at - timezone.now() <= timedelta(days=3)
    assert link.get_absolute_url() in response.text


def test_editors_revoke_links_in_the_admin(client):
    client.force_login(make_user("Editor"))
    links = [make_link(), make_link()]
    response = client.post(
        reverse("admin:translation_desk_previewlink_changelist"),
        {"action": "revoke", "_selected_action": [links[0].pk]},
        follow=True,
    )
    assert "1 link revoked." in response.text
    links[0].refresh_from_db()
    links[1].refresh_from_db()
    assert links[0].revoked_at and not links[1].revoked_at


def test_the_admin_shows_the_address(client):
    client.force_login(make_user("Translator"))
    link = make_link()
    response = client.get(reverse("admin:translation_desk_previewlink_change", args=[link.pk]))
    assert link.get_absolute_url() in response.text


def test_staff_without_change_permission_cannot_manage_links(client):
    client.force_login(make_user(None))
    response = client.get(reverse("admin:translation_desk_previewlink_changelist"))
    assert response.status_code == 403


def test_the_expired_page_speaks_the_links_language(client):
    link = make_link(language="nl", expires_at=timezone.now() - timedelta(seconds=1))
    with translation.override("en"):
        response = client.get(link.get_absolute_url())
    assert '<html lang="nl"' in response.text
