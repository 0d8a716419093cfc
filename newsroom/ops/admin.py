"""Background jobs in the admin: what is queued, running, failed and finished.

The task backend's own admin is replaced by this one, which names things in the
reader's language and is read-only (the worker writes the rows).
"""

import json

from django.contrib import admin
from django.tasks import TaskResultStatus
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from .models import Job

STATES = {
    TaskResultStatus.READY: _("Queued"),
    TaskResultStatus.RUNNING: _("Running"),
    TaskResultStatus.FAILED: _("Failed"),
    TaskResultStatus.SUCCESSFUL: _("Finished"),
}

if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


class JobStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return list(STATES.items())

    def queryset(self, request, queryset):
        if self.value() in STATES:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["job", "state", "queued_at", "started", "finished", "arguments"]
    list_filter = [JobStateFilter]
    ordering = ["-enqueued_at"]
    search_fields = ["task_path", "exception_class_path"]
    fields = [
        "job",
        "state",
        "arguments",
        "queued_at",
        "started",
        "finished",
        "workers",
        "result",
        "error",
    ]
    readonly_fields = fields

    @admin.display(description=_("job"), ordering="task_path")
    def job(self, obj):
        return obj.task_path.rsplit(".", 1)[-1] if obj.task_path else "—"

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj):
        return format_html(
            '<span class="job-state job-{}">{}</span>',
            obj.status.lower(),
            STATES.get(obj.status, obj.status),
        )

    @admin.display(description=_("queued"), ordering="enqueued_at")
    def queued_at(self, obj):
        return _when(obj.enqueued_at)

    @admin.display(description=_("started"), ordering="started_at")
    def started(self, obj):
        return _when(obj.started_at)

    @admin.display(description=_("finished"), ordering="finished_at")
    def finished(self, obj):
        return _when(obj.finished_at)

    @admin.display(description=_("arguments"))
    def arguments(self, obj):
        data = obj.args_kwargs or {}
        parts = [json.dumps(arg, ensure_ascii=False) for arg in data.get("args", [])]
        parts += [
            f"{name}={json.dumps(value, ensure_ascii=False)}"
            for name, value in data.get("kwargs", {}).items()
        ]
        text = ", ".join(parts)
        return text if len(text) <= 120 else text[:119] + "…"

    @admin.display(description=_("workers"))
    def workers(self, obj):
        return ", ".join(obj.worker_ids or []) or "—"

    @admin.display(description=_("result"))
    def result(self, obj):
        if obj.return_value is None:
            return "—"
        return format_html(
            "<pre>{}</pre>", json.dumps(obj.return_value, ensure_ascii=False, indent=2)
        )

    @admin.display(description=_("error"))
    def error(self, obj):
        if not obj.traceback:
            return "—"
        return format_html("<pre>{}</pre>", obj.traceback)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _when(moment):
    return date_format(localtime(moment), "SHORT_DATETIME_FORMAT") if moment else "—"
