from django.core.management.base import BaseCommand

from newsroom.articles.models import Source
from newsroom.ingest.services import poll_sources

from ._report import report


class Command(BaseCommand):
    help = (
        "Fetch the feed of every active source and import new items as drafts. "
        "Safe to run from cron: a broken feed is logged and the others go on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", action="append", dest="slugs", help="Only this source (repeatable)."
        )

    def handle(self, *args, slugs=None, **options):
        sources = Source.objects.filter(is_active=True).exclude(feed_url="")
        if slugs:
            sources = sources.filter(slug__in=slugs)
        for run in poll_sources(sources=sources):
            report(self, run, verbosity=options["verbosity"])
