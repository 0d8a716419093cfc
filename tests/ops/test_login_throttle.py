"""Wrong admin passwords are throttled per account and per client, and the lock lifts."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from tests.articles.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _throttling_on(settings):
    settings.AXES_ENABLED = True
    cache.clear()
    yield
    cache.clear()


PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/"


def attempt(client, username, password, address):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, address, times):
    return [attempt(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_the_right_password_is_refused_after_five_wrong_ones_and_says_why(settings):
    editor = make_user("Editor")
    client = Client()

    statuses = fail(client, editor.username, "198.51.100.7", 5)
    response = attempt(client, editor.username, PASSWORD, "198.51.100.7")

    assert statuses == [200, 200, 200, 200, 429]  # the fifth wrong password locks
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    text = response.content.decode()
    assert "Logging in is paused after 5 wrong passwords" in text
    assert "Try again in 15 minutes" in text
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_account_from_any_client():
    editor = make_user("Editor")

    fail(Client(), editor.username, "198.51.100.7", 5)
    response = attempt(Client(), editor.username, PASSWORD, "203.0.113.9")

    assert response.status_code == 429


def test_the_lock_is_per_client_across_accounts():
    editor = make_user("Editor")
    client = Client()

    for n in range(5):
        attempt(client, f"guess{n}", "wrong-password", "198.51.100.7")
    from_there = attempt(client, editor.username, PASSWORD, "198.51.100.7")
    from_elsewhere = attempt(Client(), editor.username, PASSWORD, "203.0.113.9")

    assert from_there.status_code == 429
    assert from_elsewhere.status_code == 302  # the editor is not locked out by a stranger


def test_the_editor_logs_in_again_after_the_cool_off():
    editor = make_user("Editor")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(Client(), editor.username, "198.51.100.7", 5)
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        response = attempt(Client(), editor.username, PASSWORD, "198.51.100.7")

    assert response.status_code == 302


def test_the_client_address_comes_from_the_configured_proxy_header(settings):
    settings.FEEDBACK_CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    settings.FEEDBACK_TRUSTED_PROXY_COUNT = 1
    editor = make_user("Editor")

    for n in range(5):
        Client().post(
            LOGIN,
            {"username": f"guess{n}", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",  # the proxy
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
    other_reader = Client().post(
        LOGIN,
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )

    assert other_reader.status_code == 302  # the proxy's own address is not what is locked


def test_the_lockout_page_speaks_dutch():
    editor = make_user("Editor")
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")

    fail(client, editor.username, "198.51.100.7", 5)
    response = attempt(client, editor.username, PASSWORD, "198.51.100.7")

    assert response.status_code == 429
    assert "Inloggen is gepauzeerd" in response.content.decode()


def test_logins_still_work_while_the_shared_cache_is_down():
    from tests.ops.test_health import BROKEN_CACHE

    editor = make_user("Editor")
    with override_settings(CACHES=BROKEN_CACHE):
        wrong = attempt(Client(), editor.username, "wrong-password", "198.51.100.7")
        right = attempt(Client(), editor.username, PASSWORD, "198.51.100.7")

    assert wrong.status_code == 200  # the form again, with Django's own message
    assert right.status_code == 302
