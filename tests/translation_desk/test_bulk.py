"""“Machine-translate into the other language” on the updates list, run on the task queue."""

import pytest
from django.urls import reverse
from django.utils import translation

from newsroom.articles.models import Article, TranslationState
from newsroom.translation_desk.tasks import machine_translate
from tests.articles.factories import make_article, make_user

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/articles/article/"


def run_action(client, articles, **extra):
    return client.post(
        CHANGELIST,
        {"action": "machine_translate_action", "_selected_action": [a.pk for a in articles]},
        follow=True,
        **extra,
    )


def test_fills_only_empty_fields_and_marks_machine_assisted(client, fake_deepl):
    client.force_login(make_user("Translator"))
    article = make_article(signals=2, title_nl="Eigen titel")
    response = run_action(client, [article])
    fresh = Article.objects.get(pk=article.pk)
    assert fresh.title_nl == "Eigen titel"  # typed by a person: kept
    assert fresh.summary_nl == f"«nl» {article.summary_en}"
    assert fresh.body_nl.startswith("## «nl» What changed")
    assert [s.text_nl for s in fresh.signals.all()] == [
        f"«nl» {s.text_en}" for s in article.signals.all()
    ]
    assert fresh.translation_state == TranslationState.MACHINE
    assert fresh.translation_machine_assisted
    assert "Filled 5 texts" in response.text


def test_reports_each_update(client, fake_deepl):
    client.force_login(make_user("Editor"))
    done = make_article(translated=True)
    for name in ("meta_description", "image_alt", "image_credit"):
        assert not getattr(done, f"{name}_en")
    todo = make_article()
    response = run_action(client, [done, todo])
    assert "Nothing to fill" in response.text
    assert f"“{todo}”: Filled" in response.text


def test_a_provider_error_changes_nothing_and_is_reported(client, fake_deepl):
    client.force_login(make_user("Translator"))
    article = make_article()
    fake_deepl.fail = 429
    response = run_action(client, [article])
    assert "busy" in response.text
    fresh = Article.objects.get(pk=article.pk)
    assert not fresh.summary_nl and fresh.version == article.version


def test_without_a_provider_the_action_says_how_to_enable_it(client):
    client.force_login(make_user("Translator"))
    article = make_article()
    response = run_action(client, [article])
    assert "DEEPL_AUTH_KEY" in response.text
    assert not Article.objects.get(pk=article.pk).summary_nl


def test_the_report_is_the_jobs_result_in_the_askers_language(fake_deepl):
    user = make_user("Translator")
    article = make_article()
    result = machine_translate.enqueue([article.pk], user.pk, "nl")
    (entry,) = result.return_value["updates"]
    assert entry["id"] == article.pk and entry["result"] == "filled"
    assert entry["message"].startswith("Er zijn 5 teksten ingevuld")


def test_the_action_is_offered_in_dutch(client):
    client.force_login(make_user("Translator"))
    make_article()
    with translation.override("nl"):
        response = client.get(
            reverse("admin:articles_article_changelist"), HTTP_ACCEPT_LANGUAGE="nl"
        )
    assert "Machinaal vertalen naar de andere taal" in response.text


def test_runs_on_the_database_queue_with_a_worker(client, fake_deepl, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(make_user("Translator"))
    article = make_article()
    response = run_action(client, [article])
    assert "is queued" in response.text
    assert not Article.objects.get(pk=article.pk).summary_nl  # not inside the request


def test_a_writer_is_told_who_may_machine_translate(client, fake_deepl):
    client.force_login(make_user("Writer"))
    article = make_article()
    response = run_action(client, [article])
    assert "Machine suggestions are for translators and editors" in response.text
    assert not Article.objects.get(pk=article.pk).summary_nl
