"""Property-based: whatever a reader (or a bot) posts to the feedback form, the answer is a
page or JSON, never a 500, and a stored message is clean and about a live update only."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsroom.feedback.models import Feedback
from newsroom.text import CONTROL_CHARACTERS
from tests.articles.factories import make_article
from tests.hostile import FAST, any_text, query_values

from .conftest import typed_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def updates():
    return {
        "live": make_article(published=True).pk,
        "draft": make_article().pk,
    }


form_values = st.fixed_dictionaries(
    {
        "message": st.one_of(any_text, st.text(min_size=5, max_size=300), query_values),
        "kind": st.one_of(st.sampled_from(["suggestion", "correction", "question"]), any_text),
        "useful": st.one_of(st.sampled_from(["yes", "no", ""]), any_text),
        "update": st.one_of(st.sampled_from(["live", "draft"]), query_values),
        "token": st.one_of(st.just("valid"), query_values),
        "website": st.one_of(st.just(""), any_text),
    }
)


@FAST
@given(
    data=form_values,
    lang=st.sampled_from(["en", "nl"]),
    json=st.booleans(),
    address=st.ip_addresses(v=4).map(str),
)
@example(
    data={
        "message": "Please cover this draft.",
        "kind": "suggestion",
        "useful": "yes",
        "update": "draft",
        "token": "valid",
        "website": "",
    },
    lang="en",
    json=False,
    address="192.0.2.1",
)
@example(
    data={
        "message": "Nul\x00 and bell\x07",
        "kind": "question",
        "useful": "",
        "update": "²",
        "token": "valid",
        "website": "",
    },
    lang="nl",
    json=True,
    address="192.0.2.2",
)
def test_no_post_breaks_the_feedback_form(client, updates, data, lang, json, address):
    data = dict(data)
    data["update"] = str(updates.get(data["update"], data["update"]))
    if data["token"] == "valid":
        data["token"] = typed_token()
    headers = {"HTTP_ACCEPT": "application/json"} if json else {}

    response = client.post(f"/{lang}/feedback/", data, REMOTE_ADDR=address, **headers)

    assert response.status_code < 500
    for feedback in Feedback.objects.all():
        assert not CONTROL_CHARACTERS.search(feedback.message)
        assert feedback.article_id in (None, updates["live"])
