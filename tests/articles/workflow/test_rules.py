"""Rules the workflow enforces for every caller: embargo, slugs in any script, roles."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from newsroom.articles import workflow
from newsroom.articles.models import Article, TranslationState

from ..admin_forms import article_form_data, change_url, changelist_url
from ..factories import make_article, make_topic, make_user

pytestmark = pytest.mark.django_db


class TestEmbargo:
    def embargoed(self, days=2):
        until = timezone.now() + timedelta(days=days)
        return make_article(signals=1, embargo_until=until), until

    def test_no_one_publishes_before_the_embargo_ends(self):
        article, until = self.embargoed()
        for user in (make_user("Editor"), make_user("Editor", is_superuser=True)):
            with pytest.raises(ValidationError) as refused:
                workflow.publish(article=article, user=user)
            assert "under embargo until" in str(refused.value)
        with pytest.raises(ValidationError):
            workflow.publish(article=article, user=user, at=until - timedelta(minutes=1))
        assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT

    def test_scheduling_for_the_end_of_the_embargo_is_allowed(self):
        article, until = self.embargoed()
        workflow.publish(article=article, user=make_user("Editor"), at=until)
        stored = Article.objects.get(pk=article.pk)
        assert stored.is_scheduled() and stored.publish_at == until

    def test_moving_a_scheduled_update_before_its_embargo_is_refused(self):
        article, until = self.embargoed()
        editor = make_user("Editor")
        workflow.publish(article=article, user=editor, at=until)
        with pytest.raises(ValidationError):
            workflow.save_edit(
                article=article, user=editor, version=None,
                changes={"publish_at": until - timedelta(hours=1)},
            )  # fmt: skip

    def test_save_and_publish_under_embargo_shows_why_and_keeps_the_typed_text(self, client):
        article, _until = self.embargoed()
        client.force_login(make_user("Editor"))
        data = article_form_data(article, title_en="Typed before the embargo", _publish="1")
        response = client.post(change_url(article), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "under embargo until" in html and 'value="Typed before the embargo"' in html
        assert Article.objects.get(pk=article.pk).title_en != "Typed before the embargo"

    def test_the_changelist_shows_the_embargo_in_both_languages(self, client):
        self.embargoed()
        client.force_login(make_user("Editor"))
        assert "under embargo until" in client.get(changelist_url()).content.decode()
        nl = client.get(changelist_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
        assert "onder embargo tot" in nl


class TestSlugs:
    @pytest.mark.parametrize(
        "title", ["🚀🤖", "Νέοι κανόνες για την ΤΝ", "Новые правила", "新しいモデル", "?!…"]
    )
    def test_a_title_in_any_script_gets_a_working_address(self, client, title):
        article = make_article(title_en=title, slug_en=None, slug_nl=None, signals=1)
        Article.objects.filter(pk=article.pk).update(slug_en=None, slug_nl=None)
        workflow.publish(article=article, user=make_user("Editor"))
        article.refresh_from_db()
        assert article.slug_en == f"update-{article.pk}"
        assert client.get(article.get_absolute_url("en")).status_code == 200
        assert client.get("/en/").status_code == 200
        assert client.get(reverse("articles:feed_rss")).status_code == 200

    def test_accents_are_folded(self):
        result = workflow.create_update(
            user=make_user("Editor"), changes={"title_en": "Café déjà vu"}
        )
        assert result.article.slug_en == "cafe-deja-vu"

    def test_a_typed_slug_that_is_taken_is_refused_on_the_field(self):
        make_article(slug_en="taken")
        article = make_article()
        with pytest.raises(ValidationError) as refused:
            workflow.save_edit(
                article=article, user=make_user("Editor"), version=None,
                changes={"slug_en": "taken"},
            )  # fmt: skip
        assert "slug_en" in refused.value.message_dict

    def test_an_imported_draft_gets_a_slug_so_its_preview_works(self, client):
        article = workflow.create_imported_draft(
            changes={"title_en": "Imported item"}, tags=[], comment="Imported."
        )
        assert article.slug_en == "imported-item"
        client.force_login(make_user("Editor"))
        preview = f"/admin/articles/article/{article.pk}/preview/en/"
        assert client.get(preview).status_code == 200


class TestControlCharacters:
    def test_they_never_reach_a_stored_update_so_feeds_keep_working(self, client):
        article = make_article(published=True, signals=1)
        workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            changes={"title_en": "Bell\x07 and\x00 escape\x1b"},
        )  # fmt: skip
        assert Article.objects.get(pk=article.pk).title_en == "Bell and escape"
        assert client.get(reverse("articles:feed_rss")).status_code == 200


class TestRoles:
    def test_a_translator_changes_the_translation_but_not_the_source(self):
        article = make_article(translated=True)
        translator = make_user("Translator")
        workflow.save_edit(
            article=article, user=translator, version=None, changes={"title_nl": "Nieuwe titel"}
        )
        with pytest.raises(PermissionDenied):
            workflow.save_edit(
                article=article, user=translator, version=None, changes={"title_en": "No"}
            )
        signal = article.signals.first()
        with pytest.raises(PermissionDenied):
            workflow.save_edit(
                article=article, user=translator, version=None,
                rows={"signals": [workflow.Row(pk=signal.pk, values={"text_en": "No"})]},
            )  # fmt: skip
        with pytest.raises(PermissionDenied):
            workflow.save_edit(
                article=article, user=translator, version=None,
                rows={"signals": [workflow.Row(values={"text_en": "Extra", "position": 9})]},
            )  # fmt: skip

    def test_a_writer_stops_changing_the_source_once_it_is_published(self):
        article = make_article(published=True)
        with pytest.raises(PermissionDenied):
            workflow.save_edit(
                article=article, user=make_user("Writer"), version=None,
                changes={"summary_en": "Changed after publication"},
            )  # fmt: skip

    def test_only_editors_restore_and_a_restore_is_one_revision(self):
        article = make_article(signals=1)
        editor = make_user("Editor")
        topic = make_topic()
        workflow.save_edit(
            article=article, user=editor, version=None,
            changes={"title_en": "A", "topics": [topic]},
        )  # fmt: skip
        workflow.save_edit(
            article=article, user=editor, version=None, changes={"title_en": "B", "topics": []}
        )
        older = Version.objects.get_for_object(article)[1]
        with pytest.raises(PermissionDenied):
            workflow.restore_revision(
                article=article, user=make_user("Writer"), version_id=older.pk
            )
        result = workflow.restore_revision(article=article, user=editor, version_id=older.pk)
        assert result.article.title_en == "A"
        assert list(result.article.topics.all()) == [topic]
        assert "Restored the version saved on" in result.comment

    def test_a_restore_brings_back_signals_key_points_tags_and_the_source(self):
        from newsroom.articles.models import KeyPoint

        from ..factories import make_source

        editor = make_user("Editor")
        first_source, second_source = make_source(), make_source()
        article = make_article(signals=1, source=first_source)
        signal = article.signals.get()
        KeyPoint.objects.create(article=article, position=1, text_en="Kept point")
        article.tags.add("pricing")
        workflow.save_edit(article=article, user=editor, version=None, changes={"title_en": "A"})
        older = Version.objects.get_for_object(article)[0]
        workflow.save_edit(
            article=article, user=editor, version=None,
            changes={"title_en": "B", "source": second_source, "tags": ["agents"]},
            rows={"signals": [workflow.Row(pk=signal.pk, values={"text_en": "Changed"})]},
        )  # fmt: skip

        result = workflow.restore_revision(article=article, user=editor, version_id=older.pk)
        restored = Article.objects.get(pk=article.pk)
        assert restored.title_en == "A" and restored.source == first_source
        assert [s.text_en for s in restored.signals.all()] == [signal.text_en]
        assert [k.text_en for k in restored.key_points.all()] == ["Kept point"]
        assert [t.name for t in restored.tags.all()] == ["pricing"]
        assert "Restored the version saved on" in result.comment


class TestMinorEdits:
    def test_a_minor_edit_keeps_a_reviewed_translation_reviewed(self):
        article = make_article(translated=True, title_en="Teh title")
        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        result = workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            changes={"title_en": "The title"}, minor=True,
        )  # fmt: skip
        assert result.article.translation_state == TranslationState.REVIEWED

    def test_a_translator_cannot_call_an_edit_minor(self):
        article = make_article(translated=True)
        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        result = workflow.save_edit(
            article=article, user=make_user("Translator"), version=None,
            changes={"title_nl": "Andere titel"}, minor=True,
        )  # fmt: skip
        assert result.article.translation_state == TranslationState.REVIEWED
