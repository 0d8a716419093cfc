"""Moderation: editors only; filters, search, bulk actions, CSV export and new counts."""

import csv
import io

import pytest
from django.contrib.auth.models import User

from newsroom.feedback.models import Feedback
from tests.articles.factories import make_article, make_user

from .factories import make_feedback

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/feedback/feedback/"


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("Editor"))
    return client


@pytest.mark.parametrize("role", ["Writer", "Translator", None])
def test_only_editors_see_reader_feedback(client, role):
    item = make_feedback(message="Private words from a reader")
    client.force_login(make_user(role))
    for url in (CHANGELIST, f"{CHANGELIST}{item.pk}/change/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "Private words" not in response.content.decode()
    response = client.post(CHANGELIST, {"action": "mark_read", "_selected_action": [item.pk]})
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == Feedback.Status.NEW


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_admin_index_hides_feedback_from_writers(client):
    make_feedback()
    client.force_login(make_user("Writer"))
    html = client.get("/admin/").content.decode()
    assert "Reader feedback" not in html
    assert "What readers ask for" not in html


def test_editors_filter_by_status_kind_language_and_update(editor_client):
    article = make_article(published=True)
    make_feedback(
        message="Dutch question about this", language="nl", kind="question", article=article
    )
    make_feedback(message="English suggestion in general", kind="suggestion")
    make_feedback(message="Already handled", status=Feedback.Status.ACTIONED)

    def shown(query):
        return editor_client.get(CHANGELIST + query).content.decode()

    html = shown("?language__exact=nl&kind__exact=question")
    assert "Dutch question" in html and "English suggestion" not in html
    html = shown(f"?article__id__exact={article.pk}")
    assert "Dutch question" in html and "English suggestion" not in html
    html = shown("?status__exact=actioned")
    assert "Already handled" in html and "Dutch question" not in html
    html = shown("?received_at__year=2000")
    assert "Dutch question" not in html
    html = shown("?q=suggestion+in+general")
    assert "English suggestion" in html and "Dutch question" not in html


def test_bulk_actions_change_the_status(editor_client):
    items = [make_feedback() for _ in range(3)]
    response = editor_client.post(
        CHANGELIST,
        {"action": "mark_actioned", "_selected_action": [i.pk for i in items[:2]]},
        follow=True,
    )
    assert "2 messages marked “Actioned”." in response.content.decode()
    assert list(Feedback.objects.order_by("id").values_list("status", flat=True)) == [
        "actioned",
        "actioned",
        "new",
    ]


def test_an_editor_changes_the_status_but_never_the_readers_words(editor_client):
    item = make_feedback(message="Original words")
    url = f"{CHANGELIST}{item.pk}/change/"
    editor_client.post(url, {"status": "read", "message": "Rewritten by an editor"})
    item.refresh_from_db()
    assert (item.status, item.message) == ("read", "Original words")
    assert editor_client.get(f"{CHANGELIST}add/").status_code == 403


def test_csv_export_is_safe_to_open_in_a_spreadsheet(editor_client):
    make_feedback(message='=HYPERLINK("https://evil.example")', kind="other", useful=False)
    make_feedback(message="A plain line, with a comma", language="nl")
    ids = list(Feedback.objects.values_list("pk", flat=True))
    response = editor_client.post(CHANGELIST, {"action": "export_csv", "_selected_action": ids})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "received_at", "status"]
    messages = {row[-1] for row in rows[1:]}
    assert messages == {'\'=HYPERLINK("https://evil.example")', "A plain line, with a comma"}
    assert any(row[5] == "no" for row in rows[1:])


def test_export_needs_its_own_permission(client):
    make_feedback()
    viewer = make_user(None)
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(Permission.objects.get(codename="view_feedback"))
    viewer = User.objects.get(pk=viewer.pk)
    client.force_login(viewer)
    html = client.get(CHANGELIST).content.decode()
    assert "Export selected feedback as CSV" not in html


def test_new_feedback_is_counted_on_the_updates_admin_page(editor_client):
    article = make_article(published=True)
    make_feedback(article=article)
    make_feedback(article=article)
    make_feedback(article=article, status=Feedback.Status.READ)
    make_feedback(article=article, status=Feedback.Status.SPAM, likely_spam=True)
    make_feedback()  # about no update
    html = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "2 new reader messages" in html
    assert f"article__id__exact={article.pk}&amp;status__exact=new" in html


def test_the_admin_index_shows_what_readers_ask_for(editor_client):
    make_feedback(message="Please explain context windows")
    make_feedback(message="Old and done", status=Feedback.Status.ACTIONED)
    html = editor_client.get("/admin/").content.decode()
    assert "What readers ask for" in html
    assert "1 new message from readers" in html
    assert "Please explain context windows" in html
    assert "Old and done" not in html


def test_the_counts_speak_dutch(client):
    client.force_login(make_user("Editor"))
    article = make_article(published=True)
    make_feedback(article=article)
    html = client.get(
        f"/admin/articles/article/{article.pk}/change/", HTTP_ACCEPT_LANGUAGE="nl"
    ).content.decode()
    assert "1 nieuwe lezersreactie" in html
