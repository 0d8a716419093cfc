"""Writes that change the editorial state of an update.

Each function is keyword-only, checks permissions itself (the admin is not the
only caller), saves a revision with the acting user, and leaves the derived
translation state correct. Views and admin actions call these; they never set
``status`` or ``translation_state`` themselves.
"""

from dataclasses import dataclass

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from newsroom.languages import info

from .models import Article, Status, TranslationProgress, TranslationState

PUBLISH_PERMISSION = "articles.publish_article"
REVIEW_PERMISSION = "articles.review_translation"
SOURCE_TEXT_PERMISSION = "articles.edit_source_text"


@dataclass(frozen=True)
class FieldChange:
    field: str
    reviewed: object
    current: object


def source_snapshot(article):
    """The source-language text of ``article``, as a translation is reviewed against it."""
    lang = article.source_language
    snapshot = {
        name: getattr(article, f"{name}_{lang}") or "" for name in Article.SOURCE_TEXT_FIELDS
    }
    for related in ("signals", "key_points"):
        rows = getattr(article, related).all() if article.pk else []
        snapshot[related] = [getattr(row, f"text_{lang}") or "" for row in rows]
    return snapshot


def changed_source_fields(article):
    """Source fields that changed since the translation was reviewed, with both versions."""
    if not article.reviewed_source:
        return []
    current = source_snapshot(article)
    changes = []
    for name, value in current.items():
        reviewed = article.reviewed_source.get(name, [] if isinstance(value, list) else "")
        if value != reviewed:
            changes.append(FieldChange(name, reviewed, value))
    return changes


def derive_translation_state(article):
    if not article.title_in(article.target_language):
        return TranslationState.MISSING
    if article.translation_progress == TranslationProgress.REVIEWED:
        if changed_source_fields(article):
            return TranslationState.OUTDATED
        return TranslationState.REVIEWED
    if article.translation_progress == TranslationProgress.MACHINE:
        return TranslationState.MACHINE
    return TranslationState.DRAFT


def refresh_translation_state(article):
    """Store the derived translation state so listings can filter on it."""
    state = derive_translation_state(article)
    if state != article.translation_state:
        article.translation_state = state
        Article.objects.filter(pk=article.pk).update(translation_state=state)
    return state


def fill_missing_slugs(article):
    """Give every language that has a title a slug, unless an editor typed one."""
    for lang in (article.source_language, article.target_language):
        title = article.title_in(lang)
        if title and not article.slug_in(lang):
            setattr(article, f"slug_{lang}", slugify(title)[:200] or None)


def record_edit(*, article, before, minor=False):
    """Bring the translation state up to date after ``article`` (and its signals) were saved.

    ``before`` is ``source_snapshot()`` taken before the edit. A minor edit (a typo
    fix) moves the reviewed text along with it, so it does not make the
    translation out of date; a field that was already out of date stays so.
    """
    after = source_snapshot(article)
    if minor and article.reviewed_source and before != after:
        reviewed = dict(article.reviewed_source)
        for name, old in before.items():
            if after.get(name) != old and reviewed.get(name) == old:
                reviewed[name] = after[name]
        article.reviewed_source = reviewed
        Article.objects.filter(pk=article.pk).update(reviewed_source=reviewed)
    return refresh_translation_state(article)


def _save_with_revision(article, user, comment, fields):
    with transaction.atomic(), reversion.create_revision():
        article.version += 1
        article.save(update_fields=[*fields, "version", "updated_at"])
        reversion.set_user(user)
        reversion.set_comment(comment)


def require_permission(user, perm):
    if not user.has_perm(perm):
        raise PermissionDenied(_("You do not have permission to do this."))


def submit_for_review(*, article, user):
    require_permission(user, "articles.change_article")
    if article.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    _check_source_complete(article)
    article.status = Status.REVIEW
    _save_with_revision(article, user, _("Submitted for review."), ["status"])


def _check_source_complete(article):
    lang = article.source_language
    name = info(lang).name
    errors = []
    if not article.title_in(lang):
        errors.append(
            _("The title in %(language)s (the source language) is missing.") % {"language": name}
        )
    if not any(getattr(s, f"text_{lang}") for s in article.signals.all()):
        errors.append(
            _("Add at least one editorial signal in %(language)s before review.")
            % {"language": name}
        )
    if errors:
        raise ValidationError(errors)


def publish_article(*, article, user, at=None):
    """Publish now, or schedule for ``at`` (or for the update's own future publish time)."""
    require_permission(user, PUBLISH_PERMISSION)
    _check_source_complete(article)
    now = timezone.now()
    if at is None and article.is_published(now):
        at = article.publish_at  # already live: keep its publication date
    elif at is None:
        at = article.publish_at if article.publish_at and article.publish_at > now else now
    fill_missing_slugs(article)
    article.status = Status.PUBLISHED
    article.publish_at = at
    article.first_published_at = article.first_published_at or at
    comment = _("Published.") if at <= now else _("Scheduled for %(when)s.") % {"when": at}
    fields = ["status", "publish_at", "first_published_at", "slug_en", "slug_nl"]
    _save_with_revision(article, user, comment, fields)


def unpublish_article(*, article, user):
    require_permission(user, PUBLISH_PERMISSION)
    if article.status != Status.PUBLISHED:
        raise ValidationError(_("This update is not published."))
    article.status = Status.DRAFT
    _save_with_revision(article, user, _("Unpublished."), ["status"])


def archive_article(*, article, user):
    require_permission(user, PUBLISH_PERMISSION)
    article.status = Status.ARCHIVED
    _save_with_revision(article, user, _("Archived."), ["status"])


def mark_translation_reviewed(*, article, user):
    require_permission(user, REVIEW_PERMISSION)
    target = article.target_language
    if not article.title_in(target):
        raise ValidationError(
            _("There is no %(language)s translation to review yet.")
            % {"language": info(target).name}
        )
    article.reviewed_source = source_snapshot(article)
    article.translation_progress = TranslationProgress.REVIEWED
    article.translation_reviewed_at = timezone.now()
    article.translation_reviewed_by = user
    article.translation_state = derive_translation_state(article)
    fields = [
        "reviewed_source",
        "translation_progress",
        "translation_reviewed_at",
        "translation_reviewed_by",
        "translation_state",
    ]
    _save_with_revision(
        article,
        user,
        _("%(language)s translation marked reviewed.") % {"language": info(target).name},
        fields,
    )
