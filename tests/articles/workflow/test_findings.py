"""The ten findings of the issue “One editorial write path”, each as the behaviour an
editor or reader relies on. Each failed on the main branch before the workflow."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from reversion.models import Version

from newsroom.articles import workflow
from newsroom.articles.models import Article, Tag, TranslationState
from newsroom.pagecache import store

from ..admin_forms import article_form_data, change_url, changelist_url, form_errors
from ..factories import make_article, make_picture, make_user

pytestmark = pytest.mark.django_db


def login(client, role):
    user = make_user(role)
    client.force_login(user)
    return user


def reviewed_bilingual(**fields):
    article = make_article(translated=True, **fields)
    workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
    article.refresh_from_db()
    return article


def as_browser_posts(data):
    """Textarea text as browsers send it: CRLF line endings."""
    return {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}


def comments(article):
    return [v.revision.comment for v in Version.objects.get_for_object(article)]


class TestFinding1UnchangedSave:
    def test_saving_an_unchanged_form_changes_nothing(self, client):
        article = reviewed_bilingual(
            body_en="## What changes\n\nTwo lines.\nAnd a third.",
            body_nl="## Wat verandert\n\nTwee regels.\nEn een derde.",
        )
        before = comments(article)
        login(client, "Editor")
        response = client.post(change_url(article), as_browser_posts(article_form_data(article)))
        assert response.status_code == 302, form_errors(response)
        stored = Article.objects.get(pk=article.pk)
        assert stored.translation_state == TranslationState.REVIEWED
        assert stored.version == article.version
        assert stored.body_en == article.body_en  # no CR stored
        assert comments(article) == before  # no revision that says “changed”

    def test_an_update_with_a_picture_saved_unchanged_keeps_its_picture(
        self, client, settings, tmp_path
    ):
        settings.MEDIA_ROOT = tmp_path
        article = reviewed_bilingual(image=make_picture(800, 450))
        name = Article.objects.get(pk=article.pk).image.name
        login(client, "Editor")
        response = client.post(change_url(article), article_form_data(article))
        assert response.status_code == 302, form_errors(response)
        stored = Article.objects.get(pk=article.pk)
        assert stored.image.name == name and stored.version == article.version

    def test_trailing_spaces_and_decomposed_accents_are_no_change(self):
        article = reviewed_bilingual(title_en="Café opens")
        result = workflow.save_edit(
            article=article, user=make_user("Editor"), version=article.version,
            changes={"title_en": "Cafe\u0301 opens  "},
        )  # fmt: skip
        assert result.article.translation_state == TranslationState.REVIEWED
        assert result.article.version == article.version


class TestFinding2SaveAndPublishKeepsTheChanges:
    def test_the_revision_says_what_changed_and_that_it_was_published(self, client):
        article = make_article(signals=1)
        login(client, "Editor")
        data = article_form_data(article, title_en="A sharper title", _publish="1")
        assert client.post(change_url(article), data).status_code == 302
        assert Article.objects.get(pk=article.pk).is_published()
        comment = comments(article)[0]
        assert "Title [en]" in comment and "Published." in comment
        assert len(comments(article)) == 1  # one action, one revision


class TestFinding3And4CacheInvalidation:
    @pytest.fixture
    def invalidations(self):
        with mock.patch.object(store.get_store(), "invalidate") as invalidate:
            yield invalidate

    def test_pages_are_retired_after_commit_not_inside_the_transaction(
        self, invalidations, django_capture_on_commit_callbacks
    ):
        article = make_article(signals=1)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            workflow.publish(article=article, user=make_user("Editor"))
        assert invalidations.call_count == 0  # nothing inside the transaction
        for callback in callbacks:
            callback()
        assert invalidations.call_count == 1

    def test_an_unpublished_update_is_gone_from_the_next_request(
        self, client, django_capture_on_commit_callbacks
    ):
        article = make_article(title_en="Soon withdrawn", published=True, signals=1)
        assert "Soon withdrawn" in client.get("/en/").content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            workflow.unpublish(article=article, user=make_user("Editor"))
        assert "Soon withdrawn" not in client.get("/en/").content.decode()
        assert client.get(article.get_absolute_url("en")).status_code == 404

    def test_draft_edits_new_tags_and_imports_leave_the_pages_alone(
        self, invalidations, django_capture_on_commit_callbacks
    ):
        draft = make_article()
        with django_capture_on_commit_callbacks(execute=True):
            workflow.save_edit(
                article=draft, user=make_user("Editor"), version=None,
                changes={"title_en": "Still a draft", "tags": ["agents"]},
            )  # fmt: skip
            Tag.objects.create(name="brand new", slug="brand-new")
            workflow.create_imported_draft(
                changes={"title_en": "Imported", "original_url": "https://example.org/a"},
                tags=[],
                comment="Imported.",
            )
        assert invalidations.call_count == 0

    def test_an_edit_of_a_published_update_retires_the_pages_once(
        self, invalidations, django_capture_on_commit_callbacks
    ):
        article = make_article(published=True, signals=2)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.save_edit(
                article=article, user=make_user("Editor"), version=None,
                changes={"title_en": "New", "summary_en": "Also new."},
                rows={"signals": [workflow.Row(pk=article.signals.first().pk, delete=True)]},
            )  # fmt: skip
        assert invalidations.call_count == 1


class TestFinding5AllowList:
    @pytest.mark.parametrize("field", ["original_author", "original_text", "original_cached_at"])
    def test_a_translator_cannot_change_what_the_import_recorded(self, client, field):
        article = make_article(translated=True, published=True, original_author="A. Writer")
        translator = make_user("Translator")
        value = timezone.now() if field == "original_cached_at" else "Changed"
        with pytest.raises(PermissionDenied):
            workflow.save_edit(
                article=article, user=translator, version=None, changes={field: value}
            )
        client.force_login(translator)
        data = article_form_data(article, original_author="Changed", original_text="Changed")
        client.post(change_url(article), data)
        stored = Article.objects.get(pk=article.pk)
        assert stored.original_author == "A. Writer" and stored.original_text == ""

    def test_a_field_nobody_listed_is_for_editors_only(self):
        article = make_article()
        listed = workflow.permissions.editable_fields(make_user("Writer"), article)
        assert "embargo_until" not in listed and "publish_at" not in listed
        assert workflow.permissions.editable_fields(make_user("Editor"), article) is None
        with pytest.raises(PermissionDenied):
            workflow.save_edit(
                article=article, user=make_user("Writer"), version=None,
                changes={"embargo_until": timezone.now()},
            )  # fmt: skip


class TestFinding6SlugCollisionOnPublish:
    def test_publishing_a_draft_whose_title_matches_a_live_slug_gets_its_own(self, client):
        make_article(title_en="Same words", slug_en="same-words", published=True)
        draft = make_article(title_en="Same words", slug_en=None, slug_nl=None, signals=1)
        Article.objects.filter(pk=draft.pk).update(slug_en=None)
        login(client, "Editor")
        response = client.post(
            changelist_url(), {"action": "publish", "_selected_action": [draft.pk]}, follow=True
        )
        assert response.status_code == 200
        draft.refresh_from_db()
        assert draft.is_published() and draft.slug_en == "same-words-2"
        assert client.get(draft.get_absolute_url("en")).status_code == 200


class TestFinding7OneWritePath:
    def test_a_stale_version_is_refused_and_the_stored_one_bumped_once(self):
        article = make_article()
        editor = make_user("Editor")
        workflow.save_edit(
            article=article, user=editor, version=article.version, changes={"title_en": "One"}
        )
        with pytest.raises(workflow.StaleEdit):
            workflow.save_edit(
                article=article, user=editor, version=article.version, changes={"title_en": "Two"}
            )
        stored = Article.objects.get(pk=article.pk)
        assert stored.title_en == "One" and stored.version == article.version + 1

    def test_opening_the_change_form_writes_nothing(self, client):
        article = make_article()
        login(client, "Editor")
        before = Article.objects.filter(pk=article.pk).values().get()
        assert client.get(change_url(article)).status_code == 200
        assert Article.objects.filter(pk=article.pk).values().get() == before

    def test_deleted_updates_are_not_recovered_around_the_workflow(self, client):
        login(client, "Editor")
        assert client.get("/admin/articles/article/recover/").status_code == 403
        assert "recover/" not in client.get(changelist_url()).content.decode()

    def test_no_code_outside_the_workflow_saves_an_update(self):
        """The write path is one package: nothing else calls save() on an update."""
        import pathlib
        import re

        root = pathlib.Path(workflow.__file__).parents[2]
        offenders = []
        pattern = re.compile(r"\b(article|update|obj)\.save\(|Article\.objects[^\n]*\.update\(")
        for path in root.rglob("*.py"):
            rel = path.relative_to(root).as_posix()
            if (
                "/workflow/" in rel
                or "/migrations/" in rel
                or rel.startswith(("bench", "benchmarks"))
            ):
                continue
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(rel)
        assert offenders == []


class TestFinding8LocalTimes:
    def test_the_stale_message_and_the_schedule_note_use_local_time(self, settings):
        settings.TIME_ZONE = "Europe/Amsterdam"
        article = make_article(signals=1)
        at = timezone.now().replace(microsecond=0) + timedelta(days=2)
        result = workflow.publish(article=article, user=make_user("Editor"), at=at)
        local = timezone.localtime(at)
        assert local.strftime("%H:%M") in result.comment
        assert "+00:00" not in result.comment
        with pytest.raises(workflow.StaleEdit) as refused:
            workflow.save_edit(
                article=article, user=make_user("Editor"), version=1, changes={"title_en": "x"}
            )
        stored = Article.objects.get(pk=article.pk)
        assert timezone.localtime(stored.updated_at).strftime("%H:%M") in refused.value.messages[0]


class TestFinding9ReReviewFromTheForm:
    def test_choosing_reviewed_on_an_out_of_date_translation_reviews_it_again(self, client):
        article = reviewed_bilingual()
        workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            changes={"body_en": "A rewritten body."},
        )  # fmt: skip
        article.refresh_from_db()
        assert article.translation_state == TranslationState.OUTDATED
        translator = login(client, "Translator")
        form = client.get(change_url(article)).content.decode()
        assert "Reviewed earlier, now out of date" in form
        data = article_form_data(article, translation_progress="reviewed")
        response = client.post(change_url(article), data)
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.translation_state == TranslationState.REVIEWED
        assert article.translation_reviewed_by == translator
        assert "Dutch translation marked reviewed." in comments(article)[0]

    def test_leaving_the_choice_alone_keeps_it_out_of_date(self, client):
        article = reviewed_bilingual()
        workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            changes={"body_en": "A rewritten body."},
        )  # fmt: skip
        article.refresh_from_db()
        login(client, "Translator")
        data = article_form_data(article, translation_progress="outdated", body_nl="Nieuw.")
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.translation_state == TranslationState.OUTDATED


class TestFinding10ServerSideRules:
    @pytest.mark.parametrize("role", ["Writer", "Translator"])
    def test_publishing_is_refused_by_the_workflow_itself(self, client, role):
        article = make_article(signals=1, translated=True)
        user = make_user(role)
        with pytest.raises(PermissionDenied):
            workflow.publish(article=article, user=user)
        # A crafted “Save and publish” POST reaches the workflow, which refuses it.
        client.force_login(user)
        response = client.post(change_url(article), article_form_data(article, _publish="1"))
        assert response.status_code == 200
        assert "You do not have permission to do this." in response.content.decode()
        assert not Article.objects.get(pk=article.pk).is_published()
