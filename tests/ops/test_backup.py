"""A backup brings back every update, translation, revision, tag, story link, feedback row
and uploaded file after the data is wiped (PostgreSQL with pg_dump/pg_restore, or SQLite)."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
import reversion
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from newsroom.articles.models import Article, Tag
from tests.articles.factories import link, make_article
from tests.feedback.factories import make_feedback

KEPT_APPS = ("articles", "feedback", "taggit", "reversion", "ingest")


def snapshot():
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.app_label in KEPT_APPS and not model._meta.proxy
    }


def needs_tools():
    if connection.vendor == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed (apt-get install postgresql-client)")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_wipe_restore_brings_everything_back(tmp_path):
    needs_tools()
    with reversion.create_revision():
        first = make_article(published=True, translated=True, title_en="Backups matter")
        reversion.set_comment("Published.")
    second = make_article(translated=True)
    first.tags.add(Tag.objects.create(slug="ops", name_en="Operations", name_nl="Beheer"))
    link(second, first)
    make_feedback(message="Please cover backups.", article=first)
    image = Path(settings.MEDIA_ROOT) / "articles" / "photo.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n fake image")
    before = snapshot()
    assert all(before[label] for label in (
        "articles.Article", "articles.EditorialSignal", "articles.StoryLink", "articles.Tag",
        "articles.TaggedArticle", "reversion.Revision", "reversion.Version", "feedback.Feedback",
    ))  # fmt: skip

    out = StringIO()
    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip())
    assert archive.name.startswith("newsroom-") and archive.suffix == ".tar"

    for model in reversed(apps.get_models()):  # wipe
        if model._meta.app_label in KEPT_APPS and not model._meta.proxy:
            model._base_manager.all().delete()
    shutil.rmtree(settings.MEDIA_ROOT)
    Path(settings.MEDIA_ROOT).mkdir()
    assert not Article.objects.exists()

    call_command("restore", str(archive), "--yes", stdout=StringIO())

    assert snapshot() == before
    assert image.read_bytes() == b"\x89PNG\r\n\x1a\n fake image"
    restored = Article.objects.get(pk=first.pk)
    assert (restored.title_en, restored.title_nl) == ("Backups matter", first.title_nl)


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_backup(tmp_path):
    bogus = tmp_path / "not-a-backup.tar"
    bogus.write_bytes(b"nothing")

    with pytest.raises(CommandError):
        call_command("restore", str(bogus), "--yes", stdout=StringIO())
