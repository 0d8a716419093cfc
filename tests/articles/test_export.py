"""Exporting an update to Word and PDF: what a reader downloads holds the whole update, in
the page's language; only published updates publicly, drafts for staff in the admin."""

import io
import sys
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.tasks import task_backends
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from newsroom.articles import workflow
from newsroom.articles.export import tasks as export_tasks
from newsroom.articles.export.files import ExportKey
from newsroom.articles.models import Article, Correction, EditorialSignal

from .factories import make_article, make_source, make_user
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def full_update():
    article = make_bilingual(
        title_en="Microsoft and OpenAI sign a new agreement",
        title_nl="Microsoft en OpenAI tekenen een nieuwe overeenkomst",
        relevance_en="Relevant if you build on Azure.",
        relevance_nl="Relevant als je op Azure bouwt.",
        summary_en="The deal runs to 2032.",
        summary_nl="De deal loopt tot 2032.",
        body_en="## Terms\n\nThe **licence** is no longer exclusive. See [the post](https://example.com/post).",
        body_nl="## Voorwaarden\n\nDe **licentie** is niet langer exclusief.",
        source=make_source(name_en="OpenAI Blog", name_nl="OpenAI-blog"),
        original_url="https://example.com/original",
        original_title="The next chapter",
        signals=0,
    )
    for i, (en, nl) in enumerate(
        [
            ("Azure stays the home of the API.", "Azure blijft de thuisbasis van de API."),
            ("Rights run until 2032.", "De rechten lopen tot 2032."),
            ("AGI claims need an expert panel.", "AGI-claims vragen een panel van experts."),
        ]
    ):
        EditorialSignal.objects.create(article=article, position=i, text_en=en, text_nl=nl)
    Correction.objects.create(
        article=article,
        text_en="An earlier version gave the wrong year.",
        text_nl="Een eerdere versie noemde het verkeerde jaar.",
        corrected_at=timezone.now(),
    )
    return article


def built_files(article, settings):
    folder = settings.NEWSROOM_EXPORTS_ROOT / str(article.pk)
    return sorted(f"{article.pk}/{path.name}" for path in folder.iterdir())


def docx_text(content):
    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def pdf_text(content):
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


EXPECTED = {
    "en": [
        "Microsoft and OpenAI sign a new agreement",
        "Relevant if you build on Azure.",
        "Quick editorial signal",
        "Azure stays the home of the API.",
        "Rights run until 2032.",
        "AGI claims need an expert panel.",
        "The deal runs to 2032.",
        "The licence is no longer exclusive.",
        "Corrections",
        "An earlier version gave the wrong year.",
        "This update first appeared at OpenAI Blog.",
        "Original: The next chapter",
        "https://example.com/original",
    ],
    "nl": [
        "Microsoft en OpenAI tekenen een nieuwe overeenkomst",
        "Relevant als je op Azure bouwt.",
        "Snelle redactionele duiding",
        "Azure blijft de thuisbasis van de API.",
        "De rechten lopen tot 2032.",
        "AGI-claims vragen een panel van experts.",
        "De deal loopt tot 2032.",
        "De licentie is niet langer exclusief.",
        "Correcties",
        "Een eerdere versie noemde het verkeerde jaar.",
        "https://example.com/original",
    ],
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_word_export_holds_the_whole_update_in_the_pages_language(client, lang):
    article = full_update()
    response = client.get(article.get_absolute_url(lang) + "export.docx")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"].endswith(f'{article.slug_in(lang)}.docx"')
    text = docx_text(response.content)
    for expected in EXPECTED[lang]:
        assert expected in text
    assert f"http://testserver{article.get_absolute_url(lang)}" in text
    other = "nl" if lang == "en" else "en"
    assert EXPECTED[other][0] not in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pdf_export_holds_the_whole_update_in_the_pages_language(client, lang):
    article = full_update()
    response = client.get(article.get_absolute_url(lang) + "export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content).casefold()  # the signal heading is set in capitals
    for expected in EXPECTED[lang]:
        assert expected.casefold() in text
    assert f"http://testserver{article.get_absolute_url(lang)}".casefold() in text


def test_the_update_page_links_to_both_exports_in_its_language(client):
    article = full_update()
    html = client.get(article.get_absolute_url("nl")).content.decode()
    assert f'href="{article.get_absolute_url("nl")}export.docx"' in html
    assert f'href="{article.get_absolute_url("nl")}export.pdf"' in html
    assert "Exporteren naar Word" in html


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_drafts_and_unknown_updates_are_not_exported_publicly(client, fmt):
    draft = make_article(title_en="A secret draft")
    assert client.get(f"/en/updates/{draft.slug_en}/export.{fmt}").status_code == 404
    assert client.get(f"/en/updates/no-such-update/export.{fmt}").status_code == 404


def test_an_other_language_slug_redirects_to_this_languages_export(client):
    article = full_update()
    response = client.get(f"/nl/updates/{article.slug_en}/export.docx")
    assert response.status_code == 301
    assert response["Location"] == f"/nl/updates/{article.slug_nl}/export.docx"


def test_an_export_is_served_from_its_file_until_the_update_changes(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, settings
):
    article = full_update()
    url = article.get_absolute_url("en") + "export.docx"
    first = client.get(url)
    assert first.status_code == 200
    assert set(first["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert first["Content-Language"] == "en"
    with django_assert_num_queries(1):  # the update's row; the file is read, not built
        assert client.get(url).content == first.content
    with django_assert_num_queries(1):
        assert client.get(url, {"bust": "1"}).content == first.content
    assert built_files(article, settings) == [ExportKey.of(article, "en", "docx").name]

    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            changes={"title_en": "A corrected title"},
        )  # fmt: skip
    article.refresh_from_db()
    assert "A corrected title" in docx_text(client.get(url).content)
    # The file of the earlier version is gone: only the current one is kept.
    assert built_files(article, settings) == [ExportKey.of(article, "en", "docx").name]


def test_without_weasyprints_libraries_the_reader_gets_a_clear_page(client, monkeypatch):
    article = full_update()
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails, as without Pango
    response = client.get(article.get_absolute_url("nl") + "export.pdf")
    assert response.status_code == 503
    assert "PDF-export is niet beschikbaar" in response.content.decode()
    response = client.get(article.get_absolute_url("en") + "export.pdf")
    assert "PDF export is not available" in response.content.decode()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_staff_export_drafts_from_the_admin(client, fmt):
    draft = make_article(title_en="A draft for the desk", translated=True)
    writer = make_user("Writer")
    client.force_login(writer)
    admin_page = client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    url = f"/admin/articles/article/{draft.pk}/export/en.{fmt}"
    assert f'href="{url}"' in admin_page
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = docx_text(response.content) if fmt == "docx" else pdf_text(response.content)
    assert "A draft for the desk" in text
    assert "Draft: this update is not published." in text


def test_staff_without_permission_cannot_export(client):
    draft = make_article(title_en="A draft for the desk")
    client.force_login(make_user(None))
    assert client.get(f"/admin/articles/article/{draft.pk}/export/en.docx").status_code == 403
    client.logout()
    response = client.get(f"/admin/articles/article/{draft.pk}/export/en.docx")
    assert response.status_code == 302  # to the login page


# Exports are built on the task queue. The suite's immediate backend runs a job as it is
# enqueued (above: the first request serves the file); here a queue keeps the jobs until
# the test runs them, as a worker would a moment later.
DEFERRED_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
PREPARING = {
    ("en", "pdf"): "Your PDF is being prepared",
    ("en", "docx"): "Your Word document is being prepared",
    ("nl", "pdf"): "Je PDF wordt klaargemaakt",
    ("nl", "docx"): "Je Word-document wordt klaargemaakt",
}
REFRESHES = {
    "en": "This page refreshes by itself",
    "nl": "Deze pagina ververst zichzelf",
}


@pytest.fixture
def queue(settings):
    settings.TASKS = DEFERRED_TASKS
    backend = task_backends["default"]
    backend.clear()
    return backend


def run_jobs(queue):
    """What a worker does: run every queued job; returns their results."""
    jobs, done = list(queue.results), []
    queue.clear()
    for job in jobs:
        assert job.task.name == "build_export"
        done.append(job.task.call(*job.args, **job.kwargs))
    return done


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_an_export_not_built_yet_is_queued_once_and_served_when_built(client, queue, lang, fmt):
    article = full_update()
    url = article.get_absolute_url(lang) + f"export.{fmt}"

    response = client.get(url)

    assert response.status_code == 202
    html = response.content.decode()
    assert PREPARING[lang, fmt] in html and REFRESHES[lang] in html
    assert '<meta http-equiv="refresh" content="3">' in html
    assert f'href="{url}"' in html  # ask again now
    assert f'href="http://testserver{article.get_absolute_url(lang)}"' in html  # back
    assert response["Cache-Control"] == "no-store"
    assert response["Retry-After"] == "3"
    assert len(queue.results) == 1

    assert client.get(url).status_code == 202
    assert len(queue.results) == 1  # still the one job

    assert run_jobs(queue)[0]["status"] == "built"
    response = client.get(url)
    assert response.status_code == 200
    text = docx_text(response.content) if fmt == "docx" else pdf_text(response.content)
    assert EXPECTED[lang][0] in text
    assert queue.results == []


def test_an_edit_makes_the_next_request_build_the_new_version(
    client, queue, django_capture_on_commit_callbacks
):
    article = full_update()
    url = article.get_absolute_url("en") + "export.docx"
    client.get(url)
    run_jobs(queue)
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(
            article=article, user=make_user("Editor"), version=article.version,
            changes={"title_en": "A corrected title"},
        )  # fmt: skip

    assert client.get(url).status_code == 202  # the file of the old version is not served
    assert len(queue.results) == 1
    run_jobs(queue)
    assert "A corrected title" in docx_text(client.get(url).content)


def test_a_file_from_another_life_of_the_database_is_not_served(client, queue):
    article = full_update()
    url = article.get_absolute_url("en") + "export.docx"
    client.get(url)
    run_jobs(queue)
    assert client.get(url).status_code == 200
    # A restored backup or a new database: the same id and version, other content.
    Article.objects.filter(pk=article.pk).update(
        title_en="Another update", updated_at=timezone.now() + timedelta(seconds=1)
    )
    assert client.get(url).status_code == 202
    run_jobs(queue)
    assert "Another update" in docx_text(client.get(url).content)


def test_a_draft_is_never_served_at_the_public_address(client, queue):
    draft = make_article(title_en="A secret draft", translated=True)
    client.force_login(make_user("Writer"))
    client.get(f"/admin/articles/article/{draft.pk}/export/en.pdf")
    run_jobs(queue)
    assert client.get(f"/admin/articles/article/{draft.pk}/export/en.pdf").status_code == 200
    client.logout()

    assert client.get(f"/en/updates/{draft.slug_en}/export.pdf").status_code == 404
    assert queue.results == []


def test_an_unpublished_update_is_no_longer_exported(client, django_capture_on_commit_callbacks):
    article = full_update()
    url = article.get_absolute_url("en") + "export.pdf"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(article=article, user=make_user("Editor"))
    assert client.get(url).status_code == 404


def test_a_preview_of_a_published_update_is_kept_apart_from_the_public_file(client, settings):
    article = full_update()
    client.force_login(make_user("Writer"))
    assert client.get(f"/admin/articles/article/{article.pk}/export/nl.docx").status_code == 200
    client.logout()
    assert client.get(article.get_absolute_url("nl") + "export.docx").status_code == 200
    assert built_files(article, settings) == [
        ExportKey.of(article, "nl", "docx").name,
        ExportKey.of(article, "nl", "docx", staff=True).name,
    ]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_staff_export_of_a_draft_is_prepared_in_the_admin(client, queue, lang):
    draft = make_article(title_en="A draft for the desk", translated=True)
    client.force_login(make_user("Writer"))
    url = f"/admin/articles/article/{draft.pk}/export/{lang}.pdf"

    response = client.get(url)

    assert response.status_code == 202
    html = response.content.decode()
    assert PREPARING["en", "pdf"] in html  # the admin's language, whichever is exported
    assert '<meta http-equiv="refresh" content="3">' in html
    assert f'href="/admin/articles/article/{draft.pk}/change/"' in html  # back to the form
    assert 'id="site-name"' in html  # the admin's own page
    assert "no-store" in response["Cache-Control"]
    assert client.get(url).status_code == 202
    assert len(queue.results) == 1

    run_jobs(queue)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert draft.title_in(lang) in pdf_text(response.content)


def test_without_pdf_libraries_a_queued_build_ends_in_the_clear_page(client, queue, monkeypatch):
    article = full_update()
    url = article.get_absolute_url("nl") + "export.pdf"
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # the worker has no Pango
    assert client.get(url).status_code == 202

    assert run_jobs(queue)[0]["status"] == "unavailable"
    response = client.get(url)
    assert response.status_code == 503
    assert "PDF-export is niet beschikbaar" in response.content.decode()
    assert queue.results == []  # not tried again on every request

    monkeypatch.delitem(sys.modules, "weasyprint")  # the libraries were installed
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert client.get(url).status_code == 202
    assert len(queue.results) == 1


def test_a_build_that_fails_shows_a_page_not_an_endless_wait(client, monkeypatch):
    article = full_update()

    def broken(doc):
        raise RuntimeError("the template is broken")

    monkeypatch.setitem(export_tasks.BUILDERS, "docx", broken)
    response = client.get(article.get_absolute_url("en") + "export.docx")
    assert response.status_code == 503
    assert "This export could not be made" in response.content.decode()
    response = client.get(article.get_absolute_url("nl") + "export.docx")
    assert "Deze export kon niet worden gemaakt" in response.content.decode()


def test_without_the_shared_cache_a_request_still_queues_the_build(client, queue, monkeypatch):
    article = full_update()

    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "add", unreachable)
    monkeypatch.setattr(cache, "delete", unreachable)
    url = article.get_absolute_url("en") + "export.docx"
    assert client.get(url).status_code == 202
    run_jobs(queue)
    assert client.get(url).status_code == 200


def test_building_an_export_reads_only_the_updates_own_text(django_assert_num_queries):
    """The export holds the update's text, signals and corrections: it does not walk the
    story thread or rank related updates as the page does."""
    from newsroom.articles.export import document

    from .factories import link

    update = make_bilingual(signals=2)
    link(make_bilingual(), update)
    update.tags.add("shared")
    make_bilingual().tags.add("shared")
    update = type(update).objects.select_related("source").get(pk=update.pk)
    with django_assert_num_queries(2):  # signals, corrections
        doc = document.build(update, "nl", url="https://example.org/nl/")
    assert doc.title == update.title_nl and len(doc.signals) == 2
