"""Sources, topics and tags: plain admin models (renaming one refreshes public pages,
see ``signals``)."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from ..models import Source, Tag, Topic


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
