"""``ArticleAdmin``: the change form, changelist, actions, preview and export of updates.

A thin adapter: reads the allow-list for read-only fields, and hands every save,
action, restore and delete to the workflow (``adapter``, ``newsroom.articles.workflow``).
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext, override
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from newsroom.languages import LANGUAGE_CODES
from newsroom.translation_desk.actions import machine_translate_action

from .. import workflow
from ..forms import ArticleAdminForm
from ..models import Article
from ..presence_admin import PresenceAdminMixin
from ..revisions_admin import RevisionCompareAdminMixin
from ..workflow import permissions
from . import adapter
from .filters import EmbargoFilter, TranslationStateFilter
from .inlines import (
    CorrectionInline,
    IncomingLinkInline,
    KeyPointInline,
    OutgoingLinkInline,
    SignalInline,
)
from .panels import UpdatePanels

# What the changelist's rows show (an update's texts are long: they are never read there).
LIST_COLUMNS = [
    "title_en",
    "title_nl",
    "source_language",
    "status",
    "publish_at",
    "embargo_until",
    "translation_state",
    "source",
]


class UpdateChangeList(ChangeList):
    def get_results(self, request):
        # Only the page of rows shown; actions and counts use the full queryset.
        self.queryset = self.queryset.only(*LIST_COLUMNS)
        super().get_results(request)


# Shown, never edited here: the workflow keeps them.
ALWAYS_READ_ONLY = [
    "status",
    "first_published_at",
    "translation_overview",
    "preview_links",
    "created_at",
    "updated_at",
]


@admin.register(Article)
class ArticleAdmin(
    PresenceAdminMixin,
    RevisionCompareAdminMixin,
    UpdatePanels,
    VersionAdmin,
    TabbedTranslationAdmin,
):
    form = ArticleAdminForm
    change_list_template = "admin/change_list.html"  # no “recover deleted updates” button
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
        EmbargoFilter,
        "source_language",
        "topics",
        "source",
        "tags",
        "publish_at",
    ]
    list_select_related = ["source"]
    # Fifty a page (WordPress shows twenty): each row is rendered by the admin's templates,
    # the costliest part of the page (docs/performance.md).
    list_per_page = 50
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
    readonly_fields = ALWAYS_READ_ONLY
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
            {
                "fields": [
                    "status",
                    "publish_at",
                    "embargo_until",
                    "first_published_at",
                    "preview_links",
                ]
            },
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

    def get_changelist(self, request, **kwargs):
        return UpdateChangeList

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin wraps the changelist (its bulk actions included) in one revision, into
        # which reversion merges the revision each workflow call opens: publishing ten
        # updates made one revision with the last one's comment. Each action records its
        # own revision per update (workflow.session), so that wrapper is skipped.
        return super(VersionAdmin, self).changelist_view(request, extra_context)

    def action_checkbox(self, obj):
        """Django's checkbox, written directly: its widget template cost a third of the
        changelist's rendering time (100 template renders a page)."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), str(obj)),
        )

    # The allow-list, shown: what this user may not change is read-only.
    def _form_columns(self):
        names = []
        for _name, opts in self.fieldsets:
            names.extend(opts["fields"])
        columns = []
        translated = permissions.TEXT_FIELDS
        for name in names:
            if name in translated:
                columns += [f"{name}_{lang}" for lang in LANGUAGE_CODES]
            else:
                columns.append(name)
        return columns

    def get_readonly_fields(self, request, obj=None):
        readonly = list(ALWAYS_READ_ONLY)
        probe = obj if obj is not None else Article(source_language="en")
        allowed = permissions.editable_fields(request.user, probe)
        if allowed is None:
            return readonly
        skip = set(readonly) | adapter.FORM_ONLY
        return readonly + [
            name for name in self._form_columns() if name not in skip and name not in allowed
        ]

    def get_prepopulated_fields(self, request, obj=None):
        # Prepopulating a read-only field is an admin error; only offer it where editable.
        readonly = set(self.get_readonly_fields(request, obj))
        if any(f"slug_{lang}" in readonly for lang in LANGUAGE_CODES):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not permissions.may_edit_source(request.user, obj):
            # A minor edit is about the source text, which this user cannot change.
            fieldsets = [
                (name, opts | {"fields": [f for f in opts["fields"] if f != "minor_edit"]})
                for name, opts in fieldsets
            ]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "_workflow_refusal", None)
        if refusal is not None:
            form = type(form.__name__, (form,), {"refusal": refusal.errors})
        return form

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("authors", [request.user.pk])
        return initial

    # Saving: the form and formsets validate input; the workflow saves, or refuses and
    # the same form is shown again with its reasons and everything typed.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except adapter.Refused as refused:
            request._workflow_refusal = refused
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        pass  # saved in save_related, with the inlines, as one workflow action

    def save_formset(self, request, form, formset, change):
        pass  # the workflow saves rows (adapter.rows_from_formsets)

    def save_related(self, request, form, formsets, change):
        result = adapter.save(request, form, formsets, add=not change)
        obj = form.instance
        for f in Article._meta.concrete_fields:
            setattr(obj, f.attname, getattr(result.article, f.attname))
        obj._state.adding = False
        request._workflow_result = result

    def construct_change_message(self, request, form, formsets, add=False):
        result = getattr(request, "_workflow_result", None)
        return result.comment if result is not None else ""

    def response_change(self, request, obj):
        self._step_message(request)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        self._step_message(request)
        return super().response_add(request, obj, post_url_continue)

    def _step_message(self, request):
        result = getattr(request, "_workflow_result", None)
        if result is not None and adapter.step_from_request(request):
            self.message_user(request, result.comment, messages.SUCCESS)

    def delete_model(self, request, obj):
        workflow.delete_update(article=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            workflow.delete_update(article=article, user=request.user)

    # History: restoring a revision is an editor's action through the workflow.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not permissions.can(request.user, "restore"):
            raise PermissionDenied
        if request.method != "POST":
            return super().revision_view(request, object_id, version_id, extra_context)
        article = get_object_or_404(Article, pk=object_id)
        try:
            result = workflow.restore_revision(
                article=article, user=request.user, version_id=int(version_id)
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, result.comment, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def recover_view(self, request, version_id, extra_context=None):
        raise PermissionDenied  # a deleted update is not brought back around the workflow

    def recoverlist_view(self, request, extra_context=None):
        raise PermissionDenied

    # Actions: each one workflow call per update, refusals reported per update.
    def _run_action(self, request, queryset, action, done_message):
        done, problems = 0, []
        for article in queryset:
            try:
                action(article=article, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", None) or [str(error)])
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
            workflow.submit_for_review,
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
            workflow.publish,
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
            workflow.unpublish,
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
            workflow.mark_translation_reviewed,
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
        return permissions.can(request.user, "publish")

    def has_review_permission(self, request):
        return permissions.can(request.user, "review")

    # Preview and export of any state, in either language.
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
        from ..export.views import staff_export

        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "back_url": reverse("admin:articles_article_change", args=[article.pk]),
        }
        with override(lang):
            return staff_export(request, article, lang, fmt, context=context)

    def preview_view(self, request, pk, lang):
        if lang not in LANGUAGE_CODES:
            raise Http404
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        from ..views import article_context

        with override(lang):
            context = article_context(article, lang, preview=True)
            response = TemplateResponse(request, "articles/article_detail.html", context)
            response.render()
        return response
