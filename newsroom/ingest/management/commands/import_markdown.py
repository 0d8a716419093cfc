from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from newsroom.articles.models import Source
from newsroom.ingest.models import ImportRun
from newsroom.ingest.services import import_markdown_files

from ._report import failure, report


class Command(BaseCommand):
    help = (
        "Import Markdown posts with YAML front matter (files or folders of *.md) as draft "
        "updates. The source is --source, or else found by each post's feed_url."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Markdown files or folders.")
        parser.add_argument("--source", help="The slug of the source for every file.")

    def handle(self, *args, paths, source=None, **options):
        source_obj = None
        if source:
            try:
                source_obj = Source.objects.get(slug=source)
            except Source.DoesNotExist as error:
                raise CommandError(_("There is no source with the slug “%s”.") % source) from error
        run = import_markdown_files(paths=paths, source=source_obj)
        report(self, run, verbosity=options["verbosity"], headline=False)
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(failure(run))
