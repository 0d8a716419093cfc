"""sitemap.xml lists each update in the languages it really exists in, with alternates."""

import xml.etree.ElementTree as ET

import pytest

from .factories import make_article
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314  (our own response)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return entries


def test_translated_update_has_both_languages_and_x_default(client):
    update = make_bilingual()
    en = f"http://testserver/en/updates/{update.slug_en}/"
    nl = f"http://testserver/nl/updates/{update.slug_nl}/"
    entries = sitemap(client)
    expected = {"en": en, "nl": nl, "x-default": f"http://testserver/updates/{update.slug_en}/"}
    assert entries[en] == expected
    assert entries[nl] == expected


def test_untranslated_and_unpublished_updates_are_not_listed_in_dutch(client):
    english_only = make_article(published=True)
    draft_translation = make_article(published=True, translated=True)
    unpublished = make_article(translated=True)
    entries = sitemap(client)
    for update in (english_only, draft_translation):
        en = f"http://testserver/en/updates/{update.slug_en}/"
        assert set(entries[en]) == {"en", "x-default"}
        assert not any(f"/nl/updates/{update.slug_en}/" in loc for loc in entries)
        assert f"http://testserver/nl/updates/{update.slug_nl}/" not in entries
    assert not any(unpublished.slug_en in loc for loc in entries)


def test_home_pages_are_listed_in_both_languages(client):
    entries = sitemap(client)
    assert entries["http://testserver/nl/"]["en"] == "http://testserver/en/"
    assert entries["http://testserver/en/"]["x-default"] == "http://testserver/"
