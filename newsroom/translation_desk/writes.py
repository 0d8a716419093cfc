"""Every write the translation desk makes goes through the editorial workflow (issue 8).

The desk and the bulk machine translation change an update only through these
functions, which call ``newsroom.articles.workflow`` (edit version, allow-list per role,
revision, translation state, cache invalidation).
"""

from newsroom.articles import workflow

Row = workflow.Row
StaleEdit = workflow.StaleEdit


def save_translation(*, article, user, version, changes, rows, machine=False, review=False):
    """Save translated texts; ``machine`` when any came from a machine suggestion.

    A machine-assisted translation is recorded as such (readers are told) and becomes
    reviewed only with ``review=True``: the named review of ``user``.
    """
    changes = dict(changes)
    if machine:
        changes |= {"translation_progress": "machine", "translation_machine_assisted": True}
    return workflow.save_edit(
        article=article,
        user=user,
        version=version,
        changes=changes,
        rows={name: items for name, items in rows.items() if items},
        review=review,
    )


def translation_changes(article):
    """Source fields changed since the review: ``[FieldChange(field, reviewed, current)]``."""
    return workflow.translation_changes(article)


def source_snapshot(article):
    return workflow.source_snapshot(article)
