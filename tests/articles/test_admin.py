"""The editorial admin: who may do what, bad input, concurrent saves and revisions."""

from datetime import timedelta

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from newsroom.articles import workflow
from newsroom.articles.models import Article, StoryLink, Tag, TranslationState

from .admin_forms import (
    add_url,
    article_form_data,
    change_url,
    changelist_url,
    form_errors,
)
from .factories import link, make_article, make_source, make_topic, make_user

pytestmark = pytest.mark.django_db


def login(client, role):
    user = make_user(role)
    client.force_login(user)
    return user


def action_names(response):
    return [name for name, _label in response.context["action_form"].fields["action"].choices]


class TestPermissionMatrix:
    """Writer, translator, editor and anonymous against each admin action."""

    def test_anonymous_is_sent_to_login(self, client):
        article = make_article()
        for url in (changelist_url(), add_url(), change_url(article)):
            response = client.get(url)
            assert response.status_code == 302
            assert reverse("admin:login") in response["Location"]

    @pytest.mark.parametrize(
        ("role", "can_add", "can_delete", "actions"),
        [
            ("Writer", True, False, {"submit_for_review", "machine_translate_action"}),
            (
                "Translator",
                False,
                False,
                {"submit_for_review", "mark_translation_reviewed", "machine_translate_action"},
            ),
            (
                "Editor",
                True,
                True,
                {
                    "submit_for_review",
                    "publish",
                    "unpublish",
                    "mark_translation_reviewed",
                    "machine_translate_action",
                },
            ),
        ],
    )
    def test_roles(self, client, role, can_add, can_delete, actions):
        article = make_article()
        login(client, role)
        assert client.get(add_url()).status_code == (200 if can_add else 403)
        assert client.get(change_url(article)).status_code == 200
        delete = reverse("admin:articles_article_delete", args=[article.pk])
        assert client.get(delete).status_code == (200 if can_delete else 403)
        offered = set(action_names(client.get(changelist_url()))) - {"", "delete_selected"}
        assert offered == actions

    @pytest.mark.parametrize("role", ["Writer", "Translator"])
    def test_publish_action_is_refused_on_the_server(self, client, role):
        article = make_article()
        login(client, role)
        client.post(changelist_url(), {"action": "publish", "_selected_action": [article.pk]})
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT

    @pytest.mark.parametrize("role", ["Writer", "Translator"])
    def test_save_and_publish_button_is_refused_for_non_editors(self, client, role):
        article = make_article(translated=True)
        login(client, role)
        data = article_form_data(article, _publish="1")
        response = client.post(change_url(article), data, follow=True)
        article.refresh_from_db()
        assert article.status == Article.Status.DRAFT
        assert "do not have permission" in response.content.decode()

    def test_editor_publishes_with_the_button(self, client):
        article = make_article(translated=True)
        login(client, "Editor")
        response = client.post(change_url(article), article_form_data(article, _publish="1"))
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.is_published()

    def test_editor_publishes_with_the_action(self, client):
        articles = [make_article(), make_article()]
        login(client, "Editor")
        client.post(
            changelist_url(), {"action": "publish", "_selected_action": [a.pk for a in articles]}
        )
        assert Article.objects.published().count() == 2

    def test_a_bulk_action_records_one_revision_per_update(self, client):
        from reversion.models import Revision

        articles = [make_article(), make_article()]
        login(client, "Editor")
        before = Revision.objects.count()
        client.post(
            changelist_url(), {"action": "publish", "_selected_action": [a.pk for a in articles]}
        )
        assert Revision.objects.count() == before + 2
        for article in articles:
            latest = Version.objects.get_for_object(article)[0]
            updates_in_it = latest.revision.version_set.filter(content_type=latest.content_type)
            assert [v.object_id for v in updates_in_it] == [str(article.pk)]

    def test_translator_cannot_change_source_text(self, client):
        article = make_article(translated=True, title_en="Original English title")
        login(client, "Translator")
        data = article_form_data(
            article, title_en="Translator was here", title_nl="Nieuwe Nederlandse titel"
        )
        response = client.post(change_url(article), data)
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.title_en == "Original English title"
        assert article.title_nl == "Nieuwe Nederlandse titel"

    def test_writer_cannot_change_source_text_once_published(self, client):
        article = make_article(published=True, translated=True, title_en="Live title")
        login(client, "Writer")
        client.post(change_url(article), article_form_data(article, title_en="Sneaky edit"))
        article.refresh_from_db()
        assert article.title_en == "Live title"

    def test_translator_marks_translation_reviewed_in_the_form(self, client):
        article = make_article(translated=True)
        user = login(client, "Translator")
        data = article_form_data(article, translation_progress="reviewed")
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.translation_state == TranslationState.REVIEWED
        assert article.translation_reviewed_by == user

    def test_writer_cannot_mark_translation_reviewed(self, client):
        article = make_article(translated=True)
        login(client, "Writer")
        client.post(
            change_url(article), article_form_data(article, translation_progress="reviewed")
        )
        article.refresh_from_db()
        assert article.translation_state == TranslationState.DRAFT


class TestEditing:
    def test_editor_writes_an_update_in_both_languages(self, client):
        login(client, "Editor")
        target = make_article()
        data = article_form_data(
            title_en="Codex gets a cloud sandbox",
            title_nl="Codex krijgt een sandbox in de cloud",
            relevance_en="Relevant if you let coding agents run tasks.",
            relevance_nl="Relevant als je coding agents taken laat uitvoeren.",
            body_en="## What changed\n\nTasks run in isolation.",
            body_nl="## Wat er verandert\n\nTaken draaien geïsoleerd.",
            tags="Codex, agents",
            signals=[
                ("Changes how agents touch your repo.", "Verandert hoe agents je repo aanraken."),
                ("Try it on a side project first.", "Probeer het eerst op een zijproject."),
            ],
            **{
                "outgoing_links-TOTAL_FORMS": 1,
                "outgoing_links-0-kind": StoryLink.Kind.FOLLOW_UP,
                "outgoing_links-0-to_article": target.pk,
                "_publish": "1",
            },
        )
        response = client.post(add_url(), data)
        assert response.status_code == 302, form_errors(response)
        article = Article.objects.get(slug_en="codex-gets-a-cloud-sandbox")
        assert article.slug_nl == "codex-krijgt-een-sandbox-in-de-cloud"
        assert article.is_published()
        assert [s.text_nl for s in article.signals.all()] == [
            "Verandert hoe agents je repo aanraken.",
            "Probeer het eerst op een zijproject.",
        ]
        assert sorted(t.name for t in article.tags.all()) == ["Codex", "agents"]
        assert article.translation_state == TranslationState.DRAFT
        # Both ends of the story link know about it.
        assert [lk.to_article for lk in article.outgoing_links.all()] == [target]
        assert [lk.from_article for lk in target.incoming_links.all()] == [article]

    def test_signals_are_numbered_in_the_order_given(self, client):
        login(client, "Editor")
        texts = [("First.", "Eerste."), ("Second.", "Tweede."), ("Third.", "Derde.")]
        data = article_form_data(title_en="Ordered signals", signals=texts)
        for i in range(3):
            data[f"signals-{i}-position"] = 0  # nobody typed a number
        assert client.post(add_url(), data).status_code == 302
        article = Article.objects.get(title_en="Ordered signals")
        assert [(s.position, s.text_en) for s in article.signals.all()] == [
            (1, "First."),
            (2, "Second."),
            (3, "Third."),
        ]

    def test_editing_keeps_original_dates(self, client):
        article = make_article(original_published_at=timezone.now() - timedelta(days=3))
        login(client, "Editor")
        assert client.post(change_url(article), article_form_data(article)).status_code == 302
        saved = Article.objects.get(pk=article.pk)
        assert saved.original_published_at.replace(microsecond=0) == (
            article.original_published_at.replace(microsecond=0)
        )

    def test_translator_is_not_offered_a_minor_edit(self, client):
        article = make_article(translated=True)
        login(client, "Translator")
        assert 'name="minor_edit"' not in client.get(change_url(article)).content.decode()
        login(client, "Writer")
        assert 'name="minor_edit"' in client.get(change_url(article)).content.decode()

    def test_save_and_publish_without_signals_says_why_and_keeps_the_typed_text(self, client):
        login(client, "Editor")
        data = article_form_data(title_en="Draft without signals", signals=[], _publish="1")
        response = client.post(add_url(), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Add at least one editorial signal in English" in html
        assert 'value="Draft without signals"' in html
        assert not Article.objects.filter(title_en="Draft without signals").exists()

    def test_minor_edit_checkbox_keeps_translation_reviewed(self, client):
        article = make_article(translated=True, title_en="Teh agreement")
        workflow.mark_translation_reviewed(article=article, user=make_user("Editor"))
        login(client, "Editor")
        data = article_form_data(article, title_en="The agreement", minor_edit="on")
        assert client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.title_en == "The agreement"
        assert article.translation_state == TranslationState.REVIEWED

    def test_real_edit_shows_changed_fields_to_the_translator(self, client):
        article = make_article(translated=True)
        workflow.mark_translation_reviewed(article=article, user=make_user("Editor"))
        login(client, "Editor")
        data = article_form_data(article, summary_en="A sharper summary for builders.")
        client.post(change_url(article), data)
        article.refresh_from_db()
        assert article.translation_state == TranslationState.OUTDATED
        login(client, "Translator")
        page = client.get(change_url(article)).content.decode()
        assert "Changed in the source text since the review" in page
        assert "A sharper summary for builders." in page

    def test_changelist_filters_dutch_out_of_date(self, client):
        outdated = make_article(translated=True)
        workflow.mark_translation_reviewed(article=outdated, user=make_user("Editor"))
        workflow.save_edit(
            article=outdated, user=make_user("Editor"), version=None,
            changes={"body_en": "Rewritten."},
        )  # fmt: skip
        make_article(translated=True)
        make_article()
        login(client, "Editor")
        response = client.get(changelist_url(), {"translation": "nl:outdated"})
        assert list(response.context["cl"].result_list) == [outdated]

    def test_changelist_filters_by_tag_topic_source_and_searches_both_languages(self, client):
        topic, source = make_topic(), make_source()
        tagged = make_article(translated=True, title_nl="Agents in de praktijk")
        tagged.tags.add("agents")
        filed = make_article(source=source)
        filed.topics.add(topic)
        make_article()
        login(client, "Editor")
        tag = Tag.objects.get(slug="agents")

        def listed(**params):
            return list(client.get(changelist_url(), params).context["cl"].result_list)

        assert listed(tags__id__exact=tag.pk) == [tagged]
        assert listed(topics__id__exact=topic.pk) == [filed]
        assert listed(source__id__exact=source.pk) == [filed]
        assert listed(q="praktijk") == [tagged]
        page = client.get(changelist_url()).content.decode()
        assert "Dutch: Missing" in page and "Dutch: Draft" in page

    def test_changelist_rows_can_be_selected_for_an_action_in_both_languages(self, client):
        article = make_article(title_en="Checkbox row")
        login(client, "Editor")
        page = client.get(changelist_url()).content.decode()
        assert (
            f'<input type="checkbox" name="_selected_action" value="{article.pk}" '
            'class="action-select" aria-label="Select this object for an action - Checkbox row">'
        ) in page
        dutch = client.get(changelist_url(), headers={"accept-language": "nl"}).content.decode()
        assert 'aria-label="Selecteer dit object voor een actie - Checkbox row"' in dutch
        # Django 6.1's own Dutch catalogue leaves these two in English; ours has them.
        assert "- Kies een optie -" in dutch and "Filteren op aangemaakt" in dutch
        assert "Select an option" not in dutch and "Filter by" not in dutch

    def test_changelist_shows_fifty_updates_a_page_and_reads_no_update_text(self, client):
        for _ in range(51):
            make_article()
        login(client, "Editor")
        response = client.get(changelist_url())
        rows = response.context["cl"].result_list
        assert len(rows) == 50 and response.context["cl"].paginator.num_pages == 2
        assert {"body_en", "summary_nl", "original_text"} <= rows[0].get_deferred_fields()

    def test_preview_of_a_draft_in_both_languages(self, client):
        article = make_article(translated=True, title_nl="Voorbeeld van een concept")
        preview = reverse("admin:articles_article_preview", args=[article.pk, "nl"])
        assert client.get(preview).status_code == 302  # anonymous: login first
        assert client.get(article.get_absolute_url("nl")).status_code == 404  # not public
        login(client, "Writer")
        response = client.get(preview)
        assert response.status_code == 200
        assert "Voorbeeld van een concept" in response.content.decode()
        assert "no-store" in response["Cache-Control"]


class TestBadInput:
    def post_new(self, client, **overrides):
        login(client, "Editor")
        data = article_form_data(
            **{"title_en": "A fine title", "signals": [("One signal.", "")]} | overrides
        )
        return client.post(add_url(), data)

    def test_missing_source_title(self, client):
        response = self.post_new(client, title_en="", title_nl="Alleen Nederlands")
        assert response.status_code == 200
        assert any("title in English is required" in e for e in form_errors(response))
        assert not Article.objects.exists()
        assert "Alleen Nederlands" in response.content.decode()  # nothing typed is lost

    def test_dutch_source_needs_a_dutch_title(self, client):
        response = self.post_new(client, source_language="nl", title_nl="")
        assert any("title in Dutch is required" in e for e in form_errors(response))

    def test_slug_collision(self, client):
        make_article(slug_en="the-next-chapter")
        response = self.post_new(client, slug_en="the-next-chapter")
        assert response.status_code == 200
        assert any("Slug [en] already exists" in e for e in form_errors(response))
        assert Article.objects.count() == 1

    def test_a_generated_slug_that_is_taken_gets_a_number(self, client):
        make_article(title_en="Same title", slug_en="same-title")
        response = self.post_new(client, title_en="Same title")
        assert response.status_code == 302
        assert Article.objects.filter(slug_en="same-title-2").exists()

    def test_signal_too_long(self, client):
        response = self.post_new(client, signals=[("x" * 201, "")])
        assert any("at most 200 characters" in e for e in form_errors(response))
        assert not Article.objects.exists()

    def test_more_than_five_signals(self, client):
        response = self.post_new(client, signals=[(f"Signal {i}", "") for i in range(6)])
        assert response.status_code == 200
        assert not Article.objects.exists()

    def _key_points(self, texts):
        data = {"key_points-TOTAL_FORMS": len(texts), "key_points-INITIAL_FORMS": 0}
        for i, (en, nl) in enumerate(texts):
            data |= {
                f"key_points-{i}-position": i,
                f"key_points-{i}-text_en": en,
                f"key_points-{i}-text_nl": nl,
            }
        return data

    def test_one_key_point_is_refused_and_nothing_typed_is_lost(self, client):
        response = self.post_new(client, **self._key_points([("A lonely point", "")]))
        assert response.status_code == 200
        assert any("between 2 and 6" in e for e in form_errors(response))
        assert "A lonely point" in response.content.decode()
        assert not Article.objects.exists()

    def test_seven_key_points_are_refused(self, client):
        points = [(f"Point {i}", "") for i in range(7)]
        response = self.post_new(client, **self._key_points(points))
        assert response.status_code == 200
        assert not Article.objects.exists()

    def test_key_points_are_saved_in_the_order_given(self, client):
        points = [("First", "Eerste"), ("Second", "Tweede"), ("Third", "")]
        response = self.post_new(client, **self._key_points(points))
        assert response.status_code == 302, form_errors(response)
        saved = Article.objects.get().key_points.all()
        assert [(p.position, p.text_en, p.text_nl or "") for p in saved] == [
            (1, "First", "Eerste"),
            (2, "Second", "Tweede"),
            (3, "Third", ""),
        ]

    def test_story_link_to_itself(self, client):
        article = make_article()
        login(client, "Editor")
        data = article_form_data(
            article,
            **{
                "outgoing_links-TOTAL_FORMS": 1,
                "outgoing_links-0-kind": StoryLink.Kind.RELATED,
                "outgoing_links-0-to_article": article.pk,
            },
        )
        response = client.post(change_url(article), data)
        assert response.status_code == 200
        assert "cannot be linked to itself" in response.content.decode()
        assert not StoryLink.objects.exists()

    def test_duplicate_story_link(self, client):
        a, b = make_article(), make_article()
        link(a, b)
        login(client, "Editor")
        data = article_form_data(
            a,
            **{
                "outgoing_links-TOTAL_FORMS": 2,
                "outgoing_links-1-kind": StoryLink.Kind.RELATED,
                "outgoing_links-1-to_article": b.pk,
            },
        )
        response = client.post(change_url(a), data)
        assert response.status_code == 200
        assert StoryLink.objects.count() == 1

    def test_two_editors_save_at_once(self, client, django_user_model):
        article = make_article(title_en="First title")
        login(client, "Editor")
        # Both editors open the form at the same version.
        mine = article_form_data(article, title_en="My title")
        theirs = article_form_data(article, title_en="Their title")
        assert client.post(change_url(article), theirs).status_code == 302
        response = client.post(change_url(article), mine)
        assert response.status_code == 200
        assert any("Someone else saved this update" in e for e in form_errors(response))
        article.refresh_from_db()
        assert article.title_en == "Their title"  # the first save is kept
        assert 'value="My title"' in response.content.decode()  # and mine is still in the form


class TestRevisions:
    def test_history_lists_changes_and_an_editor_restores_a_version(self, client):
        login(client, "Editor")
        response = client.post(
            add_url(), article_form_data(title_en="Version one", signals=[("A signal.", "")])
        )
        article = Article.objects.get(title_en="Version one")
        client.post(change_url(article), article_form_data(article, title_en="Version two"))
        article.refresh_from_db()
        assert article.title_en == "Version two"

        versions = Version.objects.get_for_object(article)
        assert versions.count() == 2
        history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
        assert "Changed Title [en]" in history.content.decode()

        oldest = versions.last()
        revision_url = reverse("admin:articles_article_revision", args=[article.pk, oldest.pk])
        form = client.get(revision_url)
        assert form.status_code == 200
        assert 'value="Version one"' in form.content.decode()
        response = client.post(revision_url, article_form_data(article, title_en="Version one"))
        assert response.status_code == 302, form_errors(response)
        article.refresh_from_db()
        assert article.title_en == "Version one"
        assert Version.objects.get_for_object(article).count() == 3

    @pytest.mark.parametrize("role", ["Writer", "Translator"])
    def test_only_editors_restore(self, client, role):
        article = make_article(published=True, translated=True, title_en="Live title")
        with reversion.create_revision():
            article.save()
        article.title_en = "Corrected live title"
        with reversion.create_revision():
            article.save()
        oldest = Version.objects.get_for_object(article).last()
        login(client, role)
        url = reverse("admin:articles_article_revision", args=[article.pk, oldest.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, article_form_data(article)).status_code == 403
        article.refresh_from_db()
        assert article.title_en == "Corrected live title"

    def test_service_actions_are_in_the_history_with_the_user(self):
        editor = make_user("Editor")
        article = make_article()
        workflow.publish(article=article, user=editor)
        latest = Version.objects.get_for_object(article).first()
        assert latest.revision.user == editor
        assert latest.revision.comment == "Published."
