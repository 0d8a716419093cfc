"""The editorial steps: submit, publish or schedule, unpublish, archive, review.

Each checks its permission and its rule, changes the update being edited, and says in
the revision comment what it did. They run inside ``session.editing()``, after the
action's field changes, so “Save and publish” is one action and one revision.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from newsroom.languages import info

from ..models import Status
from . import permissions, translation
from .revisions import when


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


def submit(edit):
    permissions.require(edit.user, "submit")
    article = edit.article
    if article.status != Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    _check_source_complete(article)
    article.status = Status.REVIEW
    edit.comment.step(_("Submitted for review."))


def publish(edit, at=None):
    """Publish now, or schedule for ``at`` (or for the update's own future publish time)."""
    permissions.require(edit.user, "publish")
    article = edit.article
    _check_source_complete(article)
    now = timezone.now()
    if at is None and article.is_published(now):
        at = article.publish_at  # already live: keep its publication date
    elif at is None:
        at = article.publish_at if article.publish_at and article.publish_at > now else now
    if article.status == Status.PUBLISHED and article.publish_at == at:
        return  # already published (or scheduled) for that time: nothing to do
    article.status = Status.PUBLISHED
    article.publish_at = at
    article.first_published_at = article.first_published_at or at
    edit.check_embargo = True
    if at <= now:
        edit.comment.step(_("Published."))
    else:
        edit.comment.step(_("Scheduled for %(when)s.") % {"when": when(at)})


def unpublish(edit):
    permissions.require(edit.user, "unpublish")
    article = edit.article
    if article.status != Status.PUBLISHED:
        raise ValidationError(_("This update is not published."))
    article.status = Status.DRAFT
    edit.comment.step(_("Unpublished."))


def archive(edit):
    permissions.require(edit.user, "archive")
    article = edit.article
    if article.status == Status.ARCHIVED:
        return
    article.status = Status.ARCHIVED
    edit.comment.step(_("Archived."))


def review(edit):
    """Mark the translation reviewed by the acting user, against the source as it is now."""
    permissions.require(edit.user, "review")
    article = edit.article
    target = info(article.target_language).name
    if not article.title_in(article.target_language):
        raise ValidationError(
            _("There is no %(language)s translation to review yet.") % {"language": target}
        )
    translation.mark_reviewed(
        article, edit.user, timezone.now(), translation.source_snapshot(article)
    )
    edit.comment.step(_("%(language)s translation marked reviewed.") % {"language": target})


STEPS = {"submit": submit, "publish": publish, "unpublish": unpublish, "archive": archive}
