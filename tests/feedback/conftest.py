import time

import pytest
from django.core.cache import cache

from newsroom.feedback import protection


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits, used tokens and cached pages must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


def typed_token(seconds_ago=20):
    """A form token handed out ``seconds_ago``: as if a person had typed for that long."""
    return protection.make_token(now=time.time() - seconds_ago)


@pytest.fixture
def send(client):
    """POST a feedback form as a browser without JavaScript does; returns the response."""

    def send_(lang="en", *, address="192.0.2.10", json=False, token=None, **fields):
        data = {"message": "Please cover the new batch API pricing.", "kind": "suggestion"}
        data |= {"token": typed_token() if token is None else token} | fields
        headers = {key: data.pop(key) for key in list(data) if key.startswith("HTTP_")}
        if json:
            headers["HTTP_ACCEPT"] = "application/json"
        return client.post(f"/{lang}/feedback/", data, REMOTE_ADDR=address, **headers)

    return send_
