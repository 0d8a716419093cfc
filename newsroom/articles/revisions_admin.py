"""The admin side of revision comparison (``revision_diff.py``).

``ArticleAdmin`` inherits ``RevisionCompareAdminMixin`` before ``VersionAdmin``: the
History page lists the revisions with a choice of two to compare, and
``<id>/history/compare/?from=<version>&to=<version>`` shows them field by field.
Staff with view permission on the update may compare; nothing here writes.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from reversion.models import Version

from . import revision_diff


class RevisionCompareAdminMixin:
    object_history_template = "admin/articles/article/object_history.html"
    revision_compare_template = "admin/articles/article/revision_compare.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.revision_compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def _versions(self, object_id):
        return (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision", "revision__user")
            .order_by("-revision__date_created", "-pk")
        )

    def history_view(self, request, object_id, extra_context=None):
        versions = list(self._versions(unquote(object_id)))
        info = self.opts.app_label, self.opts.model_name
        context = {
            "revisions": [
                {
                    "version": version,
                    "url": reverse(
                        "admin:{}_{}_revision".format(*info),
                        args=[quote(version.object_id), version.pk],
                    ),
                }
                for version in versions
            ],
            "compare_url": reverse("admin:{}_{}_compare".format(*info), args=[quote(object_id)]),
        }
        return super().history_view(request, object_id, context | (extra_context or {}))

    def revision_compare_view(self, request, object_id):
        obj = self.get_queryset(request).filter(pk=_int(unquote(object_id))).first()
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        info = self.opts.app_label, self.opts.model_name
        history_url = reverse("admin:{}_{}_history".format(*info), args=[quote(obj.pk)])

        chosen = [_int(request.GET.get(name)) for name in ("from", "to")]
        versions = {v.pk: v for v in self._versions(obj.pk).filter(pk__in=[c for c in chosen if c])}
        if any(pk not in versions for pk in chosen):
            messages.error(request, _("Choose two revisions of this update to compare."))
            return redirect(history_url)
        if chosen[0] == chosen[1]:
            messages.error(request, _("Choose two different revisions to compare."))
            return redirect(history_url)
        old, new = sorted(
            (versions[pk] for pk in chosen), key=lambda v: (v.revision.date_created, v.pk)
        )
        rows = revision_diff.compare(old, new)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare revisions: %(update)s") % {"update": obj},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "old": old,
            "new": new,
            "changed": [row for row in rows if row.changed],
            "unchanged": [row.label for row in rows if not row.changed],
            "history_url": history_url,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.revision_compare_template, context)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
