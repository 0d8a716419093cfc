"""Changelist filters of the updates admin."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.languages import LANGUAGE_CODES, info

from ..models import TranslationState


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


class EmbargoFilter(admin.SimpleListFilter):
    title = _("embargo")
    parameter_name = "embargo"

    def lookups(self, request, model_admin):
        return [("active", _("Under embargo")), ("none", _("No embargo"))]

    def queryset(self, request, queryset):
        if self.value() == "active":
            return queryset.filter(embargo_until__gt=timezone.now())
        if self.value() == "none":
            return queryset.exclude(embargo_until__gt=timezone.now())
        return queryset
