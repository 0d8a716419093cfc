"""Preview links in the admin: who made which, until when, and revoking them."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import PreviewLink

CHANGE_PERMISSION = "articles.change_article"


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    list_display = ["article", "language", "note", "created_by", "expires_at", "state"]
    list_filter = ["language"]
    list_select_related = ["article", "created_by"]
    search_fields = ["note", "article__title_en", "article__title_nl"]
    autocomplete_fields = ["article"]
    fields = ["article", "language", "note", "expires_at", "address", "state", "created_by"]
    readonly_fields = ["address", "state", "created_by"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:  # a made link keeps its update and language
            return [*self.readonly_fields, "article", "language"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("address"))
    def address(self, obj):
        if obj is None or not obj.pk:
            return _("Shown once the link is saved.")
        url = self._request.build_absolute_uri(obj.get_absolute_url())
        return format_html('<a href="{0}" target="_blank" rel="noopener">{0}</a>', url)

    @admin.display(description=_("state"))
    def state(self, obj):
        if obj.revoked_at:
            return _("revoked")
        return _("works") if obj.is_active() else _("expired")

    @admin.action(description=_("Revoke the selected preview links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d link revoked.", "%(count)d links revoked.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def changeform_view(self, request, *args, **kwargs):
        self._request = request
        return super().changeform_view(request, *args, **kwargs)

    # Whoever may change updates may share and revoke previews of them.
    def has_module_permission(self, request):
        return request.user.has_perm(CHANGE_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(CHANGE_PERMISSION)

    def has_add_permission(self, request):
        return request.user.has_perm(CHANGE_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(CHANGE_PERMISSION)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(CHANGE_PERMISSION)
