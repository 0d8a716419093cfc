"""The editorial admin: updates with language tabs, signals, story links, revisions and roles.

Who may do what is decided by permissions (the Writer, Translator and Editor
groups are created by a migration) and checked on the server: actions are
limited by permission, fields a role may not change are read-only, and the
services re-check before they write.
"""

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from reversion.admin import VersionAdmin
from taggit.models import Tag as TaggitTag

from newsroom.languages import LANGUAGE_CODES, info
from newsroom.translation_desk.actions import machine_translate_action

from . import services
from .forms import ArticleAdminForm, KeyPointFormSet, SignalFormSet
from .models import (
    MAX_KEY_POINTS,
    MAX_SIGNALS,
    Article,
    Correction,
    EditorialSignal,
    KeyPoint,
    Source,
    StoryLink,
    Tag,
    TaggedArticle,
    Topic,
    TranslationProgress,
    TranslationState,
)
from .presence_admin import PresenceAdminMixin
from .revisions_admin import RevisionCompareAdminMixin

reversion.register(
    Article,
    exclude=["version", "translation_state"],
    follow=["signals", "key_points", "outgoing_links", "taggedarticle_set", "corrections"],
)
reversion.register(KeyPoint)
reversion.register(Correction)
reversion.register(EditorialSignal)
reversion.register(StoryLink)
reversion.register(TaggedArticle)

admin.site.site_header = _("Newsroom editorial admin")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Editorial desk")

if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)


class TranslationStateFilter(admin.SimpleListFilter):
    """“Dutch out of date”, “English missing”, …: the translation side of each update."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [
            (
                f"{lang}:{state.value}",
                _("%(language)s: %(state)s")
                % {"language": info(lang).name, "state": state.label.lower()},
            )
            for lang in LANGUAGE_CODES
            for state in TranslationState
        ]

    def queryset(self, request, queryset):
        if not self.value() or ":" not in self.value():
            return queryset
        lang, state = self.value().split(":", 1)
        if lang not in LANGUAGE_CODES or state not in TranslationState.values:
            return queryset
        return queryset.translation_in(lang, state)


class SignalInline(TranslationTabularInline):
    model = EditorialSignal
    formset = SignalFormSet
    fields = ["position", "text"]
    extra = 0
    max_num = MAX_SIGNALS
    verbose_name = _("editorial signal")
    verbose_name_plural = _("Quick editorial signal (1 to 5 short bullets, in order)")

    def get_extra(self, request, obj=None, **kwargs):
        return 3 if obj is None else (0 if obj.signals.exists() else 3)

    def get_readonly_fields(self, request, obj=None):
        if obj and not _may_edit_source(request.user, obj):
            return [f"text_{obj.source_language}", "position"]
        return []


class KeyPointInline(TranslationTabularInline):
    model = KeyPoint
    formset = KeyPointFormSet
    fields = ["position", "text"]
    extra = 0
    max_num = MAX_KEY_POINTS
    verbose_name = _("key point")
    verbose_name_plural = _("Key points (none, or 2 to 6 in order, shown under the summary)")

    def get_readonly_fields(self, request, obj=None):
        if obj and not _may_edit_source(request.user, obj):
            return [f"text_{obj.source_language}", "position"]
        return []


class CorrectionInline(TranslationTabularInline):
    model = Correction
    fields = ["corrected_at", "text"]
    extra = 0
    verbose_name_plural = _("Corrections (dated notes shown to readers)")


class OutgoingLinkInline(admin.TabularInline):
    model = StoryLink
    fk_name = "from_article"
    fields = ["kind", "to_article"]
    autocomplete_fields = ["to_article"]
    extra = 0
    verbose_name = _("story link")
    verbose_name_plural = _("Story thread: this update …")


class IncomingLinkInline(admin.TabularInline):
    model = StoryLink
    fk_name = "to_article"
    fields = ["from_article", "kind"]
    readonly_fields = ["from_article", "kind"]
    extra = 0
    can_delete = False
    verbose_name = _("story link to this update")
    verbose_name_plural = _("Story thread: other updates that link here")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _may_publish(user):
    return user.has_perm(services.PUBLISH_PERMISSION)


def _may_edit_source(user, article):
    """Writers and editors edit the source text; once published, only editors do."""
    if not user.has_perm(services.SOURCE_TEXT_PERMISSION):
        return False
    return _may_publish(user) or article.status != Article.Status.PUBLISHED


@admin.register(Article)
class ArticleAdmin(
    PresenceAdminMixin, RevisionCompareAdminMixin, VersionAdmin, TabbedTranslationAdmin
):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    inlines = [
        SignalInline,
        KeyPointInline,
        OutgoingLinkInline,
        IncomingLinkInline,
        CorrectionInline,
    ]
    list_display = [
        "__str__",
        "status_display",
        "translation_display",
        "source",
        "topic_list",
        "publish_at",
    ]
    list_filter = [
        "status",
        TranslationStateFilter,
        "source_language",
        "topics",
        "source",
        "tags",
        "publish_at",
    ]
    list_select_related = ["source"]
    # "12 results" for a filter, never "(100,000 total)": that count reads every update.
    show_full_result_count = False
    search_fields = [
        "title_en",
        "title_nl",
        "summary_en",
        "summary_nl",
        "original_url",
        "original_title",
    ]
    date_hierarchy = "created_at"
    autocomplete_fields = ["source", "topics", "authors"]
    actions = [
        "submit_for_review",
        "publish",
        "unpublish",
        "mark_translation_reviewed",
        machine_translate_action,
    ]
    readonly_fields = [
        "status",
        "first_published_at",
        "translation_overview",
        "preview_links",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            _("Content"),
            {
                "fields": [
                    "title",
                    "slug",
                    "relevance",
                    "summary",
                    "summary_machine_assisted",
                    "key_points_machine_assisted",
                    "body",
                ]
            },
        ),
        (_("Search and sharing"), {"fields": ["meta_description"]}),
        (_("Image"), {"fields": ["image", "image_alt", "image_credit"], "classes": ["collapse"]}),
        (_("Filing"), {"fields": ["source_language", "topics", "tags", "authors"]}),
        (
            _("Original source"),
            {
                "fields": [
                    "source",
                    "original_title",
                    "original_url",
                    "original_author",
                    "original_published_at",
                    "original_cached_at",
                    "original_text",
                ]
            },
        ),
        (
            _("Publishing"),
            {"fields": ["status", "publish_at", "first_published_at", "preview_links"]},
        ),
        (
            _("Translation"),
            {
                "fields": [
                    "translation_overview",
                    "translation_progress",
                    "translation_machine_assisted",
                ]
            },
        ),
        (None, {"fields": ["minor_edit", "edit_version"]}),
    ]
    prepopulated_fields = {"slug": ("title",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics")

    def get_prepopulated_fields(self, request, obj=None):
        # Prepopulating a read-only field is an admin error; only offer it where editable.
        if obj is not None and not _may_edit_source(request.user, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        user = request.user
        if not _may_publish(user):
            readonly += ["publish_at"]
        if obj is not None and not _may_edit_source(user, obj):
            lang = obj.source_language
            readonly += [f"{name}_{lang}" for name in (*Article.SOURCE_TEXT_FIELDS, "slug")]
            readonly += [
                "source_language",
                "summary_machine_assisted",
                "key_points_machine_assisted",
                "image",
                "source",
                "original_title",
                "original_url",
                "original_published_at",
                "topics",
                "tags",
                "authors",
            ]
        if not user.has_perm(services.REVIEW_PERMISSION):
            readonly += ["translation_progress"]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        progress = form.base_fields.get("translation_progress")
        if progress is not None and not request.user.has_perm(services.REVIEW_PERMISSION):
            progress.disabled = True
        return form

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("authors", [request.user.pk])
        return initial

    # Restoring a revision brings back old field values, but never an old edit
    # version: forms opened before the restore must still be refused as stale.
    # Restoring writes every field, read-only ones included, so only editors restore.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not _may_publish(request.user):
            raise PermissionDenied
        request._edit_version = (
            Article.objects.filter(pk=object_id).values_list("version", flat=True).first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not _may_publish(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        current = getattr(request, "_edit_version", None)
        if obj is not None and current is not None:
            Article.objects.filter(pk=obj.pk).update(version=current)
            obj.version = current
        return obj

    # Saving. The source snapshot taken before the save lets the translation state
    # tell a real source edit from a minor one.
    def save_model(self, request, obj, form, change):
        stored = Article.objects.get(pk=obj.pk) if change else None
        request._source_before = services.source_snapshot(stored or obj)
        request._progress_before = stored.translation_progress if stored else None
        obj.version = (obj.version or 0) + 1
        super().save_model(request, obj, form, change)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not _may_edit_source(request.user, obj):
            # A minor edit is about the source text, which this user cannot change.
            fieldsets = [
                (name, opts | {"fields": [f for f in opts["fields"] if f != "minor_edit"]})
                for name, opts in fieldsets
            ]
        return fieldsets

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        # Signals keep the order they were given in, numbered 1, 2, 3 …
        for model, rows in ((EditorialSignal, article.signals), (KeyPoint, article.key_points)):
            for number, row in enumerate(rows.order_by("position", "id"), start=1):
                if row.position != number:
                    model.objects.filter(pk=row.pk).update(position=number)
        progress = form.cleaned_data.get("translation_progress")
        reviewed = TranslationProgress.REVIEWED
        if progress == reviewed and request._progress_before != reviewed:
            try:
                services.mark_translation_reviewed(article=article, user=request.user)
            except ValidationError as error:
                article.translation_progress = request._progress_before or TranslationProgress.DRAFT
                Article.objects.filter(pk=article.pk).update(
                    translation_progress=article.translation_progress
                )
                self.message_user(request, " ".join(error.messages), messages.WARNING)
        services.record_edit(
            article=article,
            before=request._source_before,
            minor=form.cleaned_data.get("minor_edit", False),
        )

    def response_change(self, request, obj):
        self._workflow_buttons(request, obj)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self._workflow_buttons(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def _workflow_buttons(self, request, obj):
        """The “Save and submit for review” and “Save and publish” buttons."""
        step = None
        if "_submit_review" in request.POST:
            step = (services.submit_for_review, _("Submitted for review."))
        elif "_publish" in request.POST:
            step = (services.publish_article, _("Published."))
        if step is None:
            return
        action, done = step
        obj.refresh_from_db()
        try:
            action(article=obj, user=request.user)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            self.message_user(
                request,
                _("Your changes were saved, but: %(problem)s") % {"problem": text},
                messages.ERROR,
            )
        else:
            self.message_user(request, done, messages.SUCCESS)

    # Changelist columns.
    @admin.display(description=_("status"), ordering="status")
    def status_display(self, obj):
        if obj.is_scheduled():
            return _("Scheduled")
        return obj.get_status_display()

    @admin.display(description=_("translation"), ordering="translation_state")
    def translation_display(self, obj):
        return format_html(
            '<span class="translation-state translation-{}">{}: {}</span>',
            obj.translation_state,
            info(obj.target_language).name,
            obj.get_translation_state_display(),
        )

    @admin.display(description=_("topics"))
    def topic_list(self, obj):
        return ", ".join(str(topic) for topic in obj.topics.all())

    # Read-only panels on the change form.
    @admin.display(description=_("translation status"))
    def translation_overview(self, obj):
        if obj is None or not obj.pk:
            return _("Save the update first.")
        target = info(obj.target_language).name
        parts = [
            format_html(
                "<p><strong>{}</strong>: "
                '<span class="translation-state translation-{}">{}</span></p>',
                target,
                obj.translation_state,
                obj.get_translation_state_display(),
            )
        ]
        if obj.translation_reviewed_at:
            parts.append(
                format_html(
                    "<p>{}</p>",
                    _("Last reviewed %(when)s by %(who)s.")
                    % {
                        "when": formats.date_format(
                            timezone.localtime(obj.translation_reviewed_at), "DATETIME_FORMAT"
                        ),
                        "who": obj.translation_reviewed_by or "—",
                    },
                )
            )
        changes = services.changed_source_fields(obj)
        if changes:
            parts.append(
                format_html("<p>{}</p>", _("Changed in the source text since the review:"))
            )
            parts.append(
                format_html(
                    '<table class="source-changes"><thead><tr><th>{}</th><th>{}</th><th>{}</th>'
                    "</tr></thead><tbody>{}</tbody></table>",
                    _("field"),
                    _("when reviewed"),
                    _("now"),
                    format_html_join(
                        "",
                        "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                        (
                            (_field_label(c.field), _short(c.reviewed), _short(c.current))
                            for c in changes
                        ),
                    ),
                )
            )
        missing = [
            _field_label(name)
            for name in ("title", "relevance", "summary", "body")
            if getattr(obj, f"{name}_{obj.source_language}")
            and not getattr(obj, f"{name}_{obj.target_language}")
        ]
        if missing:
            parts.append(
                format_html(
                    "<p>{} {}</p>",
                    _("Not yet translated:"),
                    ", ".join(str(label) for label in missing),
                )
            )
        return format_html_join("", "{}", ((part,) for part in parts))

    @admin.display(description=_("preview"))
    def preview_links(self, obj):
        if obj is None or not obj.pk:
            return _("Save the update to preview it.")
        links = []
        for lang in LANGUAGE_CODES:
            name = info(lang).name
            links.append(
                (
                    reverse("admin:articles_article_preview", args=[obj.pk, lang]),
                    _("Preview in %(language)s") % {"language": name},
                    "",
                )
            )
            for fmt, label in (("docx", _("Word")), ("pdf", _("PDF"))):
                links.append(
                    (
                        reverse("admin:articles_article_export", args=[obj.pk, lang, fmt]),
                        _("%(format)s in %(language)s") % {"format": label, "language": name},
                        "download",
                    )
                )
        return format_html_join(
            " · ",
            '<a href="{}" target="_blank" rel="noopener" {}>{}</a>',
            ((url, attr, text) for url, text, attr in links),
        )

    # Actions: each checks its permission here and again in the service.
    def _run_action(self, request, queryset, service, done_message):
        done, problems = 0, []
        for article in queryset:
            try:
                service(article=article, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                problems.append(f"“{article}”: {text}")
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        for problem in problems:
            self.message_user(request, problem, messages.ERROR)

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._run_action(
            request,
            queryset,
            services.submit_for_review,
            lambda n: (
                ngettext(
                    "%(count)d update submitted for review.",
                    "%(count)d updates submitted for review.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Publish (or schedule) selected updates"), permissions=["publish"])
    def publish(self, request, queryset):
        self._run_action(
            request,
            queryset,
            services.publish_article,
            lambda n: (
                ngettext("%(count)d update published.", "%(count)d updates published.", n)
                % {"count": n}
            ),
        )

    @admin.action(description=_("Unpublish selected updates"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._run_action(
            request,
            queryset,
            services.unpublish_article,
            lambda n: (
                ngettext("%(count)d update unpublished.", "%(count)d updates unpublished.", n)
                % {"count": n}
            ),
        )

    @admin.action(description=_("Mark translation reviewed"), permissions=["review"])
    def mark_translation_reviewed(self, request, queryset):
        self._run_action(
            request,
            queryset,
            services.mark_translation_reviewed,
            lambda n: (
                ngettext(
                    "%(count)d translation marked reviewed.",
                    "%(count)d translations marked reviewed.",
                    n,
                )
                % {"count": n}
            ),
        )

    def has_publish_permission(self, request):
        return _may_publish(request.user)

    def has_review_permission(self, request):
        return request.user.has_perm(services.REVIEW_PERMISSION)

    # Preview of any state, in either language, as the public page shows it.
    def get_urls(self):
        return [
            path(
                "<int:pk>/preview/<str:lang>/",
                self.admin_site.admin_view(self.preview_view),
                name="articles_article_preview",
            ),
            path(
                "<int:pk>/export/<str:lang>.<str:fmt>",
                self.admin_site.admin_view(self.export_view),
                name="articles_article_export",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request, pk, lang, fmt):
        """Word or PDF of any update, drafts included, for staff who may see it."""
        if lang not in LANGUAGE_CODES:
            raise Http404
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        from .export.views import staff_export

        with override(lang):
            return staff_export(request, article, lang, fmt)

    def preview_view(self, request, pk, lang):
        if lang not in LANGUAGE_CODES:
            raise Http404
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        from .views import article_context

        with override(lang):
            context = article_context(article, lang, preview=True)
            response = TemplateResponse(request, "articles/article_detail.html", context)
            response.render()
        return response


def _field_label(name):
    if name == "signals":
        return _("quick editorial signal")
    if name == "key_points":
        return _("key points")
    return Article._meta.get_field(name).verbose_name


def _short(value, limit=160):
    if isinstance(value, list):
        value = " / ".join(value)
    value = str(value or "—")
    return value if len(value) <= limit else value[: limit - 1] + "…"


@admin.register(Source)
class SourceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "kind", "language", "homepage", "is_active", "update_count"]
    list_filter = ["kind", "language", "is_active"]
    search_fields = ["name_en", "name_nl", "slug", "homepage"]
    prepopulated_fields = {"slug": ("name_en",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(update_count=Count("articles"))

    @admin.display(description=_("updates"), ordering="update_count")
    def update_count(self, obj):
        return obj.update_count


@admin.register(Topic)
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "update_count"]
    search_fields = ["name_en", "name_nl", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(update_count=Count("articles", filter=Q(articles__status="published")))
        )

    @admin.display(description=_("published updates"), ordering="update_count")
    def update_count(self, obj):
        return obj.update_count


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_nl", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
