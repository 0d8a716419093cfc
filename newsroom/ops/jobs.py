"""Jobs left behind: a worker that dies (killed, host lost) leaves its job "running".

``fail_stale_jobs`` marks such jobs failed after ``NEWSROOM_STALE_JOB_SECONDS``, so the
admin never shows a job running forever. The worker pass and ``poll_feeds`` call it.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

STALE_EXCEPTION = "newsroom.ops.jobs.WorkerLost"


class WorkerLost(Exception):
    """The worker running a job stopped before the job finished."""


def stale_before(now=None):
    return (now or timezone.now()) - timedelta(seconds=settings.NEWSROOM_STALE_JOB_SECONDS)


def fail_stale_jobs(*, now=None):
    """Mark jobs running since before the stale limit failed; returns how many."""
    now = now or timezone.now()
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=stale_before(now)
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=STALE_EXCEPTION,
        traceback=(
            f"{STALE_EXCEPTION}: the worker stopped before the job finished "
            f"(still running after {settings.NEWSROOM_STALE_JOB_SECONDS} s).\n"
        ),
    )
