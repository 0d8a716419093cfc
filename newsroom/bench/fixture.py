"""The benchmark's content: N updates with realistic bilingual text, built with bulk inserts.

This is a benchmark fixture, not an editorial write: it fills a throwaway database that
``make bench`` drops afterwards, so it inserts rows with ``bulk_create`` instead of going
through the workflow module (which saves one update, with a revision, at a time). Nothing
in the app calls it.

What it makes, deterministically (seeded): 40 sources, 12 topics, 300 tags whose use
follows a Zipf curve (a few very popular ones), N updates (80% written in English, 20% in
Dutch; translations reviewed, machine-assisted, out of date, draft or missing; 95%
published over three years, the rest drafts, in review or scheduled), 2-4 signals, 2-5
tags and 1-3 topics each, story links to earlier updates, corrections on one in twenty,
and 50,000 reader feedback rows.
"""

import itertools
import random
import time
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

BATCH = 2_000
FEEDBACK_ROWS = 50_000
TAG_COUNT = 300
SEED = 11

WORDS = {
    "en": [
        "model",
        "agent",
        "API",
        "release",
        "pricing",
        "token",
        "context",
        "window",
        "latency",
        "benchmark",
        "developer",
        "coding",
        "assistant",
        "open",
        "weights",
        "fine-tuning",
        "inference",
        "GPU",
        "cluster",
        "safety",
        "evaluation",
        "retrieval",
        "embedding",
        "vector",
        "database",
        "prompt",
        "caching",
        "batch",
        "streaming",
        "function",
        "calling",
        "tool",
        "use",
        "reasoning",
        "multimodal",
        "vision",
        "speech",
        "translation",
        "license",
        "policy",
        "regulation",
        "research",
        "paper",
        "dataset",
        "training",
        "compute",
        "partnership",
        "enterprise",
        "customer",
        "platform",
        "workflow",
        "integration",
        "plugin",
        "editor",
        "terminal",
        "repository",
        "review",
        "test",
        "deployment",
        "outage",
        "rate",
        "limit",
        "quota",
        "migration",
        "deprecation",
        "version",
        "preview",
        "general",
        "availability",
        "startup",
        "funding",
        "acquisition",
        "hardware",
        "chip",
        "memory",
        "energy",
        "datacenter",
        "open",
        "source",
        "community",
        "contributor",
        "maintainer",
        "documentation",
        "tutorial",
        "guide",
        "example",
    ],
    "nl": [
        "model",
        "agent",
        "API",
        "uitgave",
        "prijzen",
        "token",
        "contextvenster",
        "vertraging",
        "benchmark",
        "ontwikkelaar",
        "programmeerassistent",
        "open",
        "gewichten",
        "bijtrainen",
        "inferentie",
        "GPU",
        "cluster",
        "veiligheid",
        "evaluatie",
        "ophalen",
        "inbedding",
        "vectordatabase",
        "prompt",
        "caching",
        "batch",
        "streaming",
        "functieaanroep",
        "gereedschap",
        "redeneren",
        "multimodaal",
        "beeld",
        "spraak",
        "vertaling",
        "licentie",
        "beleid",
        "regelgeving",
        "onderzoek",
        "artikel",
        "dataset",
        "training",
        "rekenkracht",
        "samenwerking",
        "bedrijf",
        "klant",
        "platform",
        "werkwijze",
        "koppeling",
        "plug-in",
        "editor",
        "terminal",
        "repository",
        "beoordeling",
        "test",
        "uitrol",
        "storing",
        "limiet",
        "quotum",
        "migratie",
        "uitfasering",
        "versie",
        "preview",
        "beschikbaarheid",
        "startup",
        "financiering",
        "overname",
        "hardware",
        "chip",
        "geheugen",
        "energie",
        "datacentrum",
        "opensource",
        "gemeenschap",
        "bijdrager",
        "beheerder",
        "documentatie",
        "handleiding",
        "voorbeeld",
    ],
}
GLUE = {
    "en": [
        "the",
        "a",
        "new",
        "for",
        "with",
        "and",
        "of",
        "to",
        "in",
        "on",
        "now",
        "more",
        "than",
        "faster",
        "cheaper",
        "better",
    ],
    "nl": [
        "de",
        "het",
        "een",
        "nieuw",
        "voor",
        "met",
        "en",
        "van",
        "naar",
        "in",
        "op",
        "nu",
        "meer",
        "dan",
        "sneller",
        "goedkoper",
        "beter",
    ],
}
SOURCE_LANGUAGES = ["en"] * 4 + ["nl"]
# (progress, state, share) of the translation side.
TRANSLATIONS = [
    ("reviewed", "reviewed", 50),
    ("machine", "machine", 15),
    ("reviewed", "outdated", 10),
    ("draft", "draft", 10),
    ("draft", "missing", 15),
]
STATUSES = [("published", 95), ("draft", 2), ("review", 2), ("scheduled", 1)]


class Text:
    """Seeded, varied sentences in each language, with a Zipf-like vocabulary."""

    def __init__(self, rng):
        self.rng = rng
        self.cum_weights = {
            lang: list(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(words))))
            for lang, words in WORDS.items()
        }

    def words(self, lang, count):
        picked = self.rng.choices(WORDS[lang], cum_weights=self.cum_weights[lang], k=count)
        glue = GLUE[lang]
        return [
            word if i % 3 else f"{self.rng.choice(glue)} {word}" for i, word in enumerate(picked)
        ]

    def sentence(self, lang, count=12):
        words = self.words(lang, count)
        return " ".join(words).capitalize() + "."

    def paragraph(self, lang, sentences=4):
        return " ".join(self.sentence(lang, self.rng.randint(8, 18)) for _ in range(sentences))

    def body(self, lang):
        heading = "## " + self.sentence(lang, 4).rstrip(".")
        return "\n\n".join(
            [self.paragraph(lang), heading, self.paragraph(lang), self.paragraph(lang, 3)]
        )


def weighted(rng, table):
    return rng.choices([row[:-1] for row in table], [row[-1] for row in table])[0]


def build(updates, *, stdout):  # noqa: C901  (one linear recipe)
    """Fill the current (empty, migrated) database with ``updates`` updates and the rest."""
    from django.contrib.auth.models import User

    from newsroom.articles.models import (
        Article,
        Correction,
        EditorialSignal,
        Source,
        StoryLink,
        Tag,
        TaggedArticle,
        Topic,
    )
    from newsroom.feedback.models import Feedback

    rng = random.Random(SEED)
    text = Text(rng)
    now = timezone.now()
    clock = time.perf_counter()

    def say(line):
        stdout.write(f"{time.perf_counter() - clock:6.1f} s  {line}\n")
        stdout.flush()

    User.objects.create_superuser("bench", "bench@example.invalid", "bench-password-not-secret")
    sources = Source.objects.bulk_create(
        Source(
            name_en=f"Source {n}",
            name_nl=f"Bron {n}",
            slug=f"source-{n}",
            homepage=f"https://source{n}.example/",
            language="nl" if n % 5 == 0 else "en",
        )
        for n in range(40)
    )
    topics = Topic.objects.bulk_create(
        Topic(
            name_en=" ".join(text.words("en", 2)).title()[:100] + f" {n}",
            name_nl=" ".join(text.words("nl", 2)).title()[:100] + f" {n}",
            slug=f"topic-{n}",
            description_en=text.sentence("en"),
            description_nl=text.sentence("nl"),
        )
        for n in range(12)
    )
    tags = Tag.objects.bulk_create(
        Tag(name=f"tag {n}", name_en=f"tag {n}", name_nl=f"label {n}", slug=f"tag-{n}")
        for n in range(TAG_COUNT)
    )
    tag_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(TAG_COUNT)))
    topic_weights = list(itertools.accumulate(1 / (rank + 1) ** 0.5 for rank in range(12)))
    search_indexes = _drop_search_indexes()

    say(f"Inserting {updates} updates")
    span = timedelta(days=3 * 365)
    made = 0
    for start in range(0, updates, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, updates)):
            source_language = rng.choice(SOURCE_LANGUAGES)
            target = "nl" if source_language == "en" else "en"
            progress, state = weighted(rng, TRANSLATIONS)
            (status,) = weighted(rng, STATUSES)
            publish_at = now - span * (1 - n / updates) - timedelta(minutes=rng.randint(0, 600))
            if status == "scheduled":
                status, publish_at = "published", now + timedelta(days=rng.randint(1, 30))
            elif status in ("draft", "review"):
                publish_at = None
            values = {}
            for lang in (source_language, target):
                if lang == target and state == "missing":
                    continue
                title = text.sentence(lang, rng.randint(5, 10)).rstrip(".")
                values |= {
                    f"title_{lang}": title[:200],
                    f"slug_{lang}": f"{slugify(title)[:180]}-{n}",
                    f"relevance_{lang}": text.sentence(lang, 8)[:200],
                    f"summary_{lang}": text.paragraph(lang, 2),
                    f"body_{lang}": text.body(lang),
                    f"meta_description_{lang}": text.sentence(lang, 10)[:160],
                }
            batch.append(
                Article(
                    source_language=source_language,
                    status=status,
                    publish_at=publish_at,
                    first_published_at=publish_at if status == "published" else None,
                    source=rng.choice(sources),
                    original_url=f"https://source.example/items/{n}",
                    original_title=values[f"title_{source_language}"],
                    translation_progress=progress,
                    translation_state=state,
                    translation_machine_assisted=state == "machine",
                    translation_reviewed_at=publish_at if progress == "reviewed" else None,
                    **values,
                )
            )
        with transaction.atomic():
            articles = Article.objects.bulk_create(batch)
            EditorialSignal.objects.bulk_create(
                EditorialSignal(
                    article=article,
                    position=position,
                    text_en=text.sentence("en", 9)[:200] if article.title_en else "",
                    text_nl=text.sentence("nl", 9)[:200] if article.title_nl else "",
                )
                for article in articles
                for position in range(rng.randint(2, 4))
            )
            TaggedArticle.objects.bulk_create(
                TaggedArticle(content_object=article, tag=tag)
                for article in articles
                for tag in set(rng.choices(tags, cum_weights=tag_weights, k=rng.randint(2, 5)))
            )
            Through = Article.topics.through
            Through.objects.bulk_create(
                Through(article=article, topic=topic)
                for article in articles
                for topic in set(
                    rng.choices(topics, cum_weights=topic_weights, k=rng.randint(1, 3))
                )
            )
            links = []
            for article in articles:
                if article.pk > 1 and rng.random() < 0.2:
                    earlier = rng.randint(max(1, article.pk - 500), article.pk - 1)
                    kind = rng.choice(["follow_up", "update", "background", "related"])
                    links.append(StoryLink(from_article=article, to_article_id=earlier, kind=kind))
            StoryLink.objects.bulk_create(links, ignore_conflicts=True)
            Correction.objects.bulk_create(
                Correction(
                    article=article,
                    text_en=text.sentence("en") if article.title_en else "",
                    text_nl=text.sentence("nl") if article.title_nl else "",
                    corrected_at=now,
                )
                for article in articles
                if rng.random() < 0.05
            )
        made += len(articles)
        say(f"  {made} updates")

    say("Re-creating the search indexes")
    _create_indexes(search_indexes)
    first, last = Article.objects.order_by("pk").values_list("pk", flat=True)[:1][0], made
    say(f"Inserting {FEEDBACK_ROWS} feedback rows")
    for start in range(0, FEEDBACK_ROWS, BATCH * 5):
        Feedback.objects.bulk_create(
            Feedback(
                message=text.sentence(rng.choice(["en", "nl"]), 20),
                kind=rng.choice(list(Feedback.Kind.values)),
                useful=rng.choice([True, False, None]),
                language=rng.choice(["en", "nl"]),
                article_id=first + rng.randrange(last) if rng.random() < 0.8 else None,
                received_at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 365)),
                status=rng.choice(list(Feedback.Status.values)),
            )
            for _ in range(min(BATCH * 5, FEEDBACK_ROWS - start))
        )
    if connection.vendor == "postgresql":
        say("VACUUM ANALYZE")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    say("Done")


def _drop_search_indexes():
    """Drop the GIN indexes for the load (one CREATE INDEX afterwards is many times faster
    than updating them row by row); returns their definitions to re-create."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles_article' "
            "AND indexdef LIKE '%%USING gin%%'"
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    return [definition for _name, definition in indexes]


def _create_indexes(definitions):
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        for definition in definitions:
            cursor.execute(definition)


def main(argv):
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    django.setup()
    started = time.perf_counter()
    build(int(argv[1]), stdout=sys.stdout)
    print(f"Built in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    import sys

    main(sys.argv)
