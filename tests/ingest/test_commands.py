"""The import commands, as cron and a person at a terminal run them."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsroom.articles.models import Article
from tests.articles.factories import make_source

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_feed_from_a_file_reports_what_it_did():
    source = make_source(slug="cloud")

    out, err = run("import_feed", str(FIXTURES / "rss2_content_encoded.xml"), "--source", "cloud")

    assert f"{source}: Done. 2 new, 0 updated, 0 unchanged, 0 skipped, 0 errors" in out
    assert err == ""
    assert Article.objects.filter(source=source).count() == 2


def test_import_feed_from_a_url(feed_server):
    feed_server.add_feed("/atom", "atom_xhtml.xml", content_type="application/atom+xml")
    make_source(slug="nieuws", language="nl")

    run("import_feed", feed_server.url("/atom"), "--source", "nieuws")

    assert Article.objects.get().title_nl == "Samenwerking vereenvoudigd"


def test_import_feed_fails_loudly_on_a_broken_feed_or_unknown_source():
    make_source(slug="cloud")

    with pytest.raises(CommandError, match="not an RSS or Atom feed"):
        run("import_feed", str(FIXTURES / "malformed.xml"), "--source", "cloud")
    with pytest.raises(CommandError, match="no source with the slug “nope”"):
        run("import_feed", str(FIXTURES / "rdf_rss1.xml"), "--source", "nope")


def test_poll_feeds_goes_on_past_a_broken_feed_and_says_so_on_stderr(feed_server):
    feed_server.add("/down.xml", b"", status=503)
    feed_server.add_feed("/up.xml", "rdf_rss1.xml")
    down = make_source(slug="a-down", feed_url=feed_server.url("/down.xml"))
    up = make_source(slug="b-up", feed_url=feed_server.url("/up.xml"))

    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="^1 of 2 feeds failed.$"):
        call_command("poll_feeds", stdout=out, stderr=err)

    assert f"{down}: Failed: The server answered HTTP 503 (Service Unavailable)." in err.getvalue()
    assert f"{up}: Done. 1 new" in out.getvalue()
    assert Article.objects.get().source == up


def test_poll_feeds_is_quiet_at_verbosity_zero_unless_something_fails(feed_server):
    feed_server.add_feed("/up.xml", "rdf_rss1.xml")
    make_source(feed_url=feed_server.url("/up.xml"))

    out, err = run("poll_feeds", "--verbosity", "0")

    assert (out, err) == ("", "")


def test_import_markdown_imports_files_and_folders(tmp_path):
    (tmp_path / "post.md").write_text((FIXTURES / "post.md").read_text())

    out, _err = run("import_markdown", str(tmp_path))

    assert "1 new" in out
    assert Article.objects.get().original_author == "jdoe"


def failing(*args):
    """The command's error (a non-zero exit at a terminal) and what it wrote to stderr."""
    err = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(*args, stdout=StringIO(), stderr=err)
    message = str(caught.value)
    assert "\n" not in message
    return message, err.getvalue()


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("ftp://example.com/feed.xml", "is not an http(s) address"),
        ("HTTP://", "is not an http(s) address"),
        ("http://169.254.169.254/latest/meta-data/", "internal or non-public address"),
        ("http://127.0.0.1:9/feed.xml", "internal or non-public address"),
        ("/no/such/feed.xml", "Could not read /no/such/feed.xml: No such file or directory."),
    ],
)
def test_import_feed_fails_with_one_line_saying_why(location, reason):
    source = make_source(slug="cloud")

    message, err = failing("import_feed", location, "--source", "cloud")

    assert message.startswith(f"{source}: Failed: ")
    assert reason in message
    assert err == ""  # said once, as the error, not twice


def test_import_markdown_fails_with_one_line_for_a_missing_file(tmp_path):
    message, _err = failing("import_markdown", str(tmp_path / "missing.md"))

    assert message.endswith(f"Failed: Not found: {tmp_path / 'missing.md'}")


def test_import_markdown_names_the_first_error_when_every_file_fails(tmp_path):
    (tmp_path / "bomb.md").write_text("---\na: &a x\nb: *a\n---\nBody\n")

    message, err = failing("import_markdown", str(tmp_path))

    assert "uses YAML anchors or aliases" in message
    assert "bomb.md" in err  # the item's own error line


def test_poll_feeds_exits_non_zero_when_a_feed_is_refused(settings):
    settings.INGEST_ALLOW_LOOPBACK = False
    source = make_source(feed_url="http://127.0.0.1:9/feed.xml")

    message, err = failing("poll_feeds")

    assert message == "1 of 1 feeds failed."
    assert f"{source}: Failed: 127.0.0.1 is an internal or non-public address" in err
