"""Applying a user's field values and related rows to the update being edited.

A value equal to the stored one (texts compared normalised) is no change: nothing is
written, nothing is checked, nothing lands in the revision comment. Everything else is
checked against the allow-list (``permissions``) before it is applied.
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext as _

from ..models import MAX_KEY_POINTS, MAX_SIGNALS, MIN_KEY_POINTS, Article
from . import permissions
from .text import normalise, same

# Never set from outside: the workflow keeps them.
KEPT_BY_WORKFLOW = {
    "id",
    "status",
    "version",
    "translation_state",
    "translation_reviewed_at",
    "translation_reviewed_by",
    "reviewed_source",
    "source_changed_at",
    "first_published_at",
    "created_at",
    "updated_at",
    "image_width",
    "image_height",
}


@dataclass
class Row:
    """One related row as submitted: ``pk`` None for a new one."""

    pk: int | None = None
    values: dict = field(default_factory=dict)
    delete: bool = False


def _field(name):
    try:
        return Article._meta.get_field(name)
    except FieldDoesNotExist:
        raise ValidationError(_("Unknown field: %(name)s") % {"name": name}) from None


def apply_changes(edit, changes):
    article, user = edit.article, edit.user
    # The source language first: it decides which text columns are the source side.
    ordered = sorted(changes.items(), key=lambda item: item[0] != "source_language")
    for name, value in ordered:
        if name in KEPT_BY_WORKFLOW:
            raise ValidationError(_("Unknown field: %(name)s") % {"name": name})
        model_field = _field(name)
        if name == "tags":
            _apply_tags(edit, value)
        elif model_field.many_to_many:
            _apply_m2m(edit, name, value)
        elif isinstance(model_field, models.FileField):
            _apply_file(edit, name, model_field, value)
        else:
            current = getattr(article, model_field.attname if model_field.is_relation else name)
            new = value.pk if model_field.is_relation and hasattr(value, "pk") else value
            if same(current, new):
                continue
            permissions.require_field(user, article, name)
            setattr(
                article,
                model_field.attname if model_field.is_relation else name,
                normalise(new) if isinstance(new, str) else new,
            )
            edit.comment.field(name)
            if name.startswith("slug_"):
                edit.typed_slugs.add(name)
            if name in ("publish_at", "embargo_until"):
                edit.check_embargo = True


def _apply_m2m(edit, name, value):
    article = edit.article
    wanted = {getattr(v, "pk", v) for v in (value or [])}
    current = set(getattr(article, name).values_list("pk", flat=True)) if article.pk else set()
    if wanted == current:
        return
    permissions.require_field(edit.user, article, name)
    edit.comment.field(name)
    edit.m2m.append(lambda: getattr(article, name).set(list(wanted)))


def _apply_tags(edit, value):
    """Tags as names (the admin's tag field, parsed by taggit) or as Tag rows."""
    article = edit.article
    value = list(value or [])
    if all(hasattr(v, "pk") for v in value):
        wanted = sorted(v.pk for v in value)
        current = sorted(t.pk for t in article.tags.all()) if article.pk else []
    else:
        value = [n for n in (normalise(getattr(v, "name", v)) for v in value) if n]
        wanted = sorted(value)
        current = sorted(t.name for t in article.tags.all()) if article.pk else []
    if wanted == current:
        return
    permissions.require_field(edit.user, article, "tags")
    edit.comment.field("tags")
    edit.m2m.append(lambda: article.tags.set(value))


def _apply_file(edit, name, model_field, value):
    if value is None:  # the form's “no new file”
        return
    article = edit.article
    if value is False:  # “clear”
        if not getattr(article, name):
            return
        value = ""
    elif (
        not isinstance(value, UploadedFile)  # the stored file, or a name
        and getattr(value, "name", value) == getattr(article, name).name
    ):
        return
    permissions.require_field(edit.user, article, name)
    model_field.save_form_data(article, value)
    edit.comment.field(name)


def apply_rows(edit, kind, rows):
    """Apply submitted related rows (signals, key points, corrections, story links)."""
    article, user = edit.article, edit.user
    manager = getattr(article, kind)
    model = manager.model
    allowed = permissions.editable_row_fields(user, article, kind)
    existing = {row.pk: row for row in manager.all()}
    changed = False
    for row in rows:
        obj = existing.get(row.pk) if row.pk is not None else None
        if row.pk is not None and obj is None:
            raise ValidationError(_("A row of this update was removed by someone else; reload."))
        if row.delete:
            if obj is None:
                continue
            _require_whole_rows(allowed)
            obj.delete()
            changed = True
            continue
        values = {k: (normalise(v) if isinstance(v, str) else v) for k, v in row.values.items()}
        if obj is None:
            if not any(v not in (None, "") for k, v in values.items() if k != "position"):
                continue  # an empty extra form
            _require_whole_rows(allowed)
            if "position" in values and values["position"] is None:
                values["position"] = 10_000  # after the others, then renumbered
            obj = model(**{manager.field.name: article}, **values)
            obj.full_clean()
            obj.save()
            changed = True
            continue
        dirty = [k for k, v in values.items() if not same(getattr(obj, k), v)]
        if not dirty:
            continue
        for name in dirty:
            if allowed is not None and name not in allowed:
                raise PermissionDenied(_("You may not change this part of the update."))
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
        changed = True
    if kind in ("signals", "key_points") and changed:
        _renumber(manager)
        _check_count(kind, manager.count())
    if changed:
        edit.comment.rows_changed(kind)
    return changed


def _require_whole_rows(allowed):
    if allowed is not None:
        raise PermissionDenied(_("You may not add or remove this part of the update."))


def _renumber(manager):
    """Rows keep the order they were given in, numbered 1, 2, 3 …"""
    for number, row in enumerate(manager.order_by("position", "id"), start=1):
        if row.position != number:
            row.position = number
            row.save(update_fields=["position"])


def _check_count(kind, count):
    if kind == "signals" and count > MAX_SIGNALS:
        raise ValidationError(
            _("An update has at most %(count)d editorial signals.") % {"count": MAX_SIGNALS}
        )
    if kind == "key_points" and count and not MIN_KEY_POINTS <= count <= MAX_KEY_POINTS:
        raise ValidationError(
            _("An update has no key points, or between %(low)d and %(high)d of them.")
            % {"low": MIN_KEY_POINTS, "high": MAX_KEY_POINTS}
        )
