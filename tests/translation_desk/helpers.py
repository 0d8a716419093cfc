from django.urls import reverse

from newsroom.articles import workflow
from newsroom.translation_desk.fields import desk_fields


def desk_url(article):
    return reverse("translation_desk:desk", args=[article.pk])


def desk_data(article, **overrides):
    """The desk form as the browser sends it: every translation as stored, plus overrides."""
    data = {field.key: field.target for field in desk_fields(article)}
    data |= {"version": article.version, "machine": ""}
    return data | overrides


def mark_reviewed(article, user):
    """Mark ``article``'s translation reviewed by ``user`` through the write path."""
    workflow.mark_translation_reviewed(article=article, user=user)


def refresh_state(article):
    """Store the derived translation state of an update changed with ``.update()`` in a test."""
    return workflow.refresh_translation_state(article)
