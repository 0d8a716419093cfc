"""An editor fetches a source in the admin and finds the new drafts (real Chromium)."""

import pytest

from tests.articles.factories import make_source, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

TEXT = {
    "en-US": {
        "fetch": "Fetch now",
        "queued": "fetching was queued",
        "inbox": "Imported drafts not yet edited: 2",
        "new": "2 new",
    },
    "nl-NL": {
        "fetch": "Nu ophalen",
        "queued": "ophalen staat in de wachtrij",
        "inbox": "Geïmporteerde concepten, nog niet bewerkt: 2",
        "new": "2 nieuw",
    },
}


@pytest.mark.parametrize("browser_locale", ["en-US", "nl-NL"])
def test_fetch_now_from_the_source_page_fills_the_inbox(
    page, admin_login, screenshot, feed_server, browser_locale
):
    words = TEXT[browser_locale]
    feed_server.add_feed("/feed.xml", "rss2_content_encoded.xml")
    source = make_source(name_en="Example Cloud", feed_url=feed_server.url("/feed.xml"))
    admin_login(page, make_user("Writer"))

    page.goto(f"/admin/articles/source/{source.pk}/change/")
    page.get_by_role("button", name=words["fetch"]).click()

    page.wait_for_selector(".messagelist")
    assert words["queued"] in page.locator(".messagelist").inner_text()
    # The suite runs tasks at once, so the import log already shows the finished run.
    assert words["new"] in page.locator(".import-log").inner_text()
    screenshot(page, f"ingest-source-after-fetch-{browser_locale}")
    page.get_by_role("link", name=words["inbox"]).click()
    page.wait_for_url("**/admin/ingest/importeditem/**")
    rows = page.locator("#result_list tbody tr")
    screenshot(page, f"ingest-inbox-{browser_locale}")
    assert rows.count() == 2
    assert (
        "Cloud partner deal renewed until 2032"
        in rows.all_inner_texts()[1] + rows.all_inner_texts()[0]
    )
    rows.get_by_role("link", name="Open-weight models allowed under the new terms").click()
    assert page.locator("#id_original_url").input_value() == (
        "https://blog.example.com/2025/10/open-weights/"
    )
