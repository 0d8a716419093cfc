"""The desk: side by side, diffs of what changed, copy and suggestion, save and review."""

import pytest
from django.utils import translation

from newsroom.articles.models import Article, TranslationState
from tests.articles.factories import make_article, make_user

from .helpers import desk_data, desk_url, mark_reviewed, refresh_state

pytestmark = pytest.mark.django_db


def login(client, role, **fields):
    user = make_user(role, **fields)
    client.force_login(user)
    return user


def reviewed_article(reviewer=None):
    article = make_article(translated=True, signals=2)
    mark_reviewed(article, reviewer or make_user("Editor"))
    return Article.objects.get(pk=article.pk)


class TestPermissions:
    def test_anonymous_is_sent_to_login(self, client):
        response = client.get(desk_url(make_article()))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]

    def test_staff_without_change_permission_is_refused(self, client):
        login(client, None)
        assert client.get(desk_url(make_article())).status_code == 403

    @pytest.mark.parametrize(("role", "may_review"), [("Translator", True), ("Editor", True)])
    def test_translators_and_editors_open_the_desk(self, client, role, may_review):
        login(client, role)
        response = client.get(desk_url(make_article()))
        assert response.status_code == 200
        assert ('name="_review"' in response.text) is may_review

    def test_writer_sees_the_desk_without_the_review_button(self, client):
        login(client, "Writer")
        response = client.get(desk_url(make_article()))
        assert response.status_code == 200
        assert 'name="_review"' not in response.text
        assert "Only a translator or editor with the review permission" in response.text


class TestRows:
    def test_every_translatable_text_is_a_row_with_the_source_read_only(self, client):
        login(client, "Translator")
        article = make_article(signals=2, image_credit_en="Photo: ACME", image_alt_en="A chart")
        response = client.get(desk_url(article))
        page = response.text
        for label in ("Title", "Relevance line", "Summary", "Body", "Meta description"):
            assert label in page
        assert "Image credit" in page and "Photo: ACME" in page
        assert "Editorial signal 1" in page and "Editorial signal 2" in page
        signal = article.signals.first()
        assert f'name="signals-{signal.pk}"' in page
        assert 'name="title_en"' not in page  # the source is never an input
        assert 'lang="nl"' in page  # the translation boxes are marked Dutch

    def test_a_changed_source_shows_a_full_word_diff(self, client):
        login(client, "Translator")
        article = reviewed_article()
        long_tail = " ".join(["word"] * 80)
        Article.objects.filter(pk=article.pk).update(
            summary_en=article.summary_en + " " + long_tail + " A new last sentence."
        )
        signal = article.signals.first()
        type(signal).objects.filter(pk=signal.pk).update(text_en="A rewritten signal.")
        response = client.get(desk_url(article))
        page = response.text
        assert "changed since the review" in page
        assert "<ins>" in page and "A new last sentence.</ins>" in page  # never truncated
        assert "<del>Signal 1 for update" in page
        assert 'class="desk-row desk-changed" id="row-summary"' in page
        assert 'class="desk-row" id="row-title"' in page

    def test_the_desk_speaks_dutch(self, client):
        login(client, "Translator")
        with translation.override("nl"):
            response = client.get(desk_url(make_article()), HTTP_ACCEPT_LANGUAGE="nl")
        assert "Kopieer de bron" in response.text
        assert "Machinesuggestie" in response.text


class TestButtons:
    def test_copy_the_source_rerenders_keeping_what_was_typed(self, client):
        login(client, "Translator")
        article = make_article()
        data = desk_data(article, title="Mijn eigen titel", _copy="summary")
        response = client.post(desk_url(article), data)
        assert response.status_code == 200
        form = response.context["form"]
        assert form["summary"].value() == article.summary_en
        assert form["title"].value() == "Mijn eigen titel"
        assert not Article.objects.get(pk=article.pk).summary_nl  # nothing saved yet

    def test_without_a_provider_the_button_says_how_to_enable_it(self, client):
        login(client, "Translator")
        response = client.get(desk_url(make_article()))
        assert "DEEPL_AUTH_KEY" in response.text
        assert 'name="_suggest"' not in response.text

    def test_machine_suggestion_fills_the_field_and_marks_it(self, client, fake_deepl):
        login(client, "Translator")
        article = make_article()
        data = desk_data(article, title="Getypt", _suggest="summary")
        response = client.post(desk_url(article), data)
        form = response.context["form"]
        assert form["summary"].value() == f"«nl» {article.summary_en}"
        assert form["title"].value() == "Getypt"
        assert form["machine"].value() == "summary"
        assert "from a machine suggestion" in response.text

    def test_machine_suggestion_for_the_body_keeps_markdown(self, client, fake_deepl):
        login(client, "Translator")
        article = make_article(body_en="## Heading\n\nSee [docs](https://x.example/).")
        response = client.post(desk_url(article), desk_data(article, _suggest="body"))
        assert response.context["form"]["body"].value() == (
            "## «nl» Heading\n\n«nl» See [docs](https://x.example/)."
        )

    def test_a_provider_error_is_shown_and_nothing_changes(self, client, fake_deepl):
        login(client, "Translator")
        article = make_article()
        fake_deepl.fail = 456
        response = client.post(desk_url(article), desk_data(article, _suggest="title"), follow=True)
        assert "quota" in response.text
        assert response.context["form"]["title"].value() == ""
        assert Article.objects.get(pk=article.pk).version == article.version

    def test_suggestions_for_every_empty_text(self, client, fake_deepl):
        login(client, "Translator")
        article = make_article(signals=2)
        response = client.post(desk_url(article), desk_data(article, _suggest_empty="1"))
        form = response.context["form"]
        assert form["title"].value().startswith("«nl» ")
        signal = article.signals.first()
        assert form[f"signals-{signal.pk}"].value() == f"«nl» {signal.text_en}"
        assert f"signals-{signal.pk}" in form["machine"].value().split()


class TestSaving:
    def test_save_writes_through_the_workflow_and_bumps_the_version(self, client):
        login(client, "Translator")
        article = make_article(signals=1)
        signal = article.signals.first()
        data = desk_data(
            article, title="Nieuwe titel", **{f"signals-{signal.pk}": "Duiding"}, _save="1"
        )
        response = client.post(desk_url(article), data)
        assert response.status_code == 302
        fresh = Article.objects.get(pk=article.pk)
        assert fresh.title_nl == "Nieuwe titel"
        assert fresh.signals.first().text_nl == "Duiding"
        assert fresh.version == article.version + 1
        assert fresh.translation_state == TranslationState.DRAFT
        assert not fresh.translation_machine_assisted

    def test_a_stale_form_is_refused_and_keeps_the_text(self, client):
        login(client, "Translator")
        article = make_article()
        data = desk_data(article, title="Mijn versie", _save="1")
        Article.objects.filter(pk=article.pk).update(version=article.version + 1)
        response = client.post(desk_url(article), data)
        assert response.status_code == 200
        assert "Someone saved this update after you opened the desk" in response.text
        assert response.context["form"]["title"].value() == "Mijn versie"
        assert not Article.objects.get(pk=article.pk).title_nl

    def test_machine_filled_fields_make_the_translation_machine_assisted(self, client):
        login(client, "Translator")
        article = make_article()
        data = desk_data(article, title="«nl» titel", machine="title", _save="1")
        client.post(desk_url(article), data)
        fresh = Article.objects.get(pk=article.pk)
        assert fresh.translation_state == TranslationState.MACHINE
        assert fresh.translation_machine_assisted

    def test_mark_reviewed_names_the_reviewer(self, client):
        user = login(client, "Translator", first_name="Noor", last_name="Bakker")
        article = make_article()
        data = desk_data(article, title="«nl» titel", machine="title", _review="1")
        response = client.post(desk_url(article), data, follow=True)
        assert "marked reviewed by Noor Bakker" in response.text
        fresh = Article.objects.get(pk=article.pk)
        assert fresh.translation_state == TranslationState.REVIEWED
        assert fresh.translation_reviewed_by == user
        assert fresh.translation_machine_assisted

    def test_a_writer_cannot_mark_reviewed(self, client):
        login(client, "Writer")
        article = make_article()
        data = desk_data(article, title="titel", machine="title", _review="1")
        response = client.post(desk_url(article), data)
        assert "Nothing was saved" in response.text
        fresh = Article.objects.get(pk=article.pk)
        assert fresh.translation_state == TranslationState.MISSING
        assert fresh.translation_reviewed_by is None

    def test_reviewing_brings_an_outdated_translation_up_to_date(self, client):
        login(client, "Editor")
        article = reviewed_article()
        Article.objects.filter(pk=article.pk).update(title_en="A changed title")
        refresh_state(Article.objects.get(pk=article.pk))
        article = Article.objects.get(pk=article.pk)
        assert article.translation_state == TranslationState.OUTDATED
        client.post(
            desk_url(article), desk_data(article, title="Een gewijzigde titel", _review="1")
        )
        assert Article.objects.get(pk=article.pk).translation_state == TranslationState.REVIEWED


def test_the_update_page_links_to_its_desk(client):
    login(client, "Translator")
    article = make_article()
    response = client.get(f"/admin/articles/article/{article.pk}/change/")
    assert f'href="{desk_url(article)}"' in response.text


@pytest.mark.parametrize("role", ["Writer", "Translator", "Editor"])
def test_machine_text_never_stays_under_an_earlier_review(client, role):
    """Saving a machine suggestion into a reviewed translation, by anyone: either it is
    refused, or the translation becomes machine-assisted until a named person reviews it."""
    login(client, role)
    article = reviewed_article()
    data = desk_data(article, summary="«nl» machine text", machine="summary", _save="1")
    client.post(desk_url(article), data)
    fresh = Article.objects.get(pk=article.pk)
    if fresh.summary_nl == "«nl» machine text":
        assert fresh.translation_state == TranslationState.MACHINE
        assert fresh.translation_machine_assisted
    else:
        assert fresh.version == article.version


def test_writers_get_no_machine_suggestions(client, fake_deepl):
    """Machine text makes the translation machine-assisted, which only a translator or
    editor (who may also review it) records."""
    login(client, "Writer")
    article = make_article()
    page = client.get(desk_url(article)).text
    assert 'name="_suggest"' not in page
    assert "Machine suggestions are for translators and editors" in page
    response = client.post(desk_url(article), desk_data(article, _suggest="title"))
    assert response.context["form"]["title"].value() == ""
    assert not fake_deepl.translate_calls()
