from django import template

from ..forms import FeedbackForm

register = template.Library()


@register.simple_tag
def feedback_form(article=None):
    """An empty feedback form for the box under ``article``; no tokens, so it can be cached."""
    return FeedbackForm(initial={"update": article.pk if article else None}, auto_id="feedback-%s")
