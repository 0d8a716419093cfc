"""No name, email or IP address anywhere: not in the feedback table, not in any table,
not in what we log."""

import logging

import pytest
from django.db import connection

from newsroom.feedback.models import Feedback

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.23"


def all_text_in_the_database():
    """Every text value in every table, as one string."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                chunks.extend(str(value) for value in row if value is not None)
    return "\n".join(chunks)


def test_the_feedback_record_has_no_place_for_identity():
    names = {field.name for field in Feedback._meta.get_fields()}
    assert not names & {"name", "email", "ip", "ip_address", "address", "user", "user_agent"}


def test_no_ip_address_reaches_any_table_or_log(send, settings, caplog):
    settings.FEEDBACK_CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    caplog.set_level(logging.DEBUG)
    send(message="First: no trace of me, please.", address=ADDRESS)
    send(message="Second: also limited", address=ADDRESS)  # rate limited, logged as 429
    send(message="Bot", address=ADDRESS, website="filled")  # honeypot
    send(message="Third, via the proxy", HTTP_X_FORWARDED_FOR=FORWARDED, address="10.0.0.2")
    assert Feedback.objects.count() == 2
    stored = all_text_in_the_database()
    assert "no trace of me" in stored  # the scan does see the feedback table
    for address in (ADDRESS, FORWARDED, "10.0.0.2"):
        assert address not in stored
        assert address not in caplog.text


def test_the_only_cookie_is_the_csrf_cookie(client):
    response = client.get("/en/feedback/")
    assert set(response.cookies) == {"csrftoken"}
    assert set(client.get("/en/feedback/token/").cookies) <= {"csrftoken"}
