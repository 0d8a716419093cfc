"""A reader whose form fails the CSRF check gets a readable page in their language."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Your message could not be sent"), ("nl", "Je bericht kon niet worden verstuurd")],
)
def test_csrf_failure_page_speaks_the_readers_language(lang, expected):
    client = Client(enforce_csrf_checks=True)
    with translation.override(lang):
        url = reverse("feedback:page")
    response = client.post(url, {"message": "Please cover agent benchmarks."})
    assert response.status_code == 403
    page = response.content.decode()
    assert expected in page
    assert f'<html lang="{lang}"' in page
