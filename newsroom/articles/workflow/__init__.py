"""The one write path for updates: every change to an ``Article`` and its rows goes here.

The admin, its actions, ingest, the demo loader and the translation desk call these
functions and never save an update themselves. Modules, in the order they may import
each other (a module imports only those above it):

- ``text``: text normalisation (line endings, trailing whitespace, Unicode NFC).
- ``permissions``: the per-role allow-list of fields and steps; ``require()``.
- ``translation``: source snapshots, what changed since the review, the derived state.
- ``slugs``: one unique slug per language, for titles in any script.
- ``revisions``: the revision comment that says everything one action did.
- ``session``: ``editing()``: lock, version check, one revision, one transaction,
  cache invalidation on commit.
- ``changes``: applying field values and related rows (signals, key points, ...).
- ``publishing``: submit, publish or schedule (embargo), unpublish, archive, review.
- ``actions``: the entry points below, each one user action.
"""

from .actions import (
    archive,
    create_imported_draft,
    create_update,
    delete_update,
    mark_translation_reviewed,
    publish,
    refresh_imported_draft,
    restore_revision,
    save_edit,
    submit_for_review,
    unpublish,
)
from .changes import Row
from .permissions import PUBLISH_PERMISSION, REVIEW_PERMISSION, SOURCE_TEXT_PERMISSION
from .session import Result, StaleEdit
from .translation import (
    FieldChange,
    refresh_translation_state,
    source_snapshot,
    translation_changes,
)

__all__ = [
    "PUBLISH_PERMISSION",
    "REVIEW_PERMISSION",
    "SOURCE_TEXT_PERMISSION",
    "FieldChange",
    "Result",
    "Row",
    "StaleEdit",
    "archive",
    "create_imported_draft",
    "create_update",
    "delete_update",
    "mark_translation_reviewed",
    "publish",
    "refresh_imported_draft",
    "refresh_translation_state",
    "restore_revision",
    "save_edit",
    "source_snapshot",
    "submit_for_review",
    "translation_changes",
    "unpublish",
]
