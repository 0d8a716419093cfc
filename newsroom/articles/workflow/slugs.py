"""One slug per language, unique among updates, for a title in any script.

A slug is made from the title when none was typed: ASCII letters where the title has
them (accents folded), else ``update-<id>`` (an emoji, Greek, Cyrillic or CJK title
slugifies to nothing). A made slug that is taken gets a number; a typed one that is
taken is refused with a message on the field, since the editor chose it.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from newsroom.languages import LANGUAGE_CODES

from ..models import Article

MAX_LENGTH = 200


def base_slug(title, pk):
    return slugify(title)[:MAX_LENGTH].strip("-") or f"update-{pk}"


def _taken(lang, slug, pk):
    return Article.objects.filter(**{f"slug_{lang}": slug}).exclude(pk=pk).first()


def fill_and_check(article, typed=()):
    """Give every language with a title a slug, and check each is unique in its language.

    ``typed``: the slug columns the user set in this action (a collision there is an
    error, not a renumbering). Returns the slug columns it changed.
    """
    changed = []
    errors = {}
    for lang in LANGUAGE_CODES:
        column = f"slug_{lang}"
        slug = getattr(article, column)
        if not slug and article.title_in(lang):
            slug = base_slug(article.title_in(lang), article.pk)
            setattr(article, column, slug)
            changed.append(column)
        if not slug or (column not in changed and column not in typed):
            continue  # a slug this action did not set is unique already (a constraint)
        other = _taken(lang, slug, article.pk)
        if other is None:
            continue
        if column in typed:
            errors[column] = _(
                "The address “%(slug)s” is already used by the update “%(other)s”; "
                "choose another one."
            ) % {"slug": slug, "other": other}
            continue
        stem, number = slug[: MAX_LENGTH - 8], 2
        while _taken(lang, f"{stem}-{number}", article.pk) is not None:
            number += 1
        setattr(article, column, f"{stem}-{number}")
        if column not in changed:
            changed.append(column)
    if errors:
        raise ValidationError(errors)
    return changed
