"""Counts of new reader feedback for the admin: on each update's page and on the index."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from ..models import Feedback

register = template.Library()

OVERVIEW_ITEMS = 5


def _may_view(context):
    request = context.get("request")
    return request is not None and request.user.has_perm("feedback.view_feedback")


@register.inclusion_tag("feedback/admin/update_count.html", takes_context=True)
def new_feedback_for_update(context, article):
    """“N new reader messages” on an update's change page, linking to the filtered list."""
    if article is None or article.pk is None or not _may_view(context):
        return {"show": False}
    query = {"article__id__exact": article.pk, "status__exact": Feedback.Status.NEW}
    return {
        "show": True,
        "count": Feedback.objects.about(article).new().count(),
        "url": reverse("admin:feedback_feedback_changelist") + "?" + urlencode(query),
    }


@register.inclusion_tag("feedback/admin/overview.html", takes_context=True)
def feedback_overview(context):
    """“What readers ask for” on the admin index: the new count and the latest messages."""
    if not _may_view(context):
        return {"show": False}
    new = Feedback.objects.new()
    changelist = reverse("admin:feedback_feedback_changelist")
    return {
        "show": True,
        "count": new.count(),
        "latest": list(new.select_related("article")[:OVERVIEW_ITEMS]),
        "url": changelist + "?" + urlencode({"status__exact": Feedback.Status.NEW}),
    }
