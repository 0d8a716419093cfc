"""Every write the translation desk makes goes through the editorial workflow (issue 8).

The desk and the bulk machine translation change an update only through these
functions, which call ``newsroom.articles.workflow`` (edit version, allow-list per role,
revision, translation state, cache invalidation).
"""

from django.utils.translation import gettext_lazy as _

from newsroom.articles import workflow

MACHINE_NEEDS_REVIEWER = _(
    "Machine suggestions are for translators and editors: a machine-assisted translation "
    "must be reviewed by one of them."
)

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


def may_use_machine_suggestions(user, article):
    """Whether ``user`` may save machine text into ``article``'s translation: that records
    the translation as machine-assisted (its progress), which the workflow's allow-list
    gives to translators and editors, the people who may also review it."""
    return workflow.permissions.may_edit(user, article, "translation_progress")
