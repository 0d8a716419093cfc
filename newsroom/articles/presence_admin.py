"""The admin side of presence (``presence.py``): the notice on the change form and its heartbeat.

``ArticleAdmin`` inherits ``PresenceAdminMixin``; the form's template includes
``admin/articles/article/presence.html`` and ``static/js/presence.js`` sends the heartbeat.
Both endpoints answer POST only, are CSRF-checked, staff-only and never cached
(``admin_view`` adds ``never_cache`` and the login check), and check the user may view
this update.
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse

from . import presence


class PresenceAdminMixin:
    """Shows who else has an update open, and keeps the user's own presence alive."""

    @property
    def media(self):
        return super().media + forms.Media(js=["js/presence.js"])

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/presence/",
                self.admin_site.admin_view(self.presence_view),
                name="{}_{}_presence".format(*info),
            ),
            path(
                "<path:object_id>/presence/leave/",
                self.admin_site.admin_view(self.presence_leave_view),
                name="{}_{}_presence_leave".format(*info),
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            context["presence"] = self._presence_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _presence_context(self, request, obj):
        info = self.opts.app_label, self.opts.model_name
        visitors = presence.touch(article_pk=obj.pk, user=request.user)
        return {
            "others": [visitor.describe() for visitor in visitors],
            "url": reverse("admin:{}_{}_presence".format(*info), args=[obj.pk]),
            "leave_url": reverse("admin:{}_{}_presence_leave".format(*info), args=[obj.pk]),
            "heartbeat": presence.HEARTBEAT_SECONDS,
        }

    def _presence_object(self, request, object_id):
        try:
            obj = self.get_queryset(request).filter(pk=unquote(object_id)).first()
        except (ValueError, TypeError):
            obj = None
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def presence_view(self, request, object_id):
        """The heartbeat: record this user, answer with who else has the update open."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._presence_object(request, object_id)
        visitors = presence.touch(article_pk=obj.pk, user=request.user)
        return JsonResponse(
            {
                "others": [visitor.describe() for visitor in visitors],
                "heartbeat": presence.HEARTBEAT_SECONDS,
            }
        )

    def presence_leave_view(self, request, object_id):
        """The page was left: stop listing this user at once."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._presence_object(request, object_id)
        presence.leave(article_pk=obj.pk, user=request.user)
        return HttpResponse(status=204)
