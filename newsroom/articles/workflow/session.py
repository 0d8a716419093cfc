"""``editing()``: the frame every write runs in.

One transaction, one locked row, one version check, one revision with one comment,
and the public page cache retired after commit when readers could notice the change.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..caching import invalidate_public_pages
from ..models import Article, Status
from . import slugs, translation
from .revisions import Comment, when


class StaleEdit(ValidationError):
    """The form was opened on an older version than the one now stored."""


@dataclass
class Result:
    article: Article
    comment: str
    changed: list = field(default_factory=list)


class Edit:
    """What one action is doing to one update; the steps and changes record into it."""

    def __init__(self, article, user, *, created=False):
        self.article = article
        self.user = user
        self.comment = Comment()
        self.comment.created = created
        self.before = None  # the source text before a minor edit (taken only for those)
        self.was_public = article.status == Status.PUBLISHED and not created
        self.minor = False
        self.typed_slugs = set()
        self.check_embargo = False
        self.m2m = []  # (callable) applied once the row exists

    def finish(self):
        article = self.article
        if not self.comment.changed:
            return Result(article, str(self.comment))
        if article.pk is None:
            article.version = 1
            article.save()
        for apply in self.m2m:
            apply()
        for column in slugs.fill_and_check(article, typed=self.typed_slugs):
            if not self.comment.created:
                self.comment.field(column)
        self._check_embargo()
        after = translation.source_snapshot(article)
        if self.minor and self.before is not None:
            translation.carry_minor_edit(article, self.before, after)
        translation.note_change_times(article, after, timezone.now())
        article.translation_state = translation.derive_state(article, after)
        if not self.comment.created:
            article.version = F("version") + 1
        article.save()
        article.refresh_from_db(fields=["version", "updated_at"])
        reversion.set_user(self.user)
        reversion.set_comment(str(self.comment))
        if self.was_public or article.status == Status.PUBLISHED:
            transaction.on_commit(invalidate_public_pages)
        return Result(article, str(self.comment), list(self.comment.fields))

    def _check_embargo(self):
        article = self.article
        if not (
            self.check_embargo and article.status == Status.PUBLISHED and article.embargo_until
        ):
            return
        if article.publish_at is None or article.publish_at < article.embargo_until:
            raise ValidationError(
                {
                    "publish_at": _(
                        "This update is under embargo until %(when)s: it cannot be published "
                        "or scheduled before then. Schedule it for that time or later."
                    )
                    % {"when": when(article.embargo_until)}
                }
            )


@contextmanager
def editing(*, user, article=None, version=None, new=None):
    """Lock ``article`` (or start ``new``), check ``version``, and yield the ``Edit``.

    The caller applies changes and steps to ``edit.article`` and the frame saves it once,
    with the version bumped in the database (``F()``), and records the revision.
    """
    with transaction.atomic(), reversion.create_revision():
        if new is not None:
            edit = Edit(new, user, created=True)
        else:
            locked = Article.objects.select_for_update().filter(pk=article.pk).first()
            if locked is None:
                raise ValidationError(_("This update no longer exists."))
            if version is not None and locked.version != version:
                raise StaleEdit(
                    _(
                        "Someone else saved this update at %(time)s while you were editing it. "
                        "Your changes have not been saved and are still in this form: open the "
                        "update in a new tab to see the other changes, then combine them and "
                        "save again."
                    )
                    % {"time": when(locked.updated_at)},
                    code="stale",
                )
            edit = Edit(locked, user)
        yield edit
        edit.result = edit.finish()
