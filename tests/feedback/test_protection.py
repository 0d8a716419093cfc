"""Every protection of the anonymous form, as the reader meets it."""

import os
import threading
import uuid
from datetime import UTC, datetime

import pytest
from django.core.cache import caches
from django.test import override_settings

from newsroom.feedback import protection
from newsroom.feedback.models import Feedback

from .conftest import typed_token

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_is_refused_and_the_text_kept(send):
    response = send(message="Hello from a bot", website="https://spam.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "it is there to catch automated spam" in html
    assert "Hello from a bot" in html
    assert not Feedback.objects.exists()


def test_a_form_sent_faster_than_a_person_types_is_refused(send):
    response = send(token=typed_token(seconds_ago=1), message="Too quick to be typed")
    assert response.status_code == 400
    assert "quicker than anyone can type" in response.content.decode()
    assert "Too quick to be typed" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_form_older_than_a_day_is_refused_with_a_fresh_token(send, time_machine):
    time_machine.move_to("2026-11-20 09:00:00Z", tick=False)
    old = protection.make_token()
    time_machine.move_to("2026-11-21 09:00:01Z", tick=False)
    response = send(token=old, json=True)
    assert response.status_code == 400
    body = response.json()
    assert "more than a day ago" in body["message"]
    assert body["token"] != old  # the reader can send again straight away, after typing
    time_machine.move_to("2026-11-21 09:00:30Z", tick=False)
    assert send(token=body["token"], json=True).status_code == 201


def test_a_tampered_or_missing_token_is_refused(send):
    assert send(token="not-a-token").status_code == 400
    forged = typed_token()[:-2] + "xx"
    response = send(token=forged)
    assert response.status_code == 400
    assert "could not verify this form" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_used_token_is_not_accepted_twice(send):
    token = typed_token()
    assert send(token=token, message="First message").status_code == 303
    replay = send(token=token, message="Second message", address="198.51.100.7")
    assert replay.status_code == 400
    assert "already sent once" in replay.content.decode()
    assert list(Feedback.objects.values_list("message", flat=True)) == ["First message"]


def test_one_message_per_fifteen_seconds_then_429(send, time_machine):
    time_machine.move_to("2026-11-20 10:00:14Z", tick=False)
    assert send(message="One").status_code == 303
    time_machine.move_to("2026-11-20 10:00:16Z", tick=False)  # two seconds later
    response = send(message="Two, straight after")
    assert response.status_code == 429
    html = response.content.decode()
    assert "sent several messages in a short time" in html
    assert "Two, straight after" in html
    assert response["Retry-After"] == "13"
    # Another reader is not held up, and the same reader may send again later.
    assert send(message="From someone else", address="203.0.113.5").status_code == 303
    time_machine.move_to("2026-11-20 10:00:29.5Z", tick=False)
    assert send(message="Two, a little later").status_code == 303
    assert Feedback.objects.count() == 3


def test_at_most_twenty_messages_an_hour(send, time_machine):
    start = datetime(2026, 11, 20, 10, 0, tzinfo=UTC).timestamp()
    for n in range(20):
        time_machine.move_to(start + 16 * n, tick=False)
        assert send(message=f"Message number {n}").status_code == 303, n
    time_machine.move_to(start + 16 * 20, tick=False)
    response = send(message="Message number 21", json=True)
    assert response.status_code == 429
    assert "several messages in a short time" in response.json()["message"]
    assert Feedback.objects.count() == 20


def test_a_rate_limited_dutch_reader_is_told_in_dutch(send, time_machine):
    time_machine.move_to("2026-11-20 10:00:01Z", tick=False)
    send("nl", message="Eerste bericht")
    response = send("nl", message="Tweede bericht")
    assert response.status_code == 429
    assert "Je hebt in korte tijd meerdere berichten verstuurd" in response.content.decode()


def test_the_same_message_twice_is_refused_as_a_duplicate(send, time_machine):
    time_machine.move_to("2026-11-20 10:00:01Z", tick=False)
    assert send(message="Cover local models, please").status_code == 303
    time_machine.move_to("2026-11-20 10:01:00Z", tick=False)
    response = send(message="  cover LOCAL models,   please ")
    assert response.status_code == 400
    assert "already sent us this message today" in response.content.decode()
    assert Feedback.objects.count() == 1


def test_a_message_full_of_links_is_kept_but_marked_spam(send):
    links = " ".join(f"https://cheap{n}.example/buy" for n in range(4))
    response = send(message=f"Great offers {links}", json=True)
    assert response.status_code == 201  # the reader is told the truth: it was stored
    feedback = Feedback.objects.get()
    assert feedback.likely_spam and feedback.status == Feedback.Status.SPAM


def test_one_link_in_a_real_message_is_not_spam(send):
    send(message="Your piece on https://example.com/agents missed the pricing change.")
    feedback = Feedback.objects.get()
    assert not feedback.likely_spam and feedback.status == Feedback.Status.NEW


def test_the_client_key_rotates_daily_and_hides_the_address(time_machine):
    time_machine.move_to("2026-11-20 23:59:00Z", tick=False)
    today = protection.client_key("192.0.2.10")
    assert today == protection.client_key("192.0.2.10")
    assert today != protection.client_key("192.0.2.11")
    assert "192.0.2.10" not in today
    time_machine.move_to("2026-11-21 00:01:00Z", tick=False)
    assert protection.client_key("192.0.2.10") != today


def test_a_proxy_header_counts_only_when_settings_trust_it(rf, settings):
    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 192.0.2.44")
    settings.FEEDBACK_CLIENT_ADDRESS_HEADER = ""
    assert protection.client_address(request) == "10.0.0.1"
    settings.FEEDBACK_CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    settings.FEEDBACK_TRUSTED_PROXY_COUNT = 1
    # The left entry was written by the client itself; only our proxy's entry is trusted.
    assert protection.client_address(request) == "192.0.2.44"
    settings.FEEDBACK_TRUSTED_PROXY_COUNT = 2
    assert protection.client_address(request) == "1.1.1.1"


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="TEST_REDIS_URL is not set")
def test_rate_limits_and_token_claims_are_atomic_in_redis():
    """Many threads (standing in for app servers) race for the same limits in Redis."""
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["TEST_REDIS_URL"],
        "KEY_PREFIX": f"newsroom-feedback-test-{uuid.uuid4().hex}",
    }
    # The Redis database may be shared with other test runs: no clear(), only our own keys.
    with override_settings(CACHES={"default": redis_cache}, FEEDBACK_RATE_LIMITS=[(20, 3600)]):
        cache = caches["default"]
        client = protection.client_key("192.0.2.200")
        token = protection.read_token(typed_token())
        accepted, claimed = [], []
        barrier = threading.Barrier(40)

        def race():
            barrier.wait(timeout=10)
            try:
                protection.hit_rate_limits(client)
                accepted.append(1)
            except protection.RateLimited:
                pass
            if protection.claim(protection.token_claim_key(token), timeout=60):
                claimed.append(1)

        threads = [threading.Thread(target=race) for _ in range(40)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=20)
        finally:
            keys = [f"feedback:{protection.token_claim_key(token)}"]
            keys += [f"feedback:rate:3600:{client}:{n}" for n in range(20)]
            cache.delete_many(keys)
        assert len(accepted) == 20
        assert len(claimed) == 1
