"""A stand-in for ``newsroom.articles.workflow`` (issue 8) until it lands on main.

DELETE THIS MODULE when the workflow package exists: ``writes.py`` imports the real one
first. It offers exactly the calls the desk uses, with the same names and arguments,
built on today's ``articles.services`` so the desk can be tested before the workflow is
merged. Nothing else imports it.
"""

from dataclasses import dataclass, field

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from newsroom.articles import services
from newsroom.articles.models import Article, Correction, EditorialSignal, KeyPoint

FieldChange = services.FieldChange
_ROW_MODELS = {"signals": EditorialSignal, "key_points": KeyPoint, "corrections": Correction}


class StaleEdit(ValidationError):
    pass


@dataclass(frozen=True)
class Row:
    pk: int
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    article: Article
    comment: str


def source_snapshot(article):
    return services.source_snapshot(article)


def translation_changes(article):
    return services.changed_source_fields(article)


def save_edit(
    *, article, user, version, changes=None, rows=None, minor=False, step=None, review=False
):
    if not user.has_perm("articles.change_article"):
        raise PermissionDenied(_("You do not have permission to do this."))
    if review and not user.has_perm(services.REVIEW_PERMISSION):
        raise PermissionDenied(_("You do not have permission to do this."))
    changes = dict(changes or {})
    if changes.get("translation_progress") == "reviewed" and not review:
        raise ValidationError("A translation is marked reviewed only with review=True.")
    with transaction.atomic():
        stored = Article.objects.select_for_update().get(pk=article.pk)
        if stored.version != version:
            raise StaleEdit(_("Someone saved this update after you opened it."))
        before = services.source_snapshot(stored)
        with reversion.create_revision():
            for name, value in changes.items():
                setattr(stored, name, value)
            stored.version += 1
            stored.save(update_fields=[*changes, "version", "updated_at"])
            for related, items in (rows or {}).items():
                model = _ROW_MODELS[related]
                for row in items:
                    model.objects.filter(pk=row.pk, article=stored).update(**row.values)
            reversion.set_user(user)
            reversion.set_comment(_("Translation edited at the translation desk."))
        services.record_edit(article=stored, before=before)
        if review:
            services.mark_translation_reviewed(article=stored, user=user)
    fresh = Article.objects.get(pk=article.pk)
    return Result(article=fresh, comment="")


def mark_translation_reviewed(*, article, user):
    services.mark_translation_reviewed(article=article, user=user)
