"""Moderation of reader feedback, for editors (the Editor group's permissions come from
migration 0002). A reader's words are never edited here: only the status changes."""

import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Feedback

CSV_FIELDS = ["id", "received_at", "status", "kind", "language", "useful", "update", "message"]
# A spreadsheet treats a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["received_at", "excerpt", "kind", "language", "update_link", "useful", "status"]
    list_display_links = ["received_at", "excerpt"]
    list_filter = [
        "status",
        "kind",
        "language",
        ("article", admin.RelatedOnlyFieldListFilter),
        ("received_at", admin.DateFieldListFilter),
        "useful",
        "likely_spam",
    ]
    list_select_related = ["article"]
    search_fields = ["message"]
    date_hierarchy = "received_at"
    list_per_page = 50
    fields = [
        "message",
        "kind",
        "useful",
        "language",
        "article",
        "received_at",
        "likely_spam",
        "status",
    ]
    readonly_fields = [f for f in fields if f != "status"]
    actions = ["mark_read", "mark_actioned", "mark_spam", "mark_new", "export_csv"]

    def has_add_permission(self, request):
        return False  # feedback only comes from readers

    def has_export_permission(self, request):
        return request.user.has_perm("feedback.export_feedback")

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return str(obj)

    @admin.display(description=_("update"), ordering="article")
    def update_link(self, obj):
        if obj.article is None:
            return "—"
        # Feedback stored before only live updates took it may name a draft with no
        # public address: link the update's admin page then.
        if obj.article.is_published():
            url = obj.article.get_absolute_url(obj.language)
        else:
            url = reverse("admin:articles_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article)

    def _set_status(self, request, queryset, status):
        changed = services.set_status(queryset=queryset, status=status)
        label = Feedback.Status(status).label
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked “%(status)s”.",
                "%(count)d messages marked “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark selected feedback as read"), permissions=["change"])
    def mark_read(self, request, queryset):
        self._set_status(request, queryset, Feedback.Status.READ)

    @admin.action(description=_("Mark selected feedback as actioned"), permissions=["change"])
    def mark_actioned(self, request, queryset):
        self._set_status(request, queryset, Feedback.Status.ACTIONED)

    @admin.action(description=_("Mark selected feedback as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(request, queryset, Feedback.Status.SPAM)

    @admin.action(description=_("Mark selected feedback as new"), permissions=["change"])
    def mark_new(self, request, queryset):
        self._set_status(request, queryset, Feedback.Status.NEW)

    @admin.action(description=_("Export selected feedback as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="feedback-{stamp}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow(CSV_FIELDS)
        for item in queryset.select_related("article").order_by("received_at", "id"):
            writer.writerow(
                [
                    item.pk,
                    timezone.localtime(item.received_at).isoformat(),
                    item.status,
                    item.kind,
                    item.language,
                    {True: "yes", False: "no"}.get(item.useful, ""),
                    csv_safe(item.article or ""),
                    csv_safe(item.message),
                ]
            )
        return response
