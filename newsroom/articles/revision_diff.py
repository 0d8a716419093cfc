"""Compare two revisions of an update field by field, with word-level highlighting.

A revision (django-reversion) holds the update and what it follows: its signals, story
links, tags and corrections. ``snapshot`` turns one into ``{key: (label, text)}``, every
value as the text a person reads (both languages' fields, choices by their label, times
in local time); ``compare`` lines two snapshots up, and ``word_diff`` marks insertions
and deletions with ``<ins>``/``<del>``, on full texts, escaped, never truncated.

Only reads; the admin view is ``revisions_admin.RevisionCompareAdminMixin``.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField

from newsroom.languages import LANGUAGE_CODES

from .models import (
    Article,
    Correction,
    EditorialSignal,
    KeyPoint,
    StoryLink,
    Tag,
    TaggedArticle,
)

# Words, runs of white space and single punctuation marks: a change of one word
# highlights that word, and the white space between words is kept as it was.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")

# Bookkeeping that changes with every save and tells a reader nothing.
_SKIPPED = {"id", "version", "translation_state", "reviewed_source", "created_at", "updated_at"}


def word_diff(old, new):
    """HTML of ``new`` against ``old``: deleted words in ``<del>``, inserted in ``<ins>``."""
    parts = []
    for removed, added, same in _chunks(old or "", new or ""):
        if removed:
            parts.append(format_html("<del>{}</del>", removed))
        if added:
            parts.append(format_html("<ins>{}</ins>", added))
        parts.append(escape(same))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 (every part is escaped)


def _chunks(old, new):
    """``(removed, added, same)`` triples covering both texts in order.

    The spaces between two changed words belong to the change, so a rewritten phrase
    reads as one deletion and one insertion rather than word by word.
    """
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    # autojunk would treat frequent tokens (spaces, "the") as noise in long texts.
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    chunks = [["", "", ""]]
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        last = chunks[-1]
        if op == "equal":
            same = "".join(before[i1:i2])
            if last[2] == "" and same.isspace() and (last[0] or last[1]) and i2 < len(before):
                last[0] += same  # a space between two changes: fold it into them
                last[1] += same
            else:
                last[2] += same
            continue
        if last[2]:
            chunks.append(last := ["", "", ""])
        last[0] += "".join(before[i1:i2])
        last[1] += "".join(after[j1:j2])
    return [tuple(chunk) for chunk in chunks]


@dataclass(frozen=True)
class Row:
    label: str
    old: str
    new: str

    @property
    def changed(self):
        return self.old != self.new

    @property
    def diff(self):
        return word_diff(self.old, self.new)


def compare(old_version, new_version):
    """Rows of every field in either revision, in form order: (label, old text, new text)."""
    before, after = snapshot(old_version), snapshot(new_version)
    keys = list(before) + [key for key in after if key not in before]
    return [
        Row(
            label=(after.get(key) or before.get(key))[0],
            old=before.get(key, ("", ""))[1],
            new=after.get(key, ("", ""))[1],
        )
        for key in keys
    ]


def snapshot(version):
    """``{key: (label, text)}`` for the update in ``version`` and what its revision holds."""
    fields = version.field_dict
    values = {}
    for field in _article_fields():
        if field.attname not in fields:
            continue
        values[field.name] = (_label(field), _text(field, fields[field.attname]))
    for field in Article._meta.many_to_many:
        # Tags have a through model of their own; they come with the followed objects.
        if field.attname in fields and isinstance(fields[field.attname], list | tuple):
            values[field.name] = (_label(field), _related_names(field, fields[field.attname]))
    values.update(_followed(version))
    return values


def _article_fields():
    """The update's fields in form order; a translated field once per language."""
    concrete = Article._meta.concrete_fields
    per_language = {}
    for field in concrete:
        if isinstance(field, TranslationField):
            per_language.setdefault(field.translated_field.name, {})[field.language] = field
    for field in concrete:
        if isinstance(field, TranslationField) or field.name in _SKIPPED:
            continue
        if field.name in per_language:
            langs = per_language[field.name]
            yield from (langs[lang] for lang in LANGUAGE_CODES if lang in langs)
        else:
            yield field


def _label(field):
    return capfirst(str(field.verbose_name))


def _text(field, value):
    """``value`` of ``field`` as a person reads it."""
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(field, models.ForeignKey):
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else _("(deleted, #%(id)s)") % {"id": value}
    if isinstance(field, models.FileField):
        return str(getattr(value, "name", value))
    return str(value)


def _related_names(field, pks):
    names = {obj.pk: str(obj) for obj in field.related_model._base_manager.filter(pk__in=pks or [])}
    return ", ".join(sorted(names.get(pk, _("(deleted, #%(id)s)") % {"id": pk}) for pk in pks))


def _followed(version):
    """Signals, key points, story links, tags and corrections as they were in ``version``'s
    revision."""
    article_pk = int(version.object_id)
    rows = {EditorialSignal: [], KeyPoint: [], Correction: [], StoryLink: [], TaggedArticle: []}
    for other in version.revision.version_set.all():
        model = other.content_type.model_class()
        if model not in rows:
            continue
        data = other.field_dict
        owner = data.get("from_article_id") if model is StoryLink else None
        owner = owner or data.get("article_id") or data.get("content_object_id")
        if owner is not None and int(owner) == article_pk:
            rows[model].append(data)

    values = {}
    corrections = sorted(rows[Correction], key=lambda d: (d.get("corrected_at"), d["id"]))
    for name, model, label in (
        ("signals", EditorialSignal, _("Quick editorial signal [%(language)s]")),
        ("key_points", KeyPoint, _("Key points [%(language)s]")),
    ):
        ordered = sorted(rows[model], key=lambda d: (d.get("position") or 0, d["id"]))
        for lang in LANGUAGE_CODES:
            values[f"{name}_{lang}"] = (
                label % {"language": lang},
                "\n".join(
                    f"{number}. {data.get(f'text_{lang}') or ''}"
                    for number, data in enumerate(ordered, start=1)
                ),
            )
    values["links"] = (_("Story thread"), _links(rows[StoryLink]))
    values["tags"] = (_("Tags"), _tags(rows[TaggedArticle]))
    for lang in LANGUAGE_CODES:
        values[f"corrections_{lang}"] = (
            _("Corrections [%(language)s]") % {"language": lang},
            "\n".join(
                f"{_when(data.get('corrected_at'))}: {data.get(f'text_{lang}') or ''}"
                for data in corrections
            ),
        )
    return values


def _when(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


def _links(links):
    titles = {
        article.pk: str(article)
        for article in Article._base_manager.filter(pk__in=[d["to_article_id"] for d in links])
    }
    kinds = dict(StoryLink.Kind.choices)
    lines = [
        "{} {}".format(
            kinds.get(data.get("kind"), data.get("kind")),
            titles.get(
                data["to_article_id"], _("(deleted, #%(id)s)") % {"id": data["to_article_id"]}
            ),
        )
        for data in links
    ]
    return "\n".join(sorted(lines))


def _tags(tagged):
    names = {tag.pk: str(tag) for tag in Tag.objects.filter(pk__in=[d["tag_id"] for d in tagged])}
    return ", ".join(
        sorted(
            names.get(d["tag_id"], _("(deleted, #%(id)s)") % {"id": d["tag_id"]}) for d in tagged
        )
    )
