"""Import work that runs on the task queue, never inside a web request.

“Fetch now” in the admin and ``poll_feeds`` enqueue ``fetch_source`` once per source;
a worker (``manage.py db_worker``) runs it and the import log shows the run. Arguments
and return values are plain JSON (ids and strings), as the database backend stores them.
"""

from django.tasks import task

from newsroom.articles.models import Source
from newsroom.ops.jobs import fail_stale_jobs

from . import services


@task
def fetch_source(source_id: int, trigger: str = "") -> dict:
    """Fetch one source's feed and import it; returns the import run's id and status."""
    sweep_stale()
    source = Source.objects.filter(pk=source_id).first()
    if source is None:
        return {"run": None, "status": "source_deleted"}
    run = services.import_feed(source=source, trigger=trigger)
    return {"run": run.pk, "status": run.status}


def sweep_stale():
    """Fail jobs and import runs that a dead worker left “running”."""
    fail_stale_jobs()
    services.fail_stale_runs()
