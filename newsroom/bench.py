"""``make bench``: how fast the public pages render, and whether their SQL grows with content.

Runs against a scratch SQLite database (or ``BENCH_DATABASE_URL``) filled with the demo
content, then with ten times as many published updates. Prints, per page: SQL queries,
and requests per second with the page cache cleared (rendering) and warm (cache hits).
Figures only; nothing here passes or fails.
"""

import os
import sys
import tempfile
import time


def main():
    scratch = tempfile.mkdtemp(prefix="newsroom-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{scratch}/bench.sqlite3"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("NEWSROOM_DEMO_CONTENT", "1")

    import django

    django.setup()

    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    from newsroom.articles.models import Article

    client = Client()

    def pages():
        article = Article.objects.for_readers_in("nl").first()
        return {
            "home /en/": "/en/",
            "all updates /nl/updates/": "/nl/updates/",
            "update page (nl)": article.get_absolute_url("nl"),
            "search /en/search/?q=openai": "/en/search/?q=openai",
            "RSS /en/ feed": "/en/feeds/rss/",
        }

    def measure(label):
        print(f"\n{label}: {Article.objects.published().count()} published updates")
        print(f"{'page':34} {'queries':>8} {'cold req/s':>11} {'warm req/s':>11}")
        for name, url in pages().items():
            cache.clear()
            queries = []

            def count(run, sql, *args, queries=queries):
                queries.append(sql)
                return run(sql, *args)

            with connection.execute_wrapper(count):
                status = client.get(url).status_code
            if status != 200:
                print(f"{name:34} HTTP {status}")
                continue
            cold = rate(lambda u=url: (cache.clear(), client.get(u)))
            warm = rate(lambda u=url: client.get(u))
            print(f"{name:34} {len(queries):>8} {cold:>11.0f} {warm:>11.0f}")

    measure("Demo content")
    grow(Article, factor=10)
    measure("Ten times the demo content")


def rate(request, seconds=1.0):
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        request()
        count += 1
    return count / (time.perf_counter() - start)


def grow(article_model, factor):
    """Copy every published update (with signals, topics and tags) until there are ``factor``x."""
    from newsroom.articles.models import EditorialSignal
    from newsroom.articles.services import refresh_translation_state

    originals = list(
        article_model.objects.published().prefetch_related("signals", "topics", "tags")
    )
    for copy_number in range(1, factor):
        for original in originals:
            signals = list(original.signals.all())
            topics = list(original.topics.all())
            tags = list(original.tags.all())
            original.pk = None
            original.id = None
            original._state.adding = True
            for lang in ("en", "nl"):
                slug = getattr(original, f"slug_{lang}")
                if slug:
                    setattr(original, f"slug_{lang}", f"{slug.split('--')[0]}--{copy_number}")
            original.save()
            EditorialSignal.objects.bulk_create(
                EditorialSignal(
                    article=original, position=s.position, text_en=s.text_en, text_nl=s.text_nl
                )
                for s in signals
            )
            original.topics.set(topics)
            original.tags.set(tags)
            refresh_translation_state(original)


if __name__ == "__main__":
    sys.exit(main())
