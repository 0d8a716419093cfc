"""Anonymous pages are cacheable, answer conditional requests, and are refreshed on change."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from newsroom.articles import workflow

from .factories import make_article, make_user
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db


def public_urls(update):
    return [
        "/en/",
        "/nl/",
        "/en/updates/",
        "/nl/updates/",
        update.get_absolute_url("en"),
        update.get_absolute_url("nl"),
        "/nl/feeds/rss/",
        "/en/feeds/atom/",
        "/sitemap.xml",
        "/nl/search/?q=update",
    ]


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookie(client):
    update = make_bilingual()
    for url in public_urls(update):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "Cookie" not in response.get("Vary", ""), url
        assert "Set-Cookie" not in response.headers, url


def test_matching_etag_gets_304(client):
    update = make_bilingual()
    url = update.get_absolute_url("nl")
    first = client.get(url)
    etag = first["ETag"]
    assert "public" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_cached_page_is_served_without_queries(client, django_assert_num_queries):
    update = make_bilingual()
    url = update.get_absolute_url("en")
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_publishing_changing_and_unpublishing_refresh_cached_pages(
    client, django_capture_on_commit_callbacks
):
    editor = make_user("Editor")
    update = make_article(title_en="Fresh news", signals=1)
    assert "Fresh news" not in client.get("/en/").content.decode()  # now cached

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(article=update, user=editor)
    assert "Fresh news" in client.get("/en/").content.decode()
    url = update.get_absolute_url("en")
    assert "Fresh news" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(
            article=update, user=editor, version=None, changes={"title_en": "Corrected headline"}
        )
    assert "Corrected headline" in client.get(url).content.decode()
    assert "Corrected headline" in client.get("/en/").content.decode()

    signal = update.signals.first()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(
            article=update, user=editor, version=None,
            rows={"signals": [workflow.Row(pk=signal.pk, values={"text_en": "A sharper signal."})]},
        )  # fmt: skip
    assert "A sharper signal." in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(article=update, user=editor)
    assert client.get(url).status_code == 404
    assert "Corrected headline" not in client.get("/en/").content.decode()


def test_deleting_a_signal_refreshes_the_page(client, django_capture_on_commit_callbacks):
    update = make_bilingual(signals=2)
    url = update.get_absolute_url("en")
    last = update.signals.last()
    assert last.text_en in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(
            article=update, user=make_user("Editor"), version=None,
            rows={"signals": [workflow.Row(pk=last.pk, delete=True)]},
        )  # fmt: skip
    assert last.text_en not in client.get(url).content.decode()


def test_a_scheduled_update_appears_on_time_without_a_save(client):
    now = timezone.now()
    make_article(published=True, title_en="Comes later", publish_at=now + timedelta(minutes=2))
    assert "Comes later" not in client.get("/en/").content.decode()
    with time_machine.travel(now + timedelta(minutes=3)):
        assert "Comes later" in client.get("/en/").content.decode()
