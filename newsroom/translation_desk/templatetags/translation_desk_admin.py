"""The translation counts on the admin index, linking into the dashboard."""

from django import template
from django.urls import reverse

from newsroom.articles.models import TranslationState

from ..dashboard import state_counts

register = template.Library()


@register.inclusion_tag("translation_desk/overview.html", takes_context=True)
def translation_overview(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not (
        user.has_perm("articles.change_article") or user.has_perm("articles.view_article")
    ):
        return {"show": False}
    counts = state_counts()
    return {
        "show": True,
        "url": reverse("translation_desk:dashboard"),
        "counts": [(state, label, counts[state]) for state, label in TranslationState.choices],
        "published_outdated": counts["published_outdated"],
    }
