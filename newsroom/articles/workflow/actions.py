"""The entry points: one function per user action, each one transaction and one revision.

Keyword-only; each takes the acting ``user`` and checks, through ``permissions``, what
that user may do. They raise ``PermissionDenied``, ``ValidationError`` (a dict of
field errors where a field is to blame) or ``StaleEdit``; nothing is written then.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from reversion.models import Version

from ..caching import invalidate_public_pages
from ..models import (
    Article,
    EditorialSignal,
    KeyPoint,
    Status,
    Tag,
    TaggedArticle,
    TranslationProgress,
    TranslationState,
)
from . import permissions, publishing, translation
from .changes import KEPT_BY_WORKFLOW, Row, apply_changes, apply_rows
from .revisions import when
from .session import editing
from .text import normalise, same


def _apply(edit, *, changes, rows, minor, step, at, review):
    changes = dict(changes or {})
    progress = changes.pop("translation_progress", None)
    edit.minor = bool(minor) and permissions.may_edit_source(edit.user, edit.article)
    if edit.minor and edit.article.pk:
        edit.before = translation.source_snapshot(edit.article)
    apply_changes(edit, changes)
    if edit.article.pk is None:
        edit.article.save()  # a new update: its rows need it to exist
    for kind, kind_rows in (rows or {}).items():
        apply_rows(edit, kind, kind_rows)
    if progress == TranslationProgress.REVIEWED:
        # Choosing “Reviewed” reviews (again) unless it was reviewed and still current.
        stored = edit.article
        current = stored.translation_progress == progress and stored.translation_state == (
            TranslationState.REVIEWED
        )
        review = review or not current
    elif progress is not None:
        apply_changes(edit, {"translation_progress": progress})
    if review:
        publishing.review(edit)
    if step == "publish":
        publishing.publish(edit, at=at)
    elif step is not None:
        publishing.STEPS[step](edit)


def save_edit(
    *, article, user, version, changes=None, rows=None, minor=False, step=None, at=None,
    review=False,
):  # fmt: skip
    """Save a form: field ``changes`` ({column: value}), related ``rows``
    ({"signals": [Row, ...]}), then an optional next ``step`` ("submit", "publish",
    "unpublish", "archive") and/or the translation ``review``, all in one revision.

    ``version`` is the update's version when the form was opened; ``minor`` marks a
    source edit that keeps a reviewed translation reviewed (a typo fix).
    """
    with editing(user=user, article=article, version=version) as edit:
        _apply(edit, changes=changes, rows=rows, minor=minor, step=step, at=at, review=review)
    return edit.result


def create_update(*, user, changes, rows=None, step=None, at=None, review=False):
    """A new update from ``changes``; returns the ``Result`` with the saved update."""
    permissions.require(user, "create")
    with editing(user=user, new=Article()) as edit:
        _apply(edit, changes=changes, rows=rows, minor=False, step=step, at=at, review=review)
    return edit.result


def _step(step, *, article, user, **kwargs):
    with editing(user=user, article=article) as edit:
        if step == "review":
            publishing.review(edit)
        else:
            publishing.STEPS[step](edit, **kwargs)
    _refresh(article, edit.result.article)
    return edit.result


def _refresh(article, fresh):
    """Callers keep using the object they passed in: give it the stored state."""
    if article is not fresh:
        for f in Article._meta.concrete_fields:
            setattr(article, f.attname, getattr(fresh, f.attname))


def submit_for_review(*, article, user):
    return _step("submit", article=article, user=user)


def publish(*, article, user, at=None):
    """Publish now, or schedule for ``at``; refused before an embargo ends."""
    return _step("publish", article=article, user=user, at=at)


def unpublish(*, article, user):
    return _step("unpublish", article=article, user=user)


def archive(*, article, user):
    return _step("archive", article=article, user=user)


def mark_translation_reviewed(*, article, user):
    return _step("review", article=article, user=user)


def delete_update(*, article, user):
    permissions.require(user, "delete")
    with transaction.atomic():
        locked = Article.objects.select_for_update().filter(pk=article.pk).first()
        if locked is None:
            return
        was_public = locked.status == Status.PUBLISHED
        locked.delete()
        if was_public:
            transaction.on_commit(invalidate_public_pages)


# Fields a restore brings back: the content, never the publication or review state.
NOT_RESTORED = KEPT_BY_WORKFLOW | {"publish_at", "embargo_until", "translation_progress"}


def restore_revision(*, article, user, version_id):
    """Bring back the content of an earlier revision (fields, signals, key points, tags)."""
    permissions.require(user, "restore")
    version = (
        Version.objects.get_for_object(article).select_related("revision").filter(pk=version_id)
    ).first()
    if version is None:
        raise ValidationError(_("That version of this update does not exist."))
    # django-reversion keys a foreign key by its column ("source_id", "article_id").
    old = version.field_dict
    changes = {}
    opts = Article._meta
    for f in (*opts.concrete_fields, *opts.many_to_many):
        key = getattr(f, "attname", f.name)
        if f.name in NOT_RESTORED or key not in old:
            continue
        if f.name == "tags" or f.name in permissions.TEXT_FIELDS:
            continue  # tags below; translated fields by their per-language columns
        changes[f.name] = old[key]
    others = version.revision.version_set.exclude(pk=version.pk)
    rows = {}
    for kind, model in (("signals", EditorialSignal), ("key_points", KeyPoint)):
        kept = [
            v.field_dict
            for v in others.filter(content_type=ContentType.objects.get_for_model(model))
            if v.field_dict.get("article_id") == article.pk
        ]
        current = set(getattr(article, kind).values_list("pk", flat=True))
        wanted = {d["id"] for d in kept}
        # "text" is modeltranslation's language-less field: the per-language columns count.
        rows[kind] = [Row(pk=pk, delete=True) for pk in current - wanted] + [
            Row(
                pk=d["id"] if d["id"] in current else None,
                values={k: v for k, v in d.items() if k not in ("id", "article_id", "text")},
            )
            for d in kept
        ]
    tag_ids = [
        v.field_dict["tag_id"]
        for v in others.filter(content_type=ContentType.objects.get_for_model(TaggedArticle))
        if v.field_dict.get("content_object_id") == article.pk
    ]
    with editing(user=user, article=article) as edit:
        apply_changes(edit, changes)
        for kind, kind_rows in rows.items():
            apply_rows(edit, kind, kind_rows)
        apply_changes(edit, {"tags": list(Tag.objects.filter(pk__in=tag_ids))})
        edit.comment.step(
            _("Restored the version saved on %(when)s.")
            % {"when": when(version.revision.date_created)}
        )
    return edit.result


# Imports: the ingest app makes and refreshes drafts; there is no user behind them.


def create_imported_draft(*, changes, tags, comment):
    """A draft from an imported item (``changes``: columns), with ``comment`` as its history."""
    with editing(user=None, new=Article(status=Status.DRAFT)) as edit:
        _apply_as_import(edit, changes, tags)
        edit.comment.step(comment)
    return edit.result.article


def refresh_imported_draft(*, article, version, changes, tags, comment):
    """Refresh a draft nobody has edited since it was imported (``version`` as imported)."""
    with editing(user=None, article=article, version=version) as edit:
        if edit.article.status != Status.DRAFT:
            raise ValidationError(_("Only a draft is refreshed from its source."))
        _apply_as_import(edit, changes, tags)
        if edit.comment.changed:
            edit.comment.step(comment)
    return edit.result


def _apply_as_import(edit, changes, tags):
    """``changes``: columns ingest keeps (title, summary, original_*); ``tags``: Tag rows."""
    article = edit.article
    for name, value in changes.items():
        value = normalise(value) if isinstance(value, str) else value
        if not same(getattr(article, name), value):
            setattr(article, name, value)
            edit.comment.field(name)
    wanted = sorted(tag.pk for tag in tags)
    if wanted != (sorted(t.pk for t in article.tags.all()) if article.pk else []):
        edit.m2m.append(lambda: article.tags.set(tags))
        edit.comment.field("tags")
