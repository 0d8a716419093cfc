"""The translatable texts of one update, each as a desk row: source, translation, changes.

``desk_fields(article)`` lists them in reading order: the update's own texts, then each
editorial signal, key point and correction. A row knows where its translation is stored
(a column of the update, or the ``text_<lang>`` of one related row) and, when the source
changed since the review, the source text as it was reviewed.
"""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from newsroom.articles import workflow
from newsroom.articles.models import Article, Correction, EditorialSignal, KeyPoint
from newsroom.articles.revision_diff import word_diff

MULTILINE = {"summary", "body"}
MARKDOWN = {"body"}
# Related rows: (name in the workflow, model, label of one row).
RELATED = (
    ("signals", EditorialSignal, _("Editorial signal %(number)s")),
    ("key_points", KeyPoint, _("Key point %(number)s")),
    ("corrections", Correction, _("Correction of %(date)s")),
)


@dataclass
class DeskField:
    key: str  # the form field's name: "title", "signals-12"
    label: str
    source: str
    target: str
    max_length: int | None
    multiline: bool = False
    markdown: bool = False
    column: str | None = None  # the update's column for the translation
    related: str | None = None  # "signals", "key_points", "corrections"
    pk: int | None = None
    reviewed: str | None = None  # the source as reviewed, when it changed since

    @property
    def changed(self):
        return self.reviewed is not None

    @property
    def diff(self):
        return word_diff(self.reviewed or "", self.source)


def desk_fields(article):
    """Every translatable text of ``article`` as a ``DeskField``, in reading order."""
    source, target = article.source_language, article.target_language
    changes = {change.field: change for change in workflow.translation_changes(article)}
    fields = []
    for name in Article.SOURCE_TEXT_FIELDS:
        model_field = Article._meta.get_field(name)
        change = changes.get(name)
        fields.append(
            DeskField(
                key=name,
                label=capfirst(str(model_field.verbose_name)),
                source=getattr(article, f"{name}_{source}") or "",
                target=getattr(article, f"{name}_{target}") or "",
                max_length=model_field.max_length,
                multiline=name in MULTILINE,
                markdown=name in MARKDOWN,
                column=f"{name}_{target}",
                reviewed=None if change is None else str(change.reviewed or ""),
            )
        )
    for related, model, label in RELATED:
        change = changes.get(related)
        reviewed = list(change.reviewed or []) if change is not None else None
        current = list(change.current or []) if change is not None else []
        rows = list(getattr(article, related).all())
        for number, row in enumerate(rows, start=1):
            text = getattr(row, f"text_{source}") or ""
            was = None
            if reviewed is not None:
                # Compared as the workflow compares them (its snapshot may normalise).
                now = current[number - 1] if number <= len(current) else text
                was = reviewed[number - 1] if number <= len(reviewed) else ""
                was = None if was == now else was
            fields.append(
                DeskField(
                    key=f"{related}-{row.pk}",
                    label=_row_label(label, number, row),
                    source=text,
                    target=getattr(row, f"text_{target}") or "",
                    max_length=model._meta.get_field("text").max_length,
                    multiline=related == "corrections",
                    related=related,
                    pk=row.pk,
                    reviewed=was,
                )
            )
    return fields


def removed_since_review(article):
    """Source texts of signals, key points or corrections removed since the review."""
    removed = []
    for change in workflow.translation_changes(article):
        if change.field in {related for related, _model, _label in RELATED}:
            current = list(change.current or [])
            removed += [text for text in list(change.reviewed or [])[len(current) :] if text]
    return removed


def _row_label(label, number, row):
    if isinstance(row, Correction):
        when = formats.date_format(timezone.localtime(row.corrected_at), "SHORT_DATE_FORMAT")
        return str(label) % {"date": when}
    return str(label) % {"number": number}
