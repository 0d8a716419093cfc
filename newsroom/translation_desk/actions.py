"""“Machine-translate into the other language” on the updates changelist.

Wired into ``ArticleAdmin.actions`` (one line in articles/admin.py). The work runs on
the task queue (``tasks.machine_translate``); with a worker it finishes in the
background and the jobs admin shows what it did per update, and when the task has
already finished (the immediate backend) the same report is shown as messages.
"""

from django.contrib import admin, messages
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from .providers import get_provider
from .tasks import machine_translate


@admin.action(description=_("Machine-translate into the other language"), permissions=["change"])
def machine_translate_action(modeladmin, request, queryset):
    provider = get_provider()
    if not provider.enabled:
        modeladmin.message_user(request, provider.how_to_enable, messages.ERROR)
        return
    ids = list(queryset.values_list("pk", flat=True))
    result = machine_translate.enqueue(ids, request.user.pk, get_language() or "en")
    if result.status == TaskResultStatus.SUCCESSFUL:
        for entry in result.return_value["updates"]:
            level = messages.ERROR if entry["result"] == "error" else messages.SUCCESS
            modeladmin.message_user(request, f"“{entry['title']}”: {entry['message']}", level)
        return
    modeladmin.message_user(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            ngettext(
                "Machine translation of %(count)d update is queued.",
                "Machine translation of %(count)d updates is queued.",
                len(ids),
            )
            % {"count": len(ids)},
            reverse("admin:ops_job_changelist"),
            _("See what it did under background jobs."),
        ),
        messages.SUCCESS,
    )
