"""The revision comment: one per user action, saying everything the action did,
with times in the site's time zone, formatted for people."""

from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from .permissions import field_label, part_label


def when(moment):
    """“23 November 2026, 18:29” in the site's time zone (never UTC), month in the
    active language."""
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


class Comment:
    """Collects what one action did; ``str()`` is the revision comment."""

    def __init__(self):
        self.created = False
        self.fields = []
        self.rows = []
        self.steps = []

    def field(self, column):
        if column not in self.fields:
            self.fields.append(column)

    def rows_changed(self, kind):
        if kind not in self.rows:
            self.rows.append(kind)

    def step(self, text):
        self.steps.append(text)

    @property
    def changed(self):
        return bool(self.created or self.fields or self.rows or self.steps)

    def __str__(self):
        parts = []
        if self.created:
            parts.append(_("Created."))
        changed = [field_label(c) for c in self.fields] + [part_label(k) for k in self.rows]
        if changed and not self.created:
            parts.append(_("Changed %(fields)s.") % {"fields": get_text_list(changed, _("and"))})
        parts.extend(self.steps)
        return " ".join(parts) or _("No fields changed.")
