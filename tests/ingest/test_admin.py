"""The import side of the admin: fetch now, the fetch state and log, the import inbox."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from newsroom.articles.models import Article
from newsroom.ingest.models import ImportRun
from newsroom.ingest.services import import_feed
from tests.articles.admin_forms import article_form_data, change_url, form_errors
from tests.articles.factories import make_source, make_user

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer_client(client):
    client.force_login(make_user("Writer"))
    return client


def test_fetch_now_action_queues_a_fetch_per_source_and_the_log_shows_each_run(
    writer_client, feed_server
):
    feed_server.add_feed("/feed.xml", "rss2_content_encoded.xml")
    feed_server.add("/broken.xml", b"", status=500)
    good = make_source(feed_url=feed_server.url("/feed.xml"))
    bad = make_source(feed_url=feed_server.url("/broken.xml"))

    response = writer_client.post(
        reverse("admin:articles_source_changelist"),
        {"action": "fetch_now", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )

    text = response.content.decode()
    assert f"{good}: fetching was queued. The import log shows the run when it ends." in text
    assert f"{bad}: fetching was queued." in text
    # The test suite runs tasks at once; tests/ops/test_queue.py runs them on a worker.
    assert Article.objects.filter(source=good, status="draft").count() == 2
    changelist = writer_client.get(reverse("admin:articles_source_changelist")).content.decode()
    assert "Failed" in changelist and "Fetched" in changelist
    bad_page = writer_client.get(reverse("admin:articles_source_change", args=[bad.pk]))
    assert "The server answered HTTP 500 (Internal Server Error)." in bad_page.content.decode()


def test_the_source_page_shows_the_last_fetch_the_log_and_a_fetch_button(writer_client):
    source = make_source(feed_url="https://feeds.example.com/feed.xml")
    import_feed(source=source, location=str(FIXTURES / "missing_dates.xml"))

    page = writer_client.get(reverse("admin:articles_source_change", args=[source.pk]))

    text = page.content.decode()
    assert "Fetched, with errors in some items" in text
    assert "2 new, 0 updated, 0 unchanged, 0 skipped, 1 error" in text
    assert "Imported drafts not yet edited: 2" in text
    assert reverse("admin:articles_source_fetch", args=[source.pk]) in text
    assert "Fetch now" in text


def test_the_fetch_button_posts_and_a_get_does_nothing(writer_client, feed_server):
    feed_server.add_feed("/feed.xml", "rdf_rss1.xml")
    source = make_source(feed_url=feed_server.url("/feed.xml"))
    url = reverse("admin:articles_source_fetch", args=[source.pk])

    assert writer_client.get(url).status_code == 405
    response = writer_client.post(url, follow=True)

    assert response.redirect_chain[-1][0] == reverse(
        "admin:articles_source_change", args=[source.pk]
    )
    assert "fetching was queued" in response.content.decode()
    assert "1 new" in response.content.decode()  # the import log, on the page it returns to
    assert Article.objects.get().original_title == "Agent toolkit reaches version two"


def test_without_the_fetch_permission_there_is_no_fetching(client, feed_server):
    feed_server.add_feed("/feed.xml", "rdf_rss1.xml")
    translator = make_user("Translator")
    client.force_login(translator)
    source = make_source(feed_url=feed_server.url("/feed.xml"))

    response = client.post(reverse("admin:articles_source_fetch", args=[source.pk]))
    page = client.get(reverse("admin:articles_source_change", args=[source.pk]))

    assert response.status_code == 403
    assert "Fetch now" not in page.content.decode()
    assert Article.objects.count() == 0
    assert feed_server.requests == []


def test_the_import_log_shows_each_item_and_why(writer_client):
    source = make_source()
    run = import_feed(source=source, location=str(FIXTURES / "missing_dates.xml"))

    page = writer_client.get(reverse("admin:ingest_importrun_change", args=[run.pk]))

    text = page.content.decode()
    assert "No date at all" in text
    assert "The item has neither a link nor an id" in text
    assert "New draft" in text and "Error" in text
    assert reverse("admin:articles_article_change", args=[run.items.first().article_id]) in text


def test_the_inbox_lists_imported_drafts_nobody_has_edited(writer_client):
    source = make_source()
    import_feed(source=source, location=str(FIXTURES / "rss2_content_encoded.xml"))
    edited = Article.objects.get(original_title="Open-weight models allowed under the new terms")
    edited.title_en = "Rewritten by a writer"
    edited.version += 1
    edited.save()

    inbox = writer_client.get(reverse("admin:ingest_importeditem_changelist")).content.decode()
    edited_view = writer_client.get(
        reverse("admin:ingest_importeditem_changelist") + "?state=edited"
    ).content.decode()

    assert "Cloud partner deal renewed until 2032" in inbox
    assert "Rewritten by a writer" not in inbox
    assert "Rewritten by a writer" in edited_view


def test_an_admin_save_takes_a_draft_out_of_the_inbox(admin_client):
    import_feed(source=make_source(), location=str(FIXTURES / "rdf_rss1.xml"))
    article = Article.objects.get()
    when = article.original_cached_at.astimezone()
    data = article_form_data(
        article,
        title_en="Toolkit two, for agent builders",
        original_cached_at_0=when.strftime("%Y-%m-%d"),
        original_cached_at_1=when.strftime("%H:%M:%S"),
    )

    response = admin_client.post(change_url(article), data)

    assert response.status_code == 302, form_errors(response)
    admin_client.get(response.url)  # shows (and so clears) the “changed successfully” message
    inbox = admin_client.get(reverse("admin:ingest_importeditem_changelist")).content.decode()
    edited = admin_client.get(
        reverse("admin:ingest_importeditem_changelist") + "?state=edited"
    ).content.decode()
    assert "Toolkit two" not in inbox
    assert "Toolkit two" in edited


def test_import_runs_cannot_be_added_or_edited_in_the_admin(admin_client):
    run = import_feed(source=make_source(), location=str(FIXTURES / "rdf_rss1.xml"))

    assert admin_client.get(reverse("admin:ingest_importrun_add")).status_code == 403
    page = admin_client.post(reverse("admin:ingest_importrun_change", args=[run.pk]), {})
    assert page.status_code == 403
    assert ImportRun.objects.get().status == ImportRun.Status.OK


def test_the_fetch_permission_exists_for_the_roles():
    perm = Permission.objects.get(codename="fetch_source")
    assert sorted(g.name for g in perm.group_set.all()) == ["Editor", "Writer"]
