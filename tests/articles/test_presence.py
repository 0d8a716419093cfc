"""Presence: who else has an update open, from the change form and its heartbeat."""

import os
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache, caches
from django.test import Client, override_settings
from django.urls import reverse

from newsroom.articles import presence

from .admin_forms import change_url
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# 17:32 UTC is 18:32 in Amsterdam in November: the notice must say 6:32 p.m. (18:32 in Dutch).
OPENED = datetime(2026, 11, 23, 17, 32, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def presence_url(article):
    return reverse("admin:articles_article_presence", args=[article.pk])


def leave_url(article):
    return reverse("admin:articles_article_presence_leave", args=[article.pk])


def browser_for(user):
    client = Client()
    client.force_login(user)
    return client


def heartbeat(client, article, **headers):
    response = client.post(presence_url(article), **headers)
    assert response.status_code == 200
    return response.json()["others"]


def test_two_people_see_each_other_with_local_time(settings):
    article = make_article()
    anna = make_user("Editor", first_name="Anna", last_name="de Vries")
    bram = make_user("Translator", first_name="Bram", last_name="Jansen")
    with time_machine.travel(OPENED, tick=False) as clock:
        first = browser_for(anna).get(change_url(article))
        assert first.status_code == 200
        assert "has had this update open" not in first.text  # nobody else yet

        clock.shift(timedelta(minutes=1))
        bram_client = browser_for(bram)
        second = bram_client.get(change_url(article))
        assert "Anna de Vries has had this update open since 6:32 p.m." in second.text

        # Anna's next heartbeat shows Bram, since the time he opened it.
        assert heartbeat(browser_for(anna), article) == [
            "Bram Jansen has had this update open since 6:33 p.m."
        ]
        # In Dutch for a Dutch admin.
        assert heartbeat(bram_client, article, HTTP_ACCEPT_LANGUAGE="nl") == [
            "Anna de Vries heeft deze update open sinds 18:32"
        ]


def test_someone_who_left_without_saying_so_disappears_after_about_a_minute():
    article = make_article()
    anna, bram = make_user("Editor"), make_user("Writer")
    bram_client = browser_for(bram)
    with time_machine.travel(OPENED, tick=False) as clock:
        browser_for(anna).get(change_url(article))  # then her laptop goes to sleep
        clock.shift(timedelta(seconds=presence.EXPIRES_SECONDS - 5))
        assert len(heartbeat(bram_client, article)) == 1
        clock.shift(timedelta(seconds=10))  # a little over a minute since her last heartbeat
        assert heartbeat(bram_client, article) == []


def test_heartbeats_keep_someone_listed_with_the_time_they_opened_it():
    article = make_article()
    anna = make_user("Editor", first_name="Anna", last_name="de Vries")
    anna_client, bram_client = browser_for(anna), browser_for(make_user("Writer"))
    with time_machine.travel(OPENED, tick=False) as clock:
        anna_client.get(change_url(article))
        for _ in range(10):  # more than three minutes of heartbeats
            clock.shift(timedelta(seconds=presence.HEARTBEAT_SECONDS))
            heartbeat(anna_client, article)
        assert heartbeat(bram_client, article) == [
            "Anna de Vries has had this update open since 6:32 p.m."
        ]


def test_an_earlier_day_is_named():
    article = make_article()
    anna = make_user("Editor", first_name="Anna", last_name="de Vries")
    anna_client, bram_client = browser_for(anna), browser_for(make_user("Writer"))
    late = datetime(2026, 11, 23, 22, 59, 30, tzinfo=ZoneInfo("UTC"))  # 23:59:30 local
    with time_machine.travel(late, tick=False) as clock:
        anna_client.get(change_url(article))
        clock.shift(timedelta(seconds=40))  # past midnight in Amsterdam
        heartbeat(anna_client, article)
        (line,) = heartbeat(bram_client, article)
    assert line == "Anna de Vries has had this update open since Nov. 23, 2026, 11:59 p.m."


def test_leaving_the_page_removes_someone_at_once():
    article = make_article()
    anna_client, bram_client = browser_for(make_user("Editor")), browser_for(make_user("Writer"))
    anna_client.get(change_url(article))
    assert len(heartbeat(bram_client, article)) == 1
    assert anna_client.post(leave_url(article)).status_code == 204
    assert heartbeat(bram_client, article) == []


def test_presence_is_per_update():
    one, two = make_article(), make_article()
    browser_for(make_user("Editor")).get(change_url(one))
    assert heartbeat(browser_for(make_user("Writer")), two) == []


def test_the_notice_is_escaped():
    article = make_article()
    make_user("Editor")
    sneaky = make_user("Writer", first_name="<script>alert(1)</script>")
    browser_for(sneaky).get(change_url(article))
    page = browser_for(make_user("Editor")).get(change_url(article)).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


class TestEndpointsAreGuarded:
    @pytest.mark.parametrize("url", [presence_url, leave_url])
    def test_anonymous_is_refused_and_not_recorded(self, client, url):
        article = make_article()
        response = client.post(url(article))
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
        assert presence.others(article_pk=article.pk, user=make_user("Editor")) == []

    @pytest.mark.parametrize("url", [presence_url, leave_url])
    def test_non_staff_is_refused_and_not_recorded(self, url):
        article = make_article()
        outsider = make_user("Editor", is_staff=False)
        response = browser_for(outsider).post(url(article))
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
        assert presence.others(article_pk=article.pk, user=make_user("Editor")) == []

    def test_staff_without_permission_on_updates_is_refused(self):
        article = make_article()
        response = browser_for(make_user(None)).post(presence_url(article))
        assert response.status_code == 403
        assert presence.others(article_pk=article.pk, user=make_user("Editor")) == []

    def test_get_is_refused(self):
        article = make_article()
        response = browser_for(make_user("Editor")).get(presence_url(article))
        assert response.status_code == 405

    def test_post_without_csrf_token_is_refused(self):
        article = make_article()
        client = Client(enforce_csrf_checks=True)
        client.force_login(make_user("Editor"))
        assert client.post(presence_url(article)).status_code == 403
        assert client.post(leave_url(article)).status_code == 403

    def test_heartbeat_with_the_form_token_is_accepted_and_never_cached(self):
        article = make_article()
        client = Client(enforce_csrf_checks=True)
        client.force_login(make_user("Editor"))
        form = client.get(change_url(article))
        token = form.context["csrf_token"]
        response = client.post(presence_url(article), HTTP_X_CSRFTOKEN=str(token))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]

    def test_unknown_update_is_404(self):
        client = browser_for(make_user("Editor"))
        assert (
            client.post(reverse("admin:articles_article_presence", args=[999999])).status_code
            == 404
        )


def test_cache_outage_shows_nothing_and_never_fails():
    article = make_article()
    down = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens on port 1: every cache call fails to connect.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=down):
        anna_client = browser_for(make_user("Editor"))
        page = anna_client.get(change_url(article))
        assert page.status_code == 200
        assert 'id="presence"' in page.text
        assert heartbeat(anna_client, article) == []
        assert anna_client.post(leave_url(article)).status_code == 204


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="TEST_REDIS_URL is not set")
def test_two_app_servers_share_presence_through_redis():
    """Two cache connections, as two app servers have, see the same people."""
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["TEST_REDIS_URL"],
        "KEY_PREFIX": f"newsroom-presence-test-{uuid.uuid4().hex}",
    }
    article = make_article()
    anna = make_user("Editor", first_name="Anna", last_name="de Vries")
    bram = make_user("Writer")
    with override_settings(CACHES={"default": redis_cache}):
        try:
            with time_machine.travel(OPENED, tick=False):
                presence.touch(article_pk=article.pk, user=anna)
                caches["default"].close()  # the next call connects afresh, like another server
                (visitor,) = presence.touch(article_pk=article.pk, user=bram)
                assert (
                    visitor.describe() == "Anna de Vries has had this update open since 6:32 p.m."
                )
        finally:
            caches["default"].delete(presence._key(article.pk))
