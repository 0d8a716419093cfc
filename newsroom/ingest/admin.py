"""The import side of the admin: “Fetch now” on sources, their fetch state and import
log, the import log itself, and the import inbox of drafts nobody has edited yet.

Sources are registered by the articles app; this module re-registers them with
a subclass of its ``SourceAdmin`` (ingest comes after articles in INSTALLED_APPS).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from newsroom.articles.admin import SourceAdmin
from newsroom.articles.models import Article, Source

from . import services, tasks
from .models import FeedState, ImportedItem, ImportRun, ImportRunItem

FETCH_PERMISSION = "ingest.fetch_source"
RECENT_RUNS = 5


def _article_link(article):
    if article is None:
        return "—"
    return format_html(
        '<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[article.pk]), article
    )


def _run_link(run):
    return reverse("admin:ingest_importrun_change", args=[run.pk])


def _inbox_url(source=None):
    query = {"state": "waiting"}
    if source is not None:
        query["source__id__exact"] = source.pk
    return f"{reverse('admin:ingest_importeditem_changelist')}?{urlencode(query)}"


if admin.site.is_registered(Source):
    admin.site.unregister(Source)


@admin.register(Source)
class IngestSourceAdmin(SourceAdmin):
    change_form_template = "admin/ingest/source_change_form.html"
    list_display = [*SourceAdmin.list_display, "last_fetch"]
    list_filter = [*SourceAdmin.list_filter, "feed_state__last_result"]
    actions = [*(SourceAdmin.actions or []), "fetch_now"]
    readonly_fields = [*SourceAdmin.readonly_fields, "fetch_status", "import_log"]
    IMPORT_FIELDS = ("fetch_status", "import_log")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("feed_state")

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": _without(options["fields"], self.IMPORT_FIELDS)})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is None:
            return fieldsets
        return [*fieldsets, (_("Feed imports"), {"fields": list(self.IMPORT_FIELDS)})]

    @admin.display(description=_("last fetch"))
    def last_fetch(self, obj):
        state = _state(obj)
        if state is None or state.last_fetched_at is None:
            return _("never")
        return format_html(
            '<span class="fetch-result fetch-{}">{}</span><br><small>{}</small>',
            state.last_result,
            state.get_last_result_display(),
            _when(state.last_fetched_at),
        )

    @admin.display(description=_("last fetch"))
    def fetch_status(self, obj):
        state = _state(obj)
        if state is None or state.last_fetched_at is None:
            return _("This source has not been fetched yet.")
        return format_html(
            "<p><strong>{}</strong> · {}</p><p>{}</p>",
            state.get_last_result_display(),
            _when(state.last_fetched_at),
            state.last_message,
        )

    @admin.display(description=_("import log"))
    def import_log(self, obj):
        runs = list(obj.import_runs.all()[:RECENT_RUNS])
        waiting = ImportedItem.objects.waiting().filter(source=obj).count()
        links = format_html(
            '<p><a href="{}">{}</a> · <a href="{}">{}</a></p>',
            f"{reverse('admin:ingest_importrun_changelist')}?source__id__exact={obj.pk}",
            _("All import runs of this source"),
            _inbox_url(obj),
            _("Imported drafts not yet edited: %(count)d") % {"count": waiting},
        )
        if not runs:
            return links
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    _run_link(run),
                    _when(run.started_at),
                    run.get_status_display(),
                    services.summary_line(run),
                    run.message,
                )
                for run in runs
            ),
        )
        return format_html(
            '<table class="import-log"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>'
            "</tr></thead><tbody>{}</tbody></table>{}",
            _("started"),
            _("result"),
            _("items"),
            _("message"),
            rows,
            links,
        )

    # Fetching: the changelist action and the button on the change form.
    @admin.action(description=_("Fetch now"), permissions=["fetch"])
    def fetch_now(self, request, queryset):
        for source in queryset:
            self._fetch(request, source)

    def has_fetch_permission(self, request, obj=None):
        return request.user.has_perm(FETCH_PERMISSION)

    def _fetch(self, request, source):
        """Queue a fetch of ``source``; a worker runs it and the import log shows the run."""
        tasks.fetch_source.enqueue(source.pk, request.user.get_username())
        self.message_user(
            request,
            format_html(
                '{}: {} <a href="{}">{}</a>',
                source,
                _("fetching was queued. The import log shows the run when it ends."),
                reverse("admin:ops_job_changelist"),
                _("See the background jobs."),
            ),
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/fetch/",
                self.admin_site.admin_view(self.fetch_view),
                name="articles_source_fetch",
            ),
            *super().get_urls(),
        ]

    def fetch_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_fetch_permission(request):
            raise PermissionDenied
        source = get_object_or_404(Source, pk=pk)
        self._fetch(request, source)
        return HttpResponseRedirect(reverse("admin:articles_source_change", args=[pk]))

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_fetch"] = bool(obj and obj.feed_url and self.has_fetch_permission(request))
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


def _when(moment):
    return date_format(localtime(moment), "SHORT_DATETIME_FORMAT")


def _state(source):
    try:
        return source.feed_state
    except FeedState.DoesNotExist:
        return None


def _without(fields, names):
    return [field for field in fields if isinstance(field, list | tuple) or field not in names]


class ImportRunItemInline(admin.TabularInline):
    model = ImportRunItem
    fields = ["outcome", "title", "link", "message", "update"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description=_("update"))
    def update(self, obj):
        return _article_link(obj.article)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "started_at",
        "source",
        "kind",
        "status",
        "created_count",
        "updated_count",
        "unchanged_count",
        "skipped_count",
        "error_count",
        "short_message",
    ]
    list_filter = ["status", "kind", "source"]
    list_select_related = ["source"]
    date_hierarchy = "started_at"
    search_fields = ["location", "message", "items__title", "items__link"]
    inlines = [ImportRunItemInline]
    fields = [
        "source",
        "kind",
        "location",
        "trigger",
        "started_at",
        "finished_at",
        "status",
        "message",
        ("created_count", "updated_count", "unchanged_count", "skipped_count", "error_count"),
    ]
    readonly_fields = [f for f in fields if isinstance(f, str)] + [
        "created_count",
        "updated_count",
        "unchanged_count",
        "skipped_count",
        "error_count",
    ]

    @admin.display(description=_("message"))
    def short_message(self, obj):
        return obj.message if len(obj.message) <= 120 else obj.message[:119] + "…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class InboxStateFilter(admin.SimpleListFilter):
    """The inbox opens on what is waiting for an editor; the other states are a click away."""

    title = _("state")
    parameter_name = "state"
    DEFAULT = "waiting"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Imported, not yet edited")),
            ("edited", _("Edited since import")),
            ("moved_on", _("No longer a draft")),
            ("deleted", _("Update deleted")),
            ("all", _("All")),
        ]

    def value(self):
        return super().value() or self.DEFAULT

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == "waiting":
            return queryset.waiting()
        if value == "edited":
            return queryset.edited()
        if value == "moved_on":
            return queryset.exclude(article=None).exclude(article__status=Article.Status.DRAFT)
        if value == "deleted":
            return queryset.filter(article=None)
        return queryset


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = [
        "update",
        "source",
        "original_date",
        "first_imported_at",
        "state",
    ]
    list_display_links = None
    list_filter = [InboxStateFilter, "source"]
    list_select_related = ["article", "source"]
    search_fields = ["url", "guid", "article__original_title", "feed_name"]
    fields = [
        "update",
        "source",
        "url",
        "guid",
        "feed_name",
        "feed_url",
        "excerpt",
        "first_imported_at",
        "last_imported_at",
        "state",
    ]
    readonly_fields = fields

    class Media:
        css = {"all": ["ingest/admin.css"]}

    @admin.display(description=_("update"), ordering="article__original_title")
    def update(self, obj):
        return _article_link(obj.article)

    @admin.display(description=_("original publication date"))
    def original_date(self, obj):
        return obj.article.original_published_at if obj.article else None

    @admin.display(description=_("state"))
    def state(self, obj):
        if obj.article is None:
            return _("Update deleted")
        if obj.is_waiting():
            return _("Imported, not yet edited")
        if obj.article.status != Article.Status.DRAFT:
            return obj.article.get_status_display()
        return _("Edited since import")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
