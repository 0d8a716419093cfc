"""The public pages in English and Dutch: what a reader sees, and the reading policy."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom.articles.models import Correction, KeyPoint, StoryLink, TranslationProgress

from .factories import link, make_article, make_picture, make_source, make_topic, make_user
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_root_redirects_by_browser_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9").url == "/nl/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB").url == "/en/"


def test_home_lists_latest_updates_with_relevance_and_first_signal_in_each_language(client):
    topic = make_topic(name_en="Coding agents", name_nl="Codeeragenten")
    update = make_bilingual(signals=2)
    update.topics.add(topic)

    english = text(client.get("/en/"))
    assert '<html lang="en">' in english
    assert "Update number" in english and update.title_en in english
    assert "Relevant if you build with AI tools." in english
    assert update.signals.first().text_en in english
    assert "Coding agents" in english

    dutch = text(client.get("/nl/"))
    assert '<html lang="nl">' in dutch
    assert update.title_nl in dutch and update.title_en not in dutch
    assert "Relevant als je bouwt met AI-tools." in dutch
    assert update.signals.first().text_nl in dutch
    assert "Codeeragenten" in dutch
    assert 'href="/nl/updates/"' in dutch


def test_dutch_listings_leave_out_updates_without_a_readable_translation(client):
    english_only = make_article(published=True, title_en="Only in English")
    draft_dutch = make_article(published=True, translated=True, title_en="Dutch still a draft")
    machine = make_article(
        published=True,
        translated=True,
        title_nl="Machinaal vertaald",
        translation_progress=TranslationProgress.MACHINE,
    )
    reviewed = make_bilingual(title_nl="Nagekeken vertaling")

    dutch = text(client.get("/nl/updates/"))
    assert "Only in English" not in dutch and english_only.title_en not in dutch
    assert draft_dutch.title_nl not in dutch
    # Machine-assisted but not yet reviewed by a named person: never listed.
    assert "Machinaal vertaald" not in dutch and machine.title_en not in dutch
    assert "Nagekeken vertaling" in dutch
    english = text(client.get("/en/updates/"))
    for update in (english_only, draft_dutch, machine, reviewed):
        assert update.title_en in english


def test_dutch_address_of_an_untranslated_update_shows_the_english_text_marked_as_english(client):
    update = make_article(published=True, title_en="Only in English", body_en="English body.")
    response = client.get(update.get_absolute_url("nl"))
    assert response.status_code == 200
    html = text(response)
    assert '<html lang="nl">' in html
    assert "is nog niet in het Nederlands" in html or "niet beschikbaar in jouw taal" in html
    assert re.search(r'<h1[^>]*lang="en"[^>]*>Only in English</h1>', html)
    assert re.search(r'<div class="body"[^>]*lang="en"', html)
    # Search engines are sent to the English page; no Dutch alternate is claimed.
    assert f'rel="canonical" href="http://testserver{update.get_absolute_url("en")}"' in html
    assert 'hreflang="nl"' not in html


def test_update_page_shows_everything_a_reader_expects(client):
    source = make_source(name_en="OpenAI", name_nl="OpenAI")
    update = make_bilingual(
        signals=3,
        source=source,
        original_url="https://openai.example/next-chapter",
        original_title="The next chapter",
        original_published_at=timezone.now() - timedelta(days=1),
        body_en="## One\n\nText.\n\n## Two\n\nMore.\n\n## Three\n\nEnd.",
    )
    update.tags.add("partnerships")
    Correction.objects.create(article=update, text_en="An earlier version misdated the deal.")
    html = text(client.get(update.get_absolute_url("en")))

    assert "<h1" in html and update.title_en in html
    assert "Quick editorial signal" in html
    assert all(s.text_en in html for s in update.signals.all())
    assert update.summary_en in html
    assert "1 min. read" in html
    assert 'href="#one"' in html and 'href="#three"' in html  # contents for three headings
    assert 'href="/en/tags/partnerships/"' in html
    assert "This update first appeared at" in html and "OpenAI" in html
    assert 'href="https://openai.example/next-chapter"' in html and "The next chapter" in html
    assert "An earlier version misdated the deal." in html
    assert 'class="feedback-box"' in html
    assert 'href="/en/updates/"' in html
    assert '"@type": "NewsArticle"' in html
    assert 'hreflang="nl"' in html and 'hreflang="x-default"' in html
    assert 'property="og:title"' in html


def test_no_table_of_contents_for_short_bodies(client):
    update = make_bilingual(body_en="## One\n\nText.\n\n## Two\n\nMore.")
    assert "Contents" not in text(client.get(update.get_absolute_url("en")))


def test_language_switcher_links_to_the_same_update_under_its_dutch_slug(client):
    update = make_bilingual()
    html = text(client.get(update.get_absolute_url("en")))
    assert f'href="/nl/updates/{update.slug_nl}/" hreflang="nl"' in html
    dutch = client.get(f"/nl/updates/{update.slug_nl}/")
    assert dutch.status_code == 200 and update.title_nl in text(dutch)


def test_an_english_slug_under_nl_redirects_to_the_dutch_slug(client):
    update = make_bilingual()
    response = client.get(f"/nl/updates/{update.slug_en}/")
    assert response.status_code == 301
    assert response.url == f"/nl/updates/{update.slug_nl}/"


def _timeline(html):
    return html[
        html.index('id="timeline-heading"') : html.index(
            "</section>", html.index('id="timeline-heading"')
        )
    ]


def test_story_timeline_shows_the_whole_thread_oldest_first_with_this_update_marked(client):
    now = timezone.now()
    background = make_bilingual(publish_at=now - timedelta(days=9), title_en="Background piece")
    first = make_bilingual(publish_at=now - timedelta(days=3), title_en="The first deal")
    follow = make_bilingual(publish_at=now - timedelta(days=1), title_en="The amendment")
    fix = make_bilingual(publish_at=now - timedelta(hours=1), title_en="A correction note")
    link(follow, first, StoryLink.Kind.FOLLOW_UP)
    link(fix, follow, StoryLink.Kind.CORRECTION)
    link(background, first, StoryLink.Kind.BACKGROUND)  # linked to the thread, not to `follow`

    for page in (first, follow, fix, background):
        timeline = _timeline(text(client.get(page.get_absolute_url("en"))))
        order = [timeline.index(t) for t in ("Background piece", "The first deal", "The amendment")]
        assert order == sorted(order), page.title_en
        assert timeline.index("The amendment") < timeline.index("A correction note")
        current = re.search(r'<li class="current" aria-current="page">(.*?)</li>', timeline, re.S)
        assert page.title_en in current.group(1)
        assert timeline.count('aria-current="page"') == 1

    timeline = _timeline(text(client.get(follow.get_absolute_url("en"))))
    assert "Follows up on" in timeline and "Corrected by" in timeline
    assert first.relevance_en in timeline  # each other update has a teaser


def test_a_thread_that_loops_is_listed_once_and_other_threads_stay_out(client):
    one, two, three = (make_bilingual(title_en=f"Loop part {n}") for n in ("one", "two", "three"))
    link(one, two)
    link(two, three)
    link(three, one)
    elsewhere, its_pair = make_bilingual(title_en="Other story"), make_bilingual()
    link(elsewhere, its_pair)
    timeline = _timeline(text(client.get(two.get_absolute_url("en"))))
    for title in ("Loop part one", "Loop part two", "Loop part three"):
        assert timeline.count(title) == 1, title
    assert "Other story" not in timeline


def test_the_bottom_of_an_update_never_lists_an_update_twice(client):
    source = make_source(name_en="Microsoft")
    update = make_bilingual(source=source, title_en="The update itself")
    in_thread = make_bilingual(source=source, title_en="Thread and source and tag")
    same_source_and_tag = make_bilingual(source=source, title_en="Source and tag")
    tag_only = make_bilingual(title_en="Tag only")
    link(update, in_thread)
    for article in (update, in_thread, same_source_and_tag, tag_only):
        article.tags.add("azure")
    html = text(client.get(update.get_absolute_url("en")))
    bottom = html[html.index('id="timeline-heading"') :]
    for title in ("Thread and source and tag", "Source and tag", "Tag only"):
        assert bottom.count(f">{title}</a>") == 1, title
    assert "More from Microsoft" in bottom and "Related updates" in bottom


def test_unpublished_linked_updates_stay_out_of_the_thread(client):
    update = make_bilingual()
    draft = make_article(title_en="Secret draft")
    link(draft, update)
    assert "Secret draft" not in text(client.get(update.get_absolute_url("en")))


def test_more_from_source_and_related_by_tags(client):
    source = make_source(name_en="Microsoft")
    update = make_bilingual(source=source)
    sibling = make_bilingual(source=source, title_en="Another Microsoft item")
    cousin = make_bilingual(title_en="Same tag elsewhere")
    update.tags.add("azure")
    cousin.tags.add("azure")
    html = text(client.get(update.get_absolute_url("en")))
    assert "More from Microsoft" in html and sibling.title_en in html
    assert "Related updates" in html and cousin.title_en in html


def test_unpublished_and_scheduled_updates_are_not_found(client):
    draft = make_article(slug_en="a-draft")
    later = make_article(
        published=True, slug_en="later", publish_at=timezone.now() + timedelta(hours=2)
    )
    assert client.get(draft.get_absolute_url("en")).status_code == 404
    assert client.get(later.get_absolute_url("en")).status_code == 404


def test_filters_narrow_the_list_and_pagination_keeps_them(client):
    topic = make_topic(slug="agents")
    source = make_source(slug="openai")
    for _ in range(22):
        update = make_bilingual(source=source)
        update.topics.add(topic)
    make_bilingual(title_en="Elsewhere entirely")
    html = text(client.get("/en/updates/?topic=agents&source=openai"))
    assert "Elsewhere entirely" not in html
    assert 'href="?topic=agents&amp;source=openai&amp;page=2"' in html
    second = text(client.get("/en/updates/?topic=agents&source=openai&page=2"))
    assert second.count('class="card"') == 2 and "Elsewhere entirely" not in second
    assert "Elsewhere entirely" in text(client.get("/en/updates/"))


def test_topic_tag_and_source_pages(client):
    topic = make_topic(slug="apis", name_en="APIs", name_nl="API's")
    source = make_source(slug="msft", name_en="Microsoft")
    update = make_bilingual(source=source)
    update.topics.add(topic)
    update.tags.add("azure")
    other = make_bilingual(title_en="Unrelated")
    for url, heading in [
        ("/en/topics/apis/", "Topic: APIs"),
        ("/nl/topics/apis/", "API&#x27;s"),
        ("/en/tags/azure/", "Tag: azure"),
        ("/en/sources/msft/", "Microsoft"),
    ]:
        html = text(client.get(url))
        assert heading in html, url
        assert other.title_en not in html and other.title_nl not in html
    assert 'type="application/rss+xml"' in text(client.get("/en/topics/apis/"))
    assert client.get("/en/topics/nope/").status_code == 404


@pytest.mark.parametrize(("lang", "words"), [("en", "Page not found"), ("nl", "niet gevonden")])
def test_404_page_in_both_languages(client, lang, words):
    response = client.get(f"/{lang}/updates/does-not-exist/")
    assert response.status_code == 404
    assert words in text(response) and f'<html lang="{lang}">' in text(response)


def test_500_page_in_dutch(client, settings):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("nl"):
        html = render_to_string("500.html")
    assert '<html lang="nl">' in html and "Er ging iets mis" in html


def test_robots_txt_points_to_the_sitemap(client):
    body = text(client.get("/robots.txt"))
    assert "Sitemap: http://testserver/sitemap.xml" in body and "Disallow: /admin/" in body


def test_every_page_advertises_its_feeds(client):
    make_bilingual()
    for url in ("/en/", "/nl/updates/", "/nl/search/"):
        html = text(client.get(url))
        lang = url.split("/")[1]
        assert 'type="application/rss+xml" title=' in html
        assert f'href="http://testserver/{lang}/feeds/atom/"' in html


# Query counts stay fixed however much an update or a page holds.


def _rich_update(n_signals, n_tags, n_links, source):
    update = make_bilingual(signals=n_signals, source=source, image=make_picture(800, 450))
    update.authors.add(
        *[make_user(first_name=f"Author {i}", password=None) for i in range(n_signals)]
    )
    for i in range(n_signals + 1):
        KeyPoint.objects.create(
            article=update, position=i, text_en=f"Point {i}", text_nl=f"Punt {i}"
        )
    update.tags.add(*[f"tag-{update.pk}-{i}" for i in range(n_tags)])
    update.topics.add(make_topic(), make_topic())
    previous = update
    for _ in range(n_links):  # a chain: the timeline walks the whole thread
        other = make_bilingual(source=source, image=make_picture(800, 450))
        link(other, previous)
        previous = other
    Correction.objects.create(article=update, text_en="A fix.")
    return update


@pytest.mark.parametrize("size", [1, 5])
def test_update_page_query_count_is_fixed(client, django_assert_num_queries, size):
    source = make_source()
    update = _rich_update(size, size, size, source)
    url = update.get_absolute_url("nl")
    with django_assert_num_queries(UPDATE_PAGE_QUERIES):
        assert client.get(url).status_code == 200


def test_related_update_cards_cost_the_same_queries_for_one_or_four(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_with(related):
        update = make_bilingual(signals=2)
        update.tags.add(f"shared-{related}")
        for _ in range(related):
            make_bilingual(signals=2).tags.add(f"shared-{related}")
        with CaptureQueriesContext(connection) as captured:
            html = text(client.get(update.get_absolute_url("nl")))
        assert html.count('<article class="card') == related
        return len(captured)

    assert queries_with(1) == queries_with(4)


@pytest.mark.parametrize("size", [2, 20])
def test_listing_query_count_is_fixed(client, django_assert_num_queries, size):
    source = make_source()
    topic = make_topic()
    for _ in range(size):
        update = make_bilingual(signals=3, source=source, image=make_picture(800, 450))
        update.tags.add("a", "b", "c")
        update.topics.add(topic)
    with django_assert_num_queries(LIST_PAGE_QUERIES):
        client.get("/nl/updates/")
    with django_assert_num_queries(HOME_PAGE_QUERIES):
        client.get("/nl/")


# article, signals, key points, authors, tags, topics, corrections, the story links (one
# query for the whole thread), the thread's updates, more from the source, related by tags
# (ids ranked from the tag links; no update shares these tags, so none is read), and the
# next scheduled publication (how long to cache).
UPDATE_PAGE_QUERIES = 12
# capped count, page ids, updates, signals, topics, tags, readable taxonomy counts (topics,
# tags, sources, how long to keep them), the three filter menus, next scheduled publication.
LIST_PAGE_QUERIES = 14
# updates, signals, topics, tags, topics tracked, next scheduled publication (the readable
# taxonomy counts were cached by the list page just before).
HOME_PAGE_QUERIES = 6


def test_og_locale_names_the_language_of_the_text_shown_on_a_fallback_page(client):
    update = make_article(published=True, title_en="Only in English")
    html = text(client.get(update.get_absolute_url("nl")))
    assert '<meta property="og:locale" content="en_US">' in html
    assert 'property="og:locale:alternate"' not in html
    translated = make_bilingual()
    html = text(client.get(translated.get_absolute_url("nl")))
    assert '<meta property="og:locale" content="nl_NL">' in html
    assert '<meta property="og:locale:alternate" content="en_US">' in html


def test_language_switcher_keeps_filters_and_the_search_query(client):
    make_bilingual(title_en="Agents everywhere", title_nl="Agents overal")
    html = text(client.get("/en/search/?q=agents&page=1"))
    assert 'href="/nl/search/?q=agents&amp;page=1" hreflang="nl"' in html
    html = text(client.get("/nl/updates/?tag=codex&source=openai"))
    assert 'href="/en/updates/?tag=codex&amp;source=openai" hreflang="en"' in html
    html = text(client.get("/en/search/?q=%3Cscript%3E"))
    assert 'href="/nl/search/?q=%3Cscript%3E" hreflang="nl"' in html
