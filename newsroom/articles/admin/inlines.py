"""Inlines of the update change form. Which of their columns a user may change comes from
``workflow.permissions``; the workflow saves them (``adapter.rows_from_formsets``)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from newsroom.languages import LANGUAGE_CODES

from ..forms import KeyPointFormSet, SignalFormSet
from ..models import MAX_KEY_POINTS, MAX_SIGNALS, Correction, EditorialSignal, KeyPoint, StoryLink
from ..workflow import permissions


class WorkflowRowsMixin:
    """Read-only columns, and no adding or deleting, where the allow-list says so."""

    kind = None  # the related name on Article: "signals", "key_points", ...

    def _allowed(self, request, obj):
        if obj is None:
            return None
        return permissions.editable_row_fields(request.user, obj, self.kind)

    def get_readonly_fields(self, request, obj=None):
        allowed = self._allowed(request, obj)
        if allowed is None:
            return list(super().get_readonly_fields(request, obj))
        texts = permissions.RELATED_ROWS[self.kind]["texts"]
        columns = [
            f"{name}_{lang}" if name in texts else name
            for name in self.fields
            for lang in (LANGUAGE_CODES if name in texts else ("",))
        ]
        return [name for name in columns if name not in allowed]

    def has_add_permission(self, request, obj=None):
        return self._allowed(request, obj) is None and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request, obj) is None and super().has_delete_permission(request, obj)


class SignalInline(WorkflowRowsMixin, TranslationTabularInline):
    kind = "signals"
    model = EditorialSignal
    formset = SignalFormSet
    fields = ["position", "text"]
    extra = 0
    max_num = MAX_SIGNALS
    verbose_name = _("editorial signal")
    verbose_name_plural = _("Quick editorial signal (1 to 5 short bullets, in order)")

    def get_extra(self, request, obj=None, **kwargs):
        return 3 if obj is None else (0 if obj.signals.exists() else 3)


class KeyPointInline(WorkflowRowsMixin, TranslationTabularInline):
    kind = "key_points"
    model = KeyPoint
    formset = KeyPointFormSet
    fields = ["position", "text"]
    extra = 0
    max_num = MAX_KEY_POINTS
    verbose_name = _("key point")
    verbose_name_plural = _("Key points (none, or 2 to 6 in order, shown under the summary)")


class CorrectionInline(WorkflowRowsMixin, TranslationTabularInline):
    kind = "corrections"
    model = Correction
    fields = ["corrected_at", "text"]
    extra = 0
    verbose_name_plural = _("Corrections (dated notes shown to readers)")


class OutgoingLinkInline(WorkflowRowsMixin, admin.TabularInline):
    kind = "outgoing_links"
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
