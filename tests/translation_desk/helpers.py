from django.urls import reverse

from newsroom.translation_desk.fields import desk_fields


def desk_url(article):
    return reverse("translation_desk:desk", args=[article.pk])


def desk_data(article, **overrides):
    """The desk form as the browser sends it: every translation as stored, plus overrides."""
    data = {field.key: field.target for field in desk_fields(article)}
    data |= {"version": article.version, "machine": ""}
    return data | overrides
