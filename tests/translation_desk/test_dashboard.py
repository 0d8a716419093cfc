"""The dashboard of every update's translation, and the counts on the admin index."""

import pytest
from django.urls import reverse
from django.utils import translation

from newsroom.articles.models import Article, TranslationProgress, TranslationState
from tests.articles.factories import make_article, make_topic, make_user

from .helpers import mark_reviewed, refresh_state

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/translations/"


def login(client, role):
    client.force_login(make_user(role))


@pytest.fixture
def updates():
    editor = make_user("Editor")
    missing = make_article(title_en="Missing one")
    draft = make_article(title_en="Draft one", title_nl="Concept")
    machine = make_article(title_en="Machine one", title_nl="Machine")
    Article.objects.filter(pk=machine.pk).update(translation_progress=TranslationProgress.MACHINE)
    refresh_state(Article.objects.get(pk=machine.pk))
    reviewed = make_article(title_en="Reviewed one", translated=True)
    mark_reviewed(reviewed, editor)
    outdated = make_article(title_en="Outdated draft", translated=True)
    mark_reviewed(outdated, editor)
    Article.objects.filter(pk=outdated.pk).update(title_en="Outdated draft, changed")
    refresh_state(Article.objects.get(pk=outdated.pk))
    live = make_article(title_en="Live and outdated", translated=True, published=True)
    mark_reviewed(live, editor)
    Article.objects.filter(pk=live.pk).update(
        title_en="Live and outdated, changed", summary_en="A new summary."
    )
    refresh_state(Article.objects.get(pk=live.pk))
    return {
        "missing": missing,
        "draft": draft,
        "machine": machine,
        "reviewed": reviewed,
        "outdated": outdated,
        "live": live,
    }


def test_dashboard_url():
    assert reverse("translation_desk:dashboard") == DASHBOARD


def test_anonymous_is_sent_to_login(client):
    assert client.get(DASHBOARD).status_code == 302


def test_staff_without_permissions_is_refused(client):
    login(client, None)
    assert client.get(DASHBOARD).status_code == 403


@pytest.mark.parametrize("role", ["Writer", "Translator", "Editor"])
def test_counts_per_state_and_published_outdated_first(client, updates, role):
    login(client, role)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    counts = {state: count for state, _label, count in response.context["counts"]}
    assert counts == {"missing": 1, "draft": 1, "machine": 1, "reviewed": 1, "outdated": 2}
    assert response.context["published_outdated"] == 1
    titles = [str(row["article"]) for row in response.context["rows"]]
    assert titles[0] == "Live and outdated, changed"
    assert titles[1] == "Outdated draft, changed"
    first = response.context["rows"][0]
    assert [change.field for change in first["changed"]] == ["title", "summary"]
    assert "2 fields" in response.text
    assert reverse("translation_desk:desk", args=[updates["live"].pk]) in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=machine", {"Machine one"}),
        ("state=missing", {"Missing one"}),
        ("attention=1", {"Live and outdated, changed"}),
        ("status=published", {"Live and outdated, changed"}),
        ("lang=nl", set()),
    ],
)
def test_filters(client, updates, query, expected):
    login(client, "Translator")
    response = client.get(f"{DASHBOARD}?{query}")
    assert {str(row["article"]) for row in response.context["rows"]} == expected


def test_topic_filter(client, updates):
    topic = make_topic(slug="agents")
    updates["draft"].topics.add(topic)
    login(client, "Translator")
    response = client.get(f"{DASHBOARD}?topic=agents")
    assert [str(row["article"]) for row in response.context["rows"]] == ["Draft one"]


def test_dashboard_in_dutch(client, updates):
    login(client, "Translator")
    with translation.override("nl"):
        response = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="nl")
    assert "gepubliceerd en verouderd" in response.text
    assert TranslationState.OUTDATED.label  # the labels come from the model's choices


def test_admin_index_shows_the_counts(client, updates):
    login(client, "Translator")
    response = client.get(reverse("admin:index"))
    assert 'id="translation-overview"' in response.text
    assert f'href="{DASHBOARD}?attention=1"' in response.text


def test_admin_index_hides_the_counts_without_permission(client):
    login(client, None)
    response = client.get(reverse("admin:index"))
    assert 'id="translation-overview"' not in response.text


def test_the_dashboard_does_not_grow_in_queries_with_its_rows(
    client, updates, django_assert_max_num_queries
):
    login(client, "Translator")
    client.get(DASHBOARD)  # sessions, permissions and the like are cached after this
    with django_assert_max_num_queries(20) as few:
        client.get(DASHBOARD)
    for _ in range(6):
        make_article(translated=True, signals=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(DASHBOARD)


def test_each_row_says_how_old_the_first_unreviewed_source_change_is(client):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from newsroom.articles import workflow

    article = make_article(translated=True, published=True, title_en="Changed a while ago")
    workflow.mark_translation_reviewed(article=article, user=make_user("Translator"))
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        workflow.save_edit(
            article=article, user=make_user("Editor"), version=None,
            changes={"summary_en": "Rewritten three days ago."},
        )  # fmt: skip
    login(client, "Translator")
    html = client.get(DASHBOARD).content.decode()
    assert "first change 3\xa0days ago" in html
    with translation.override("nl"):
        html = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "eerste wijziging 3\xa0dagen geleden" in html
