"""The translation side of an update: what it was reviewed against, and its state.

A review stores a snapshot of the source-language text (``reviewed_source``). The
translation is out of date when the source now says something else, compared on
normalised text (``text.normalise``), so a save that changes nothing changes nothing.
"""

from dataclasses import dataclass
from datetime import datetime

from ..models import Article, TranslationProgress, TranslationState
from .text import normalise

ROW_KINDS = ("signals", "key_points")


@dataclass(frozen=True)
class FieldChange:
    """One source field that changed since the review: both full texts."""

    field: str
    reviewed: object
    current: object


def source_snapshot(article):
    """The source-language text of ``article``, as a translation is reviewed against it."""
    lang = article.source_language
    snapshot = {
        name: normalise(getattr(article, f"{name}_{lang}") or "")
        for name in Article.SOURCE_TEXT_FIELDS
    }
    for kind in ROW_KINDS:
        rows = getattr(article, kind).all() if article.pk else []
        snapshot[kind] = [normalise(getattr(row, f"text_{lang}") or "") for row in rows]
    return snapshot


def _normalised(value):
    return [normalise(v) for v in value] if isinstance(value, list) else normalise(value or "")


def translation_changes(article, snapshot=None):
    """Source fields that changed since the translation was reviewed, with both versions."""
    if not article.reviewed_source:
        return []
    current = snapshot if snapshot is not None else source_snapshot(article)
    changes = []
    for name, value in current.items():
        empty = [] if isinstance(value, list) else ""
        reviewed = _normalised(article.reviewed_source.get(name, empty))
        if value != reviewed:
            changes.append(FieldChange(name, reviewed, value))
    return changes


def derive_state(article, snapshot=None):
    if not article.title_in(article.target_language):
        return TranslationState.MISSING
    if article.translation_progress == TranslationProgress.REVIEWED:
        if translation_changes(article, snapshot):
            return TranslationState.OUTDATED
        return TranslationState.REVIEWED
    if article.translation_progress == TranslationProgress.MACHINE:
        return TranslationState.MACHINE
    return TranslationState.DRAFT


def carry_minor_edit(article, before, after):
    """A minor source edit (a typo fix) moves the reviewed text along with it.

    A field that was already out of date before the edit stays out of date.
    """
    if not article.reviewed_source or before == after:
        return
    reviewed = dict(article.reviewed_source)
    for name, old in before.items():
        if after.get(name) != old and _normalised(reviewed.get(name)) == old:
            reviewed[name] = after[name]
    article.reviewed_source = reviewed


def note_change_times(article, snapshot, now):
    """Keep ``source_changed_at``: when each field that now differs from the reviewed
    text first did (a field that is back as reviewed is dropped)."""
    changed = {c.field for c in translation_changes(article, snapshot)}
    kept = {f: t for f, t in (article.source_changed_at or {}).items() if f in changed}
    for name in changed - kept.keys():
        kept[name] = now.isoformat()
    article.source_changed_at = kept


def changed_since(article):
    """{field: datetime} of the source fields changed since the review."""
    return {f: datetime.fromisoformat(t) for f, t in (article.source_changed_at or {}).items()}


def mark_reviewed(article, user, now, snapshot):
    article.source_changed_at = {}
    article.reviewed_source = snapshot
    article.translation_progress = TranslationProgress.REVIEWED
    article.translation_reviewed_at = now
    article.translation_reviewed_by = user


def refresh_translation_state(article):
    """Store the derived state of an update whose rows were written outside an edit
    (test factories); the workflow keeps it current itself."""
    state = derive_state(article)
    if state != article.translation_state:
        article.translation_state = state
        Article.objects.filter(pk=article.pk).update(translation_state=state)
    return state
