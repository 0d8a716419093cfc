"""sitemap.xml is an index of paged sections that list each update in the languages it really
exists in, with alternates and lastmod; every URL is reachable and the queries stay flat."""

import xml.etree.ElementTree as ET

import pytest

from newsroom.articles.sitemaps import UpdateSitemap

from .factories import make_article
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)  # noqa: S314  (our own response)


def section_urls(client):
    """The section pages the index lists, as paths."""
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    locs = root.findall("s:sitemap/s:loc", NS)
    return [loc.text.removeprefix("http://testserver") for loc in locs]


def sitemap(client):
    """Every URL of every section the index lists: {loc: {hreflang: href}}."""
    entries = {}
    for section in section_urls(client):
        for url in xml(client, section).findall("s:url", NS):
            loc = url.find("s:loc", NS).text
            assert loc not in entries, f"{loc} is listed twice"
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


def test_updates_are_paged_into_sections_and_every_url_is_reachable(client, monkeypatch):
    monkeypatch.setattr(UpdateSitemap, "limit", 3)
    bilingual = [make_bilingual() for _ in range(3)]
    english_only = [make_article(published=True) for _ in range(2)]
    sections = section_urls(client)
    # 3 updates in two languages and 2 in one: 8 URLs, in sections of 3.
    assert sections[:3] == [
        "/sitemap-updates.xml",
        "/sitemap-updates.xml?p=2",
        "/sitemap-updates.xml?p=3",
    ]
    assert "/sitemap-sections.xml" in sections
    entries = sitemap(client)
    for update in bilingual:
        assert f"http://testserver/en/updates/{update.slug_en}/" in entries
        assert f"http://testserver/nl/updates/{update.slug_nl}/" in entries
    for update in english_only:
        assert f"http://testserver/en/updates/{update.slug_en}/" in entries
    assert len([loc for loc in entries if "/updates/update-" in loc]) == 8
    assert client.get("/sitemap-updates.xml?p=4").status_code == 404


def test_each_url_has_its_lastmod(client):
    update = make_bilingual()
    root = xml(client, "/sitemap-updates.xml")
    lastmods = [url.find("s:lastmod", NS).text for url in root.findall("s:url", NS)]
    assert lastmods == [update.updated_at.date().isoformat()] * 2
    index = xml(client, "/sitemap.xml")
    assert index.find("s:sitemap/s:lastmod", NS) is not None


@pytest.mark.parametrize("size", [3, 12])
def test_sitemap_queries_do_not_grow_with_updates(client, django_assert_num_queries, size):
    for _ in range(size):
        make_bilingual()
    # The index: the latest change and one count per language for the update section, the
    # topics for the other section, and the page cache's next scheduled publication.
    with django_assert_num_queries(5):
        client.get("/sitemap.xml")
    # A section page: one count per language, the slice's ids (from the index) and then
    # its rows per language, and the next publication.
    with django_assert_num_queries(7):
        client.get("/sitemap-updates.xml")


def test_topic_pages_are_listed_once_a_topic_has_a_published_update(client):
    from datetime import timedelta

    from django.utils import timezone

    from newsroom.articles import workflow

    from .factories import make_topic, make_user

    live, waiting, empty = (make_topic(slug=s) for s in ("live-topic", "waiting", "empty"))
    make_bilingual().topics.add(live)
    make_article().topics.add(waiting)  # a draft
    make_bilingual(publish_at=timezone.now() + timedelta(days=1)).topics.add(waiting)
    archived = make_bilingual()  # was live: its publish time has passed
    archived.topics.add(waiting)
    workflow.archive(article=archived, user=make_user("Editor"))
    locs = sitemap(client)
    assert "http://testserver/en/topics/live-topic/" in locs
    assert "http://testserver/nl/topics/live-topic/" in locs
    assert not [loc for loc in locs if "/waiting/" in loc or "/empty/" in loc]
