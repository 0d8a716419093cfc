"""Exporting an update to Word and PDF: what a reader downloads holds the whole update, in
the page's language; only published updates publicly, drafts for staff in the admin."""

import io
import sys

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from newsroom.articles.models import Correction, EditorialSignal

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


def test_exports_are_cached_and_retired_with_the_pages(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    article = full_update()
    url = article.get_absolute_url("en") + "export.docx"
    first = client.get(url)
    assert set(first["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    with django_assert_num_queries(0):
        assert client.get(url).content == first.content
        assert client.get(url, {"bust": "1"}).content == first.content
    from newsroom.articles import workflow

    with django_capture_on_commit_callbacks(execute=True):
        workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            changes={"title_en": "A corrected title"},
        )  # fmt: skip
    assert "A corrected title" in docx_text(client.get(url).content)


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
