from django.core.management.base import BaseCommand, CommandError
from django.tasks import TaskResultStatus
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsroom.articles.models import Source
from newsroom.ingest.models import ImportRun
from newsroom.ingest.tasks import fetch_source, sweep_stale

from ._report import report


class Command(BaseCommand):
    help = (
        "Queue a fetch of every active source's feed; a task worker (manage.py db_worker) "
        "imports new items as drafts. Safe to run from cron. Import runs and jobs left "
        "running by a worker that died are marked failed first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", action="append", dest="slugs", help="Only this source (repeatable)."
        )

    def handle(self, *args, slugs=None, **options):
        sweep_stale()
        sources = Source.objects.filter(is_active=True).exclude(feed_url="")
        if slugs:
            sources = sources.filter(slug__in=slugs)
        failed = 0
        for source in sources:
            result = fetch_source.enqueue(source.pk, "poll_feeds")
            if result.status == TaskResultStatus.SUCCESSFUL and result.return_value["run"]:
                # The immediate backend ran it already: report it as it happened.
                run = ImportRun.objects.get(pk=result.return_value["run"])
                report(self, run, verbosity=options["verbosity"])
                failed += run.status == ImportRun.Status.FAILED
            elif result.status == TaskResultStatus.FAILED:
                self.stderr.write(_("%(source)s: the fetch failed.") % {"source": source})
                failed += 1
            elif options["verbosity"] >= 1:
                self.stdout.write(_("%(source)s: fetch queued.") % {"source": source})
        if failed:
            # Non-zero for cron and scripts; each failure was named above.
            raise CommandError(
                ngettext(
                    "%(count)d of %(total)d feeds failed.",
                    "%(count)d of %(total)d feeds failed.",
                    failed,
                )
                % {"count": failed, "total": len(sources)}
            )
