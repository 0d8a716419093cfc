"""Importing items as draft updates: what a draft holds, identity, re-imports, bad input."""

from datetime import UTC, datetime
from unittest import mock

import pytest
import time_machine
from django.db.models import F

from newsroom.articles.models import Article, Source, Tag
from newsroom.ingest.models import FeedState, ImportedItem, ImportRun, ImportRunItem
from newsroom.ingest.services import import_feed, import_markdown_files, poll_sources
from tests.articles.factories import make_source

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 5, 8, 9, 31, tzinfo=UTC)


def fixture(name):
    return str(FIXTURES / name)


def outcomes(run):
    return [(i.outcome, i.title, i.message) for i in run.items.all()]


def test_a_feed_item_becomes_a_draft_in_the_sources_language():
    source = make_source(language="en")

    with time_machine.travel(NOW, tick=False):
        run = import_feed(source=source, location=fixture("rss2_content_encoded.xml"))

    assert run.status == ImportRun.Status.OK
    assert (run.created_count, run.error_count) == (2, 0)
    article = Article.objects.get(original_title="Cloud partner deal renewed until 2032")
    assert article.status == Article.Status.DRAFT
    assert article.source == source
    assert article.source_language == "en"
    assert article.title_en == "Cloud partner deal renewed until 2032"
    assert article.title_in("nl") == ""
    assert article.summary_en == "The two companies signed a new agreement & extended model rights."
    assert article.original_url == "https://blog.example.com/2025/10/partner-deal/?ref=home"
    assert article.original_published_at == datetime(2025, 10, 28, 15, 12, 3, tzinfo=UTC)
    assert article.original_author == "Sam Writer"
    assert "<strong>through 2032</strong>" in article.original_text
    assert article.original_cached_at == NOW
    assert sorted(t.name for t in article.tags.all()) == ["AI", "Azure"]
    assert article.translation_state == "missing"


def test_a_dutch_source_gives_dutch_drafts_and_dutch_tags():
    source = make_source(language="nl")

    import_feed(source=source, location=fixture("atom_xhtml.xml"))

    article = Article.objects.get()
    assert article.source_language == "nl"
    assert article.title_nl == "Samenwerking vereenvoudigd"
    assert article.title_in("en") == ""
    tag = Tag.objects.get()
    assert (tag.name_nl, tag.name_en) == ("Cloud", "Cloud")


def test_existing_tags_are_reused_whatever_their_case():
    Tag.objects.create(name_en="ai", name_nl="ai", slug="ai")

    import_feed(source=make_source(), location=fixture("rss2_content_encoded.xml"))

    assert Tag.objects.filter(slug__startswith="ai").count() == 1


def test_importing_again_never_duplicates_and_refreshes_an_untouched_draft(tmp_path):
    source = make_source()
    feed = tmp_path / "feed.xml"
    feed.write_text((FIXTURES / "rss2_content_encoded.xml").read_text())
    import_feed(source=source, location=str(feed))
    feed.write_text(feed.read_text().replace("Short note on open weights.", "Longer note."))

    later = datetime(2026, 5, 9, 8, 0, tzinfo=UTC)
    with time_machine.travel(later, tick=False):
        run = import_feed(source=source, location=str(feed))

    assert Article.objects.count() == 2
    assert (run.created_count, run.updated_count, run.unchanged_count) == (0, 1, 1)
    article = Article.objects.get(original_url="https://blog.example.com/2025/10/open-weights/")
    assert article.original_text == "<p>Longer note.</p>"
    assert article.original_cached_at == later
    assert outcomes(run) == [
        ("updated", "Open-weight models allowed under the new terms", ""),
    ]


def test_an_editors_work_is_never_overwritten(tmp_path):
    source = make_source()
    feed = tmp_path / "feed.xml"
    feed.write_text((FIXTURES / "rss2_content_encoded.xml").read_text())
    import_feed(source=source, location=str(feed))
    article = Article.objects.get(original_url="https://blog.example.com/2025/10/open-weights/")
    # What an admin save does: new text and a higher version.
    Article.objects.filter(pk=article.pk).update(
        title_en="Open weights, explained", version=F("version") + 1
    )
    feed.write_text(feed.read_text().replace("Short note on open weights.", "Changed upstream."))

    run = import_feed(source=source, location=str(feed))

    article.refresh_from_db()
    assert article.title_en == "Open weights, explained"
    assert article.original_text == "<p>Short note on open weights.</p>"
    assert run.skipped_count == 1
    assert outcomes(run) == [
        (
            "skipped",
            "Open-weight models allowed under the new terms",
            "The original changed, but an editor has worked on this update; left as it is.",
        )
    ]
    assert not ImportedItem.objects.waiting().filter(article=article).exists()
    # Reported once per change of the original, not on every poll.
    again = import_feed(source=source, location=str(feed))
    assert (again.skipped_count, again.unchanged_count) == (0, 2)
    article.refresh_from_db()
    assert article.original_text == "<p>Short note on open weights.</p>"


def test_a_published_update_is_never_refreshed(tmp_path):
    source = make_source()
    feed = tmp_path / "feed.xml"
    feed.write_text((FIXTURES / "rdf_rss1.xml").read_text())
    import_feed(source=source, location=str(feed))
    # A status change through a service also bumps the version; here only the status moves.
    Article.objects.update(status=Article.Status.PUBLISHED, publish_at=NOW)
    feed.write_text(feed.read_text().replace("second major release", "second big release"))

    run = import_feed(source=source, location=str(feed))

    assert run.skipped_count == 1
    assert Article.objects.get().summary_en == "A coding-agent toolkit got a second major release."


def test_a_link_too_long_to_store_is_a_clear_item_error(tmp_path):
    long_link = "https://long.example.com/" + "a" * 600
    feed = tmp_path / "feed.xml"
    feed.write_text(
        f'<rss version="2.0"><channel><title>L</title><item><title>Long</title>'
        f"<link>{long_link}</link></item></channel></rss>"
    )

    run = import_feed(source=make_source(), location=str(feed))

    assert outcomes(run) == [
        ("error", "Long", "The link is longer than 500 characters; not imported.")
    ]
    assert Article.objects.count() == 0


def test_a_deleted_update_is_not_imported_again(tmp_path):
    source = make_source()
    feed = tmp_path / "feed.xml"
    feed.write_text((FIXTURES / "rdf_rss1.xml").read_text())
    import_feed(source=source, location=str(feed))
    Article.objects.all().delete()

    same = import_feed(source=source, location=str(feed))
    feed.write_text(feed.read_text().replace("second major release", "second big release"))
    changed = import_feed(source=source, location=str(feed))

    assert Article.objects.count() == 0
    assert (same.created_count, same.unchanged_count) == (0, 1)
    assert outcomes(changed) == [
        (
            "skipped",
            "Agent toolkit reaches version two",
            "The original changed, but the update made from it was deleted; not imported again.",
        )
    ]


def test_the_same_item_twice_in_one_feed_is_imported_once():
    run = import_feed(source=make_source(), location=fixture("duplicates.xml"))

    assert Article.objects.count() == 1
    assert outcomes(run)[1][0] == "skipped"
    assert "more than once" in outcomes(run)[1][2]


def test_an_item_is_recognised_by_its_guid_when_its_link_changes(tmp_path):
    source = make_source()
    feed = tmp_path / "feed.xml"
    feed.write_text((FIXTURES / "rss2_content_encoded.xml").read_text())
    import_feed(source=source, location=str(feed))
    feed.write_text(feed.read_text().replace("/open-weights/", "/open-weights-2/"))

    run = import_feed(source=source, location=str(feed))

    assert Article.objects.count() == 2
    assert run.updated_count == 1


def test_items_without_dates_import_with_a_note_and_an_item_without_identity_is_an_error():
    run = import_feed(source=make_source(), location=fixture("missing_dates.xml"))

    assert run.status == ImportRun.Status.PARTIAL
    assert (run.created_count, run.error_count) == (2, 1)
    assert Article.objects.filter(original_published_at=None).count() == 2
    lines = outcomes(run)
    assert lines[0] == (
        "new",
        "No date at all",
        "The item has no date; the publication date is left empty.",
    )
    assert lines[2][0] == "error" and "neither a link nor an id" in lines[2][2]


def test_a_failing_item_leaves_nothing_half_written_and_the_others_import():
    from newsroom.articles.workflow import actions

    real = actions._apply_as_import

    def fail_for_one(edit, changes, tags):
        real(edit, changes, tags)
        edit.article.save()  # written, then the item fails: all of it must roll back
        if edit.article.original_title == "Open-weight models allowed under the new terms":
            raise RuntimeError("tags could not be saved")

    with mock.patch.object(actions, "_apply_as_import", side_effect=fail_for_one):
        run = import_feed(source=make_source(), location=fixture("rss2_content_encoded.xml"))

    assert run.status == ImportRun.Status.PARTIAL
    assert list(Article.objects.values_list("original_title", flat=True)) == [
        "Cloud partner deal renewed until 2032"
    ]
    assert ImportedItem.objects.count() == 1
    error = run.items.get(outcome=ImportRunItem.Outcome.ERROR)
    assert error.title == "Open-weight models allowed under the new terms"
    assert error.message == "Unexpected error: tags could not be saved"


@pytest.mark.parametrize("name", ["malformed.xml", "not_a_feed.html"])
def test_a_broken_feed_fails_its_run_with_a_clear_message(name):
    source = make_source()

    run = import_feed(source=source, location=fixture(name))

    assert run.status == ImportRun.Status.FAILED
    assert "not an RSS or Atom feed" in run.message
    assert Article.objects.count() == 0
    state = FeedState.objects.get(source=source)
    assert state.last_result == FeedState.Result.FAILED
    assert "not an RSS or Atom feed" in state.last_message


def test_polling_fetches_active_sources_and_a_broken_one_breaks_nothing_else(feed_server):
    feed_server.add_feed("/good.xml", "rdf_rss1.xml", headers={"ETag": '"abc"'})
    feed_server.add("/bad.xml", b"nope", status=500)
    good = make_source(feed_url=feed_server.url("/good.xml"))
    bad = make_source(feed_url=feed_server.url("/bad.xml"))
    make_source(feed_url=feed_server.url("/off.xml"), is_active=False)

    runs = poll_sources()

    assert {run.source: run.status for run in runs} == {
        good: ImportRun.Status.OK,
        bad: ImportRun.Status.FAILED,
    }
    assert Article.objects.get().source == good
    assert FeedState.objects.get(source=good).etag == '"abc"'
    assert FeedState.objects.get(source=bad).last_message == (
        "The server answered HTTP 500 (Internal Server Error)."
    )
    assert [path for path, _headers in feed_server.requests] == ["/good.xml", "/bad.xml"]


def test_the_next_poll_is_a_conditional_get_and_a_304_imports_nothing(feed_server):
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"abc"':
            handler.send_response(304)
            handler.end_headers()
            return
        body = (FIXTURES / "rdf_rss1.xml").read_bytes()
        handler.send_response(200)
        handler.send_header("ETag", '"abc"')
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    feed_server.add_handler("/feed.xml", conditional)
    source = make_source(feed_url=feed_server.url("/feed.xml"))
    import_feed(source=source)

    run = import_feed(source=source)

    assert run.status == ImportRun.Status.NOT_MODIFIED
    assert run.message == "The feed has not changed since the last fetch."
    assert Article.objects.count() == 1
    assert feed_server.requests[1][1]["If-None-Match"] == '"abc"'


def test_validators_are_not_kept_when_items_failed(feed_server):
    feed_server.add_feed("/feed.xml", "missing_dates.xml", headers={"ETag": '"v2"'})
    source = make_source(feed_url=feed_server.url("/feed.xml"))

    import_feed(source=source)

    assert FeedState.objects.get(source=source).etag == ""


def test_markdown_posts_import_with_their_source_found_or_created(tmp_path):
    run = import_markdown_files(paths=[FIXTURES / "post.md"])

    article = Article.objects.get()
    source = Source.objects.get()
    assert (source.name_en, source.feed_url, source.is_active) == (
        "Example Company News",
        "https://news.example.com/feed/",
        False,
    )
    assert article.source == source
    assert article.title_en == "Cloud Partnership Enters a New Phase"
    assert article.original_url == "https://news.example.com/blog/2025/10/28/new-phase/"
    assert article.original_author == "jdoe"
    assert article.summary_en.startswith("A fictional company post")
    assert sorted(t.name for t in article.tags.all()) == [
        "AI",
        "Agreement",
        "Cloud",
        "Open Weights",
    ]
    imported = ImportedItem.objects.get()
    assert imported.excerpt == "jdoe summarises the renewed partnership terms in one line."
    assert (imported.feed_name, imported.feed_url) == (
        "Example Company News",
        "https://news.example.com/feed/",
    )
    assert run.created_count == 1

    again = import_markdown_files(paths=[tmp_path, FIXTURES / "post.md"])

    assert Article.objects.count() == 1
    assert again.unchanged_count == 1


def test_a_markdown_post_goes_to_the_source_with_its_feed_url():
    source = make_source(feed_url="https://NEWS.example.com/feed/?utm_source=x")

    import_markdown_files(paths=[FIXTURES / "post.md"])

    assert Article.objects.get().source == source
    assert Source.objects.count() == 1


def test_markdown_problems_are_reported_per_file(tmp_path):
    (tmp_path / "no-front-matter.md").write_text("# Hello\n")
    (tmp_path / "no-url.md").write_text("---\ntitle: Lost\nfeed_name: Somewhere\n---\nText\n")

    run = import_markdown_files(paths=[tmp_path, tmp_path / "missing.md"])

    assert run.status == ImportRun.Status.FAILED
    messages = [item.message for item in run.items.all()]
    assert any("no YAML front matter" in m for m in messages)
    assert any("no canonical_url" in m for m in messages)
    assert "missing.md" in run.message
    assert Article.objects.count() == 0


def test_two_imports_racing_for_one_item_still_make_one_update():
    source = make_source()
    import_feed(source=source, location=fixture("rdf_rss1.xml"))

    # The other import has not committed yet when this one looks the item up.
    with mock.patch("newsroom.ingest.services._find_imported", return_value=None):
        run = import_feed(source=source, location=fixture("rdf_rss1.xml"))

    assert Article.objects.count() == 1
    assert outcomes(run) == [
        (
            "error",
            "Agent toolkit reaches version two",
            "Another import was saving this item at the same time; it will be tried again.",
        )
    ]
