"""/healthz and /readyz as a load balancer sees them: status codes, parts, no caching."""

from unittest import mock

import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db

BROKEN_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Nothing listens on port 1: every cache call fails as when Redis is down.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


def assert_uncached_without_cookies(response):
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert_uncached_without_cookies(response)


def test_readiness_reports_database_cache_and_task_queue(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert {name: part["status"] for name, part in data["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "task_queue": "ok",
    }
    assert_uncached_without_cookies(response)


def test_readiness_counts_the_queued_jobs_on_the_database_queue(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from newsroom.ingest.tasks import fetch_source

    fetch_source.enqueue(1, "test")

    queue = client.get("/readyz").json()["checks"]["task_queue"]
    assert (queue["status"], queue["backend"], queue["queued"]) == ("ok", "DatabaseBackend", 1)


def test_readiness_is_503_and_names_the_cache_when_the_cache_is_down(client, settings):
    settings.CACHES = BROKEN_CACHE

    response = client.get("/readyz")

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["status"] == "failed"
    assert "ConnectionError" in checks["cache"]["error"]
    assert checks["database"]["status"] == "ok"
    assert_uncached_without_cookies(response)


def test_readiness_is_503_and_names_the_database_when_the_database_is_down(client):
    connection = connections["default"]
    with mock.patch.object(
        type(connection), "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/readyz")

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"]["status"] == "failed"
    assert checks["database"]["error"].startswith("OperationalError")
    assert checks["cache"]["status"] == "ok"


def test_probes_over_plain_http_are_not_redirected_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/en/").status_code == 301
