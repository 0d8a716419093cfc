"""The operations app's view of other apps' rows: background jobs in the task queue.

``Job`` is a proxy of django-tasks-db's result row so the admin can show the queue
with our own (translated) names and permissions; the rows are written only by the
task backend and its worker, and by ``jobs.fail_stale_jobs``.
"""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class Job(DBTaskResult):
    class Meta:
        proxy = True
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
