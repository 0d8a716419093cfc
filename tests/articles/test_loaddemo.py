"""``manage.py loaddemo``: a realistic bilingual demo newsroom, loaded idempotently, dev only."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from newsroom.articles import demo, workflow
from newsroom.articles.models import Article, Correction, StoryLink, TranslationState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    # The real hasher is slow on purpose; these tests are about the demo, not about hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def loaddemo():
    out = StringIO()
    call_command("loaddemo", stdout=out)
    return out.getvalue()


def row_counts():
    """Rows per model, for every model that has a table."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables
    }


def test_running_twice_gives_exactly_the_same_rows():
    loaddemo()
    counts = row_counts()
    articles = list(Article.objects.order_by("pk").values_list("pk", "version", "updated_at"))
    passwords = dict(User.objects.values_list("username", "password"))

    loaddemo()

    assert row_counts() == counts
    assert counts["articles.Article"] == len(demo.UPDATES)
    assert list(Article.objects.order_by("pk").values_list("pk", "version", "updated_at")) == (
        articles
    )
    assert dict(User.objects.values_list("username", "password")) == passwords


def test_second_run_is_a_handful_of_queries(django_assert_max_num_queries):
    loaddemo()
    with django_assert_max_num_queries(25):
        loaddemo()


def test_an_editors_changes_survive_the_next_run():
    loaddemo()
    article = Article.objects.get(slug_en=demo.NEXT_CHAPTER)
    Article.objects.filter(pk=article.pk).update(title_en="Edited by the editor")
    article.signals.all().delete()

    loaddemo()

    article.refresh_from_db()
    assert article.title_en == "Edited by the editor"
    assert not article.signals.exists()


def test_the_2026_amendment_follows_up_on_the_2025_agreement():
    loaddemo()
    amendment = Article.objects.get(slug_en=demo.AMENDED_AGREEMENT)
    agreement = Article.objects.get(slug_en=demo.NEXT_CHAPTER)

    link = amendment.outgoing_links.get(to_article=agreement)

    assert link.kind == StoryLink.Kind.FOLLOW_UP
    assert agreement.incoming_links.filter(from_article=amendment).exists()
    assert agreement.original_published_at.date().isoformat() == "2025-10-28"
    assert amendment.original_published_at.year == 2026


def test_translation_states_are_derived_as_promised():
    loaddemo()
    states = list(Article.objects.values_list("translation_state", flat=True))

    outdated = Article.objects.get(translation_state=TranslationState.OUTDATED)
    missing = Article.objects.get(translation_state=TranslationState.MISSING)

    assert states.count(TranslationState.OUTDATED) == 1
    assert states.count(TranslationState.MISSING) == 1
    assert states.count(TranslationState.MACHINE) >= 1
    assert outdated.slug_en == demo.OUTDATED_UPDATE
    assert [c.field for c in workflow.translation_changes(outdated)] == [demo.OUTDATED_FIELD]
    assert workflow.translation.derive_state(outdated) == TranslationState.OUTDATED
    assert missing.slug_en == demo.MISSING_UPDATE
    assert not missing.title_in(missing.target_language)
    assert missing.is_published()


def test_workflow_covers_dutch_sources_schedules_drafts_and_corrections():
    loaddemo()
    published = Article.objects.published()

    assert published.filter(source_language="nl").exists()
    assert Article.objects.scheduled().count() == 1
    assert Article.objects.in_review().exists()
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Correction.objects.filter(article__in=published).exists()
    assert published.filter(translation_machine_assisted=True).exists()
    assert len({a.source_id for a in published}) >= 4
    assert any(a.body_en.count("\n## ") + a.body_en.startswith("## ") >= 3 for a in published)


def test_published_updates_have_signals_in_both_languages_where_translated():
    loaddemo()
    published = Article.objects.published().prefetch_related("signals")
    assert published.count() >= 8

    for article in published:
        signals = list(article.signals.all())
        assert 1 <= len(signals) <= 5, article.slug_en
        assert all(getattr(s, f"text_{article.source_language}") for s in signals)
        if article.title_nl:
            assert all(s.text_nl for s in signals), article.slug_en
        if article.title_en:
            assert all(s.text_en for s in signals), article.slug_en
        assert article.tags.exists() and article.topics.exists(), article.slug_en
        assert article.source and article.original_url and article.original_published_at
        assert article.authors.exists()


def test_refuses_and_creates_nothing_when_demo_content_is_disabled(settings):
    settings.DEMO_CONTENT_ENABLED = False
    before = row_counts()

    with pytest.raises(CommandError, match="disabled"):
        loaddemo()

    assert row_counts() == before
    assert not User.objects.filter(username__in=demo.USERS).exists()


@pytest.mark.parametrize(
    ("username", "group"),
    [("editor", "Editor"), ("writer", "Writer"), ("translator", "Translator")],
)
def test_demo_users_are_in_their_group_and_can_use_the_admin(client, username, group):
    output = loaddemo()
    user = User.objects.get(username=username)

    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert (
        f"Demo {username} login: http://127.0.0.1:8000{reverse('admin:index')}  "
        f"user: {username}  password: {demo.DEMO_PASSWORD}"
    ) in output
    assert client.login(username=username, password=demo.DEMO_PASSWORD)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Newsroom" in response.content.decode()


def test_demo_updates_have_pictures_with_alt_text_credit_and_key_points(client):
    loaddemo()
    published = Article.objects.published()
    assert published.exists()
    for article in published:
        assert article.image, article.slug_en
        assert (article.image_width, article.image_height) == (1200, 675)
        written = [lang for lang in ("en", "nl") if article.title_in(lang)]
        for lang in written:
            assert getattr(article, f"image_alt_{lang}"), (article.slug_en, lang)
            assert getattr(article, f"image_credit_{lang}"), (article.slug_en, lang)
            points = [getattr(p, f"text_{lang}") for p in article.key_points.all()]
            assert 2 <= len(points) <= 6 and all(points), (article.slug_en, lang)
    update = Article.objects.get(slug_en=demo.NEXT_CHAPTER)
    html = client.get(update.get_absolute_url("nl")).content.decode()
    assert "Illustratie: Newsroom" in html and "Kernpunten" in html
    assert update.image_alt_nl in html


def test_the_partnership_thread_shows_as_one_timeline_on_each_of_its_updates(client):
    loaddemo()
    thread = [
        Article.objects.get(slug_en=slug)
        for slug in (demo.OUTDATED_UPDATE, demo.NEXT_CHAPTER, demo.AMENDED_AGREEMENT)
    ]
    for article in thread:
        html = client.get(article.get_absolute_url("en")).content.decode()
        timeline = html[html.index('id="timeline-heading"') :]
        timeline = timeline[: timeline.index("</section>")]
        positions = [timeline.index(escape(other.title_en)) for other in thread]
        assert positions == sorted(positions), article.slug_en
        assert timeline.count('aria-current="page"') == 1
