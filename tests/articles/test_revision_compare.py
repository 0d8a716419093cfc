"""Comparing two revisions of an update from its History page, field by field."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from newsroom.articles.models import Article
from newsroom.articles.revision_diff import word_diff

from .admin_forms import article_form_data, change_url, form_errors
from .factories import make_article, make_user

pytestmark = pytest.mark.django_db

LONG_BODY = "\n\n".join(
    f"Paragraph {n}: the vendor explains how agents call tools, how results stream back, "
    "and what changes for teams that already run their own orchestration layer."
    for n in range(1, 9)
)
ADDED = " The vendor will publish a migration guide in March."


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def compare_url(article, old=None, new=None):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    if old is None:
        return url
    return f"{url}?from={old.pk}&to={new.pk}"


def changed_rows(html):
    """The table of changed fields on the comparison page."""
    return html.split('class="revision-diff"')[1].split("</table>")[0]


def save_in_admin(client, article, **changes):
    """Save the change form as a browser would; each save is one revision."""
    response = client.post(change_url(article), article_form_data(article, **changes))
    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()


def signed_in(role, **fields):
    client = Client()
    client.force_login(make_user(role, **fields))
    return client


def two_revisions(first_body=LONG_BODY, **second):
    """An update saved twice by an editor: (article, older version, newer version).

    A save that changes nothing makes no revision, so the second save changes something.
    """
    second = second or {"relevance_en": "Relevant if you ship features built on models."}
    editor = signed_in("Editor")
    article = make_article(translated=True, body_en=first_body)
    save_in_admin(editor, article, title_nl="Update met een nieuwe titel")
    save_in_admin(editor, article, **second)
    newer, older = Version.objects.get_for_object(article)[:2]
    return article, older, newer


def test_a_sentence_added_at_the_end_of_a_long_body_is_shown_as_inserted():
    article, older, newer = two_revisions(LONG_BODY, body_en=LONG_BODY + ADDED)
    assert len(LONG_BODY) > 1000  # the old overview cut texts at 160 characters
    page = signed_in("Translator").get(compare_url(article, older, newer))
    assert page.status_code == 200
    html = page.text
    assert f"<ins>{ADDED}</ins>" in html
    # The whole text is there, unchanged words unmarked, nothing cut off.
    assert "Paragraph 8: the vendor explains how agents call tools" in html
    assert "<del>" not in changed_rows(html)
    assert "Body [en]" in html


def test_the_newer_revision_is_always_the_right_hand_side():
    article, older, newer = two_revisions(LONG_BODY, body_en=LONG_BODY + ADDED)
    swapped = signed_in("Editor").get(compare_url(article, newer, older)).text
    assert f"<ins>{ADDED}</ins>" in swapped


def test_both_languages_and_signals_tags_and_story_links_are_compared():
    other = make_article(title_en="The earlier agreement")
    editor = signed_in("Editor")
    article = make_article(translated=True)
    save_in_admin(editor, article, tags="agents")
    data = article_form_data(
        article,
        signals=[("Streaming shortens the wait.", "Streaming verkort het wachten.")],
        body_nl="## Wat er verandert\n\nDe tekst van deze update is nieuw.",
        tags="agents, api",
    )
    data |= {
        "outgoing_links-TOTAL_FORMS": 1,
        "outgoing_links-0-to_article": other.pk,
        "outgoing_links-0-kind": "follow_up",
    }
    response = editor.post(change_url(article), data)
    assert response.status_code == 302, form_errors(response)
    newer, older = Version.objects.get_for_object(article)[:2]

    html = signed_in("Writer").get(compare_url(article, older, newer)).text
    rows = changed_rows(html)
    assert "Body [nl]" in rows and "<del>Tekst</del><ins>De tekst</ins> van" in rows
    assert (
        "Quick editorial signal [en]" in rows and "<ins>Streaming shortens the wait</ins>." in rows
    )
    assert "Quick editorial signal [nl]" in rows
    assert "Tags" in rows and "<ins>, api</ins>" in rows
    assert "Story thread" in rows and "<ins>follows up on The earlier agreement</ins>" in rows
    assert "Body [en]" not in rows  # unchanged fields are listed once, below


def test_a_change_to_the_key_points_is_compared():
    from newsroom.articles import workflow
    from newsroom.articles.models import KeyPoint

    editor = make_user("Editor")
    article = make_article(translated=True)
    point = KeyPoint.objects.create(
        article=article, position=1, text_en="Prices drop.", text_nl="Prijzen dalen."
    )
    KeyPoint.objects.create(
        article=article, position=2, text_en="Limits rise.", text_nl="Limieten stijgen."
    )
    workflow.save_edit(article=article, user=editor, version=None, changes={"title_en": "Key"})
    workflow.save_edit(
        article=article, user=editor, version=None,
        rows={"key_points": [workflow.Row(pk=point.pk, values={"text_en": "Prices drop 20%."})]},
    )  # fmt: skip
    newer, older = Version.objects.get_for_object(article)[:2]

    rows = changed_rows(signed_in("Editor").get(compare_url(article, older, newer)).text)
    assert "Key points [en]" in rows and "Prices drop<ins> 20%</ins>." in rows
    assert "Key points [nl]" not in rows  # unchanged


def test_text_is_escaped():
    article, older, newer = two_revisions("Safe text.", body_en="<script>x</script>")
    html = signed_in("Editor").get(compare_url(article, older, newer)).text
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_word_diff_marks_whole_words():
    assert (
        str(word_diff("the quick fox", "the slow fox")) == "the <del>quick</del><ins>slow</ins> fox"
    )
    assert str(word_diff("", "new")) == "<ins>new</ins>"
    assert str(word_diff("a < b", "a < c")) == "a &lt; <del>b</del><ins>c</ins>"
    # A rewritten phrase reads as one deletion and one insertion.
    assert str(word_diff("1. Signal one for you.", "1. Streaming shortens the wait.")) == (
        "1. <del>Signal one for you</del><ins>Streaming shortens the wait</ins>."
    )


def test_history_offers_the_comparison_in_dutch():
    article, older, newer = two_revisions()
    client = signed_in("Writer")
    history = client.get(history_url(article), HTTP_ACCEPT_LANGUAGE="nl")
    assert history.status_code == 200
    assert 'name="from"' in history.text and 'name="to"' in history.text
    assert "Geselecteerde versies vergelijken" in history.text
    page = client.get(compare_url(article, older, newer), HTTP_ACCEPT_LANGUAGE="nl")
    assert "Titel [nl]" in page.text


class TestPermissions:
    def test_anonymous_and_non_staff_are_sent_to_login(self, client):
        article, older, newer = two_revisions()
        url = compare_url(article, older, newer)
        for visitor in (client, signed_in("Editor", is_staff=False)):
            response = visitor.get(url)
            assert response.status_code == 302
            assert reverse("admin:login") in response["Location"]

    def test_staff_without_view_permission_on_updates_is_refused(self):
        article, older, newer = two_revisions()
        response = signed_in(None).get(compare_url(article, older, newer))
        assert response.status_code == 403
        assert "Paragraph 1" not in response.text

    @pytest.mark.parametrize("role", ["Writer", "Translator", "Editor"])
    def test_every_desk_role_may_compare(self, role):
        article, older, newer = two_revisions(LONG_BODY, body_en=LONG_BODY + ADDED)
        assert signed_in(role).get(compare_url(article, older, newer)).status_code == 200


class TestBadInput:
    @pytest.mark.parametrize("query", ["", "?from=abc&to=1", "?from=1", "?from=999999&to=999998"])
    def test_missing_or_unknown_revisions_lead_back_to_the_history(self, query):
        article, _older, _newer = two_revisions()
        client = signed_in("Editor")
        response = client.get(compare_url(article) + query, follow=True)
        assert response.redirect_chain[-1][0] == history_url(article)
        assert "Choose two revisions of this update to compare." in response.text

    def test_revisions_of_another_update_are_refused(self):
        article, older, _newer = two_revisions()
        other, other_old, _ = two_revisions()
        response = signed_in("Editor").get(compare_url(article, older, other_old), follow=True)
        assert "Choose two revisions of this update to compare." in response.text

    def test_the_same_revision_twice(self):
        article, older, _newer = two_revisions()
        response = signed_in("Editor").get(compare_url(article, older, older), follow=True)
        assert "Choose two different revisions to compare." in response.text

    def test_unknown_update_is_404(self):
        url = reverse("admin:articles_article_compare", args=[999999])
        assert signed_in("Editor").get(url + "?from=1&to=2").status_code == 404
        assert not Article.objects.filter(pk=999999).exists()
