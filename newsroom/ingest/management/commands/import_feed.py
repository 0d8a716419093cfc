from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from newsroom.articles.models import Source
from newsroom.ingest.models import ImportRun
from newsroom.ingest.services import import_feed

from ._report import failure, report


class Command(BaseCommand):
    help = "Import an RSS or Atom feed (a URL or a file) as draft updates of a source."

    def add_arguments(self, parser):
        parser.add_argument("location", help="The feed's URL or a path to a feed file.")
        parser.add_argument("--source", required=True, help="The slug of the source.")

    def handle(self, *args, location, source, **options):
        try:
            source_obj = Source.objects.get(slug=source)
        except Source.DoesNotExist as error:
            raise CommandError(_("There is no source with the slug “%s”.") % source) from error
        run = import_feed(source=source_obj, location=location, trigger="import_feed")
        report(self, run, verbosity=options["verbosity"], headline=False)
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(failure(run))
