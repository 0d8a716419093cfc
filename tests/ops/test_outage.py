"""A lost database answers 503 with Retry-After and a readable page in both languages.

The fault test with a real PostgreSQL restarted under gunicorn is tests/ops/test_fault.py.
"""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connections
from django.test import Client

from newsroom.ops.outage import DatabaseOutageMiddleware
from tests.articles.factories import make_article

pytestmark = pytest.mark.django_db


def database_down(error=OperationalError):
    connection = connections["default"]
    return mock.patch.object(
        type(connection), "cursor", side_effect=error("could not connect to server")
    )


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_public_page_answers_503_with_retry_after_when_the_database_is_down(error):
    make_article(published=True)
    client = Client(raise_request_exception=False)

    with database_down(error):
        response = client.get("/en/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert page.index("Temporarily unavailable") < page.index("Tijdelijk niet beschikbaar")
    assert 'lang="nl"' in page


def test_the_dutch_site_says_it_in_dutch_first():
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/nl/")

    page = response.content.decode()
    assert response.status_code == 503
    assert '<html lang="nl">' in page
    assert page.index("Tijdelijk niet beschikbaar") < page.index("Temporarily unavailable")


def test_a_post_that_could_not_be_stored_is_a_503_not_a_success():
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.post("/admin/login/", {"username": "editor", "password": "x" * 12})

    assert response.status_code == 503


def test_errors_outside_views_are_503_too_through_the_500_handler():
    client = Client(raise_request_exception=False)

    with (
        database_down(),
        mock.patch.object(DatabaseOutageMiddleware, "process_exception", return_value=None),
    ):
        response = client.get("/en/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_other_errors_stay_500():
    client = Client(raise_request_exception=False)

    with database_down(ValueError):
        response = client.get("/en/")

    assert response.status_code == 500
    assert "Retry-After" not in response
