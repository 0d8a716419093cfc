"""The page cache on Redis: one round trip per hit, immediate invalidation across app
servers, and a Redis outage that degrades pages to uncached, never to errors.

Each test starts its own ``redis-server`` (``redis_server.py``), never the shared one.
"""

import logging

import pytest
from django.test import Client

from newsroom.articles import workflow
from newsroom.articles.caching import invalidate_public_pages
from newsroom.pagecache.models import MissedInvalidations
from newsroom.pagecache.store import RETRY_SECONDS, RedisPageStore
from tests.articles.factories import make_article, make_user
from tests.feedback.conftest import typed_token

pytestmark = pytest.mark.django_db


def commands_processed(connection):
    return int(connection.info("stats")["total_commands_processed"])


def test_a_hit_is_one_round_trip(use_redis, client):
    server, _store, _clock = use_redis
    url = make_article(published=True).get_absolute_url("en")
    first = client.get(url)
    monitor = server.client()
    before = commands_processed(monitor)
    assert client.get(url).content == first.content
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # Two requests, one command each; the INFO that reads the count is the third.
    assert commands_processed(monitor) - before == 3


def test_a_publish_on_one_app_server_retires_the_page_on_the_other(use_redis):
    server, here, _clock = use_redis
    there = RedisPageStore(server.url, "test")  # another app server: own pool, same Redis
    generation, _ = there.lookup("k")
    from newsroom.pagecache.store import Page

    there.save("k", generation, Page(200, [("ETag", '"1"')], b"old"), 60)
    assert there.lookup("k")[1].body == b"old"
    assert here.lookup("k")[1].body == b"old"
    here.invalidate()
    assert there.lookup("k")[1] is None


def test_with_redis_down_pages_are_served_uncached_and_the_outage_is_logged_once(
    use_redis, client, caplog
):
    server, _store, clock = use_redis
    update = make_article(published=True, title_en="Still readable")
    server.stop()
    with caplog.at_level(logging.WARNING, logger="newsroom.pagecache.store"):
        for _ in range(3):
            for url in ("/en/", update.get_absolute_url("en"), "/nl/updates/"):
                response = client.get(url)
                assert response.status_code == 200, url
            clock.advance(RETRY_SECONDS + 1)  # it asks Redis again, still down
    assert "Still readable" in client.get("/en/").content.decode()
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1


def test_with_redis_down_an_editor_still_publishes(use_redis, django_capture_on_commit_callbacks):
    server, _store, _clock = use_redis
    editor = make_user("Editor")
    update = make_article(title_en="Published during the outage", signals=1)
    server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(article=update, user=editor)
        invalidate_public_pages()
    update.refresh_from_db()
    assert update.is_published()
    assert MissedInvalidations.current() >= 1  # kept for when Redis returns


@pytest.mark.parametrize("keep_data", [True, False], ids=["same-data", "emptied"])
def test_a_page_cached_before_an_outage_never_outlives_a_publish_made_during_it(
    use_redis, client, keep_data, django_capture_on_commit_callbacks
):
    server, _store, clock = use_redis
    editor = make_user("Editor")
    make_article(published=True, title_en="Before the outage")
    fresh = make_article(title_en="Published while Redis was down", signals=1)
    assert "Published while Redis was down" not in client.get("/en/").content.decode()

    server.stop(keep_data=keep_data)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(article=fresh, user=editor)
    assert "Published while Redis was down" in client.get("/en/").content.decode()
    server.start()
    clock.advance(RETRY_SECONDS + 1)

    for reader in (client, Client()):
        html = reader.get("/en/").content.decode()
        assert "Published while Redis was down" in html


def test_another_app_server_that_never_saw_the_outage_catches_up(use_redis, client):
    """The publish came from a process that has since exited (a command, a worker)."""
    server, _store, _clock = use_redis
    other = RedisPageStore(server.url, "test", resync_seconds=30)
    from newsroom.pagecache.store import Page

    generation, _ = other.lookup("k")
    other.save("k", generation, Page(200, [], b"before"), 300)
    MissedInvalidations.record()  # what the exited process left behind
    assert other.lookup("k")[1].body == b"before"  # until its next check...
    other.clock = lambda: other._next_resync + 1
    assert other.lookup("k")[1] is None  # ...at most PAGE_CACHE_RESYNC_SECONDS later


def test_with_redis_down_feedback_is_refused_in_the_readers_language_keeping_the_text(
    use_redis, client
):
    server, _store, _clock = use_redis
    server.stop()
    for lang, words in (
        ("en", "we cannot take messages just now"),
        ("nl", "we kunnen nu geen berichten aannemen"),
    ):
        response = client.post(
            f"/{lang}/feedback/",
            {"message": f"Typed in {lang} during the outage", "kind": "suggestion",
             "token": typed_token()},
        )  # fmt: skip
        assert response.status_code == 503
        assert response["Retry-After"]
        html = response.content.decode()
        assert words in html and f"Typed in {lang} during the outage" in html
    as_json = client.post(
        "/en/feedback/",
        {"message": "Sent in place", "kind": "suggestion", "token": typed_token()},
        HTTP_ACCEPT="application/json",
    )
    assert as_json.status_code == 503 and as_json.json()["ok"] is False


def test_with_the_database_down_too_a_recovered_cache_asks_it_once_per_retry_interval(
    use_redis, monkeypatch, caplog
):
    """After a Redis outage the store checks the database for missed invalidations; with
    the database down as well, that check must not run (and log a traceback) on every
    request while cached pages are being served."""
    from django.db import OperationalError

    server, store, clock = use_redis
    asked = []

    def database_down():
        asked.append(1)
        raise OperationalError("connection refused")

    store._failed(OSError("Redis went away"))  # an outage this process noticed
    clock.advance(RETRY_SECONDS + 1)  # Redis answers again
    monkeypatch.setattr(MissedInvalidations, "current", staticmethod(database_down))
    with caplog.at_level(logging.ERROR, logger="newsroom.pagecache.store"):
        for _ in range(20):
            store.lookup("some-page")
        assert len(asked) == 1
        clock.advance(RETRY_SECONDS + 1)
        store.lookup("some-page")
    assert len(asked) == 2
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 2
