"""The workflow's steps (publish, schedule, submit, review) and translation states."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from newsroom.articles import workflow
from newsroom.articles.models import Article, TranslationProgress, TranslationState

from ..factories import make_article, make_user

pytestmark = pytest.mark.django_db


def edit_source(article, minor=False, **changes):
    """Change fields as an editor's form save does; returns the translation state."""
    result = workflow.save_edit(
        article=article, user=make_user("Editor"), version=None, changes=changes, minor=minor
    )
    article.refresh_from_db()
    return result.article.translation_state


class TestPublishing:
    def test_editor_publishes_and_update_is_live(self):
        article = make_article()
        workflow.publish(article=article, user=make_user("Editor"))
        article.refresh_from_db()
        assert article.is_published()
        assert list(Article.objects.published()) == [article]
        assert article.first_published_at == article.publish_at

    @pytest.mark.parametrize("role", ["Writer", "Translator"])
    def test_only_editors_publish(self, role):
        article = make_article()
        with pytest.raises(PermissionDenied):
            workflow.publish(article=article, user=make_user(role))
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT
        assert not Article.objects.published().exists()

    def test_publishing_needs_a_signal_and_a_source_title(self):
        article = make_article(signals=0, title_en="")
        with pytest.raises(ValidationError) as error:
            workflow.publish(article=article, user=make_user("Editor"))
        text = " ".join(error.value.messages)
        assert "title in English" in text
        assert "editorial signal" in text
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT

    def test_future_publish_time_schedules_until_it_comes(self):
        article = make_article()
        later = timezone.now() + timedelta(hours=3)
        workflow.publish(article=article, user=make_user("Editor"), at=later)
        article.refresh_from_db()
        assert article.is_scheduled()
        assert not Article.objects.published().exists()
        assert list(Article.objects.scheduled()) == [article]
        with time_machine.travel(later + timedelta(minutes=1)):
            assert list(Article.objects.published()) == [article]
            assert article.is_published()

    def test_unpublish_takes_it_off_the_site_and_keeps_first_publication(self):
        editor = make_user("Editor")
        article = make_article()
        workflow.publish(article=article, user=editor)
        first = Article.objects.get(pk=article.pk).first_published_at
        workflow.unpublish(article=article, user=editor)
        assert not Article.objects.published().exists()
        with time_machine.travel(timezone.now() + timedelta(days=1)):
            workflow.publish(article=article, user=editor)
        article.refresh_from_db()
        assert article.first_published_at == first
        assert article.publish_at > first

    def test_publishing_again_keeps_the_publication_date(self):
        editor = make_user("Editor")
        article = make_article()
        workflow.publish(article=article, user=editor)
        first = Article.objects.get(pk=article.pk).publish_at
        with time_machine.travel(timezone.now() + timedelta(days=2)):
            workflow.publish(article=article, user=editor)
        assert Article.objects.get(pk=article.pk).publish_at == first

    def test_submit_for_review_moves_a_draft_to_review(self):
        article = make_article()
        workflow.submit_for_review(article=article, user=make_user("Writer"))
        assert list(Article.objects.in_review()) == [article]
        with pytest.raises(ValidationError):
            workflow.submit_for_review(article=article, user=make_user("Writer"))

    def test_publish_fills_missing_slugs_from_titles(self):
        article = make_article(slug_en=None, title_en="GPT-5.5 bio bug bounty")
        workflow.publish(article=article, user=make_user("Editor"))
        article.refresh_from_db()
        assert article.slug_en == "gpt-55-bio-bug-bounty"


class TestTranslationState:
    def test_states_from_missing_to_reviewed(self):
        article = make_article()
        assert article.translation_state == TranslationState.MISSING
        assert list(Article.objects.translation_in("nl", "missing")) == [article]

        article.title_nl = "Een update"
        article.save()
        assert workflow.refresh_translation_state(article) == TranslationState.DRAFT

        article.translation_progress = TranslationProgress.MACHINE
        article.save()
        assert workflow.refresh_translation_state(article) == TranslationState.MACHINE

        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        article.refresh_from_db()
        assert article.translation_state == TranslationState.REVIEWED
        assert article.translation_reviewed_by.groups.filter(name="Translator").exists()

    def test_source_edit_makes_translation_out_of_date_and_says_what_changed(self):
        article = make_article(translated=True)
        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        old_body = article.body_en

        state = edit_source(article, body_en=old_body + "\n\nA new paragraph.")

        assert state == TranslationState.OUTDATED
        assert list(Article.objects.translation_in("nl", "outdated")) == [article]
        changes = workflow.translation_changes(article)
        assert [c.field for c in changes] == ["body"]
        assert changes[0].reviewed == old_body
        assert changes[0].current.endswith("A new paragraph.")

    def test_minor_source_edit_keeps_translation_reviewed(self):
        article = make_article(translated=True, title_en="Codex gets started")
        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        state = edit_source(article, minor=True, title_en="Codex: getting started")
        assert state == TranslationState.REVIEWED
        assert workflow.translation_changes(article) == []

    def test_minor_edit_does_not_hide_an_earlier_real_change(self):
        article = make_article(translated=True)
        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        edit_source(article, summary_en="A different summary.")
        state = edit_source(article, minor=True, title_en=article.title_en + "!")
        assert state == TranslationState.OUTDATED
        assert [c.field for c in workflow.translation_changes(article)] == ["summary"]

    def test_changed_signal_makes_translation_out_of_date(self):
        article = make_article(translated=True, signals=2)
        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        signal = article.signals.first()
        result = workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            rows={"signals": [workflow.Row(pk=signal.pk, values={
                "text_en": "Worth revisiting once people use it in practice."})]},
        )  # fmt: skip
        assert result.article.translation_state == TranslationState.OUTDATED
        article.refresh_from_db()
        assert [c.field for c in workflow.translation_changes(article)] == ["signals"]

    def test_editing_the_translation_does_not_make_it_out_of_date(self):
        article = make_article(translated=True)
        workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        state = edit_source(article, body_nl="Een betere vertaling.")
        assert state == TranslationState.REVIEWED

    def test_dutch_source_is_translated_into_english(self):
        article = make_article(
            source_language="nl",
            title_en="",
            slug_en=None,
            title_nl="Nieuwe regels voor AI-modellen",
            slug_nl="nieuwe-regels",
        )
        assert article.target_language == "en"
        assert list(Article.objects.translation_in("en", "missing")) == [article]
        assert not Article.objects.translation_in("nl", "missing").exists()
        assert article.has_language("nl")
        assert not article.has_language("en")

    def test_reviewing_needs_a_translation_and_permission(self):
        article = make_article()
        with pytest.raises(ValidationError):
            workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
        article.title_nl = "Titel"
        with pytest.raises(PermissionDenied):
            workflow.mark_translation_reviewed(article=article, user=make_user("Writer"))


class TestWhenTheSourceChanged:
    def test_each_changed_field_keeps_the_time_it_first_changed_until_the_review(self):
        editor, translator = make_user("Editor"), make_user("Translator")
        t0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
        with time_machine.travel(t0, tick=False):
            article = make_article(translated=True)
            workflow.mark_translation_reviewed(article=article, user=translator)
        original_body = Article.objects.get(pk=article.pk).body_en

        def edit(when, **changes):
            with time_machine.travel(when, tick=False):
                workflow.save_edit(article=article, user=editor, version=None, changes=changes)
            return workflow.translation.changed_since(Article.objects.get(pk=article.pk))

        t1, t2, t3 = (t0 + timedelta(days=d) for d in (1, 2, 3))
        assert edit(t1, summary_en="A new summary.") == {"summary": t1}
        assert edit(t2, body_en="A new body.") == {"summary": t1, "body": t2}
        assert edit(t3, summary_en="Another summary.") == {"summary": t1, "body": t2}
        assert edit(t3, body_en=original_body) == {"summary": t1}  # back as reviewed
        with time_machine.travel(t3, tick=False):
            workflow.mark_translation_reviewed(article=article, user=translator)
        assert workflow.translation.changed_since(Article.objects.get(pk=article.pk)) == {}
