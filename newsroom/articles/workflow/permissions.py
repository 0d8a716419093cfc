"""Who may change what: one allow-list per role, used by the admin form (read-only fields)
and enforced again by the workflow on every write.

Roles are permissions (the Writer, Translator and Editor groups get them in migration
0002): ``publish_article`` makes an editor, who may change every field. Everyone else
gets only what is listed here; a field nobody listed is editable by editors only.
"""

from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsroom.languages import LANGUAGE_CODES

from ..models import Article, Status

PUBLISH_PERMISSION = "articles.publish_article"
REVIEW_PERMISSION = "articles.review_translation"
SOURCE_TEXT_PERMISSION = "articles.edit_source_text"
CHANGE_PERMISSION = "articles.change_article"

# Per-language text, named without the language suffix.
TEXT_FIELDS = Article.SOURCE_TEXT_FIELDS + ("slug",)
# What the author of the source text files and describes, besides the text itself.
SOURCE_SETTINGS = (
    "source_language",
    "summary_machine_assisted",
    "key_points_machine_assisted",
    "image",
    "topics",
    "tags",
    "authors",
    "source",
    "original_title",
    "original_url",
    "original_published_at",
)
# What whoever translates sets about the translation.
TRANSLATION_SETTINGS = ("translation_machine_assisted",)
REVIEW_SETTINGS = ("translation_progress",)

# Related rows: per kind, which columns are source side (position, source-language text)
# and which are translation side; adding or deleting a row is a source-side change.
RELATED_ROWS = {
    "signals": {"texts": ("text",), "plain": ("position",), "editors_only": False},
    "key_points": {"texts": ("text",), "plain": ("position",), "editors_only": False},
    "corrections": {"texts": ("text",), "plain": ("corrected_at",), "editors_only": True},
    "outgoing_links": {"texts": (), "plain": ("kind", "to_article"), "editors_only": False},
}

STEPS = {
    "create": "articles.add_article",
    "submit": CHANGE_PERMISSION,
    "publish": PUBLISH_PERMISSION,
    "unpublish": PUBLISH_PERMISSION,
    "archive": PUBLISH_PERMISSION,
    "review": REVIEW_PERMISSION,
    "restore": PUBLISH_PERMISSION,
    "delete": "articles.delete_article",
}


def is_editor(user):
    return user.has_perm(PUBLISH_PERMISSION)


def may_edit_source(user, article):
    """Writers and editors change the source side; once published, only editors do."""
    if is_editor(user):
        return True
    return user.has_perm(SOURCE_TEXT_PERMISSION) and article.status != Status.PUBLISHED


def editable_fields(user, article):
    """The columns (``title_en``, ``topics``, ...) ``user`` may change on ``article``.

    ``None`` means every field (an editor).
    """
    if is_editor(user):
        return None
    if not user.has_perm(CHANGE_PERMISSION):
        return frozenset()
    source, target = article.source_language, article.target_language
    fields = {f"{name}_{target}" for name in TEXT_FIELDS} | set(TRANSLATION_SETTINGS)
    if may_edit_source(user, article):
        fields |= {f"{name}_{source}" for name in TEXT_FIELDS} | set(SOURCE_SETTINGS)
    if user.has_perm(REVIEW_PERMISSION):
        fields |= set(REVIEW_SETTINGS)
    return frozenset(fields)


def may_edit(user, article, field):
    allowed = editable_fields(user, article)
    return allowed is None or field in allowed


def editable_row_fields(user, article, kind):
    """Columns of a related row ``user`` may change; ``None``: every column (and add/delete)."""
    spec = RELATED_ROWS[kind]
    if is_editor(user):
        return None
    if not user.has_perm(CHANGE_PERMISSION):
        return frozenset()
    fields = {f"{name}_{article.target_language}" for name in spec["texts"]}
    if may_edit_source(user, article) and not spec["editors_only"]:
        return None
    return frozenset(fields)


def can(user, step):
    return user.has_perm(STEPS[step])


def require(user, step):
    if not can(user, step):
        raise PermissionDenied(_("You do not have permission to do this."))


def require_field(user, article, field):
    if not may_edit(user, article, field):
        raise PermissionDenied(
            _("You may not change “%(field)s” of this update.") % {"field": field_label(field)}
        )


# The related rows of an update, as people name them.
ROW_LABELS = {
    "signals": gettext_lazy("quick editorial signal"),
    "key_points": gettext_lazy("key points"),
    "corrections": gettext_lazy("corrections"),
    "outgoing_links": gettext_lazy("story links"),
}


def part_label(name):
    """What people call a part of an update: ``title_en`` → “title [en]”, ``summary`` →
    “summary”, ``key_points`` → “key points” (lower case, for use inside a sentence)."""
    if name in ROW_LABELS:
        return str(ROW_LABELS[name])
    base, _sep, lang = name.rpartition("_")
    if base in TEXT_FIELDS and lang in LANGUAGE_CODES:
        return f"{Article._meta.get_field(base).verbose_name} [{lang}]"
    return str(Article._meta.get_field(name).verbose_name)


def field_label(name):
    """``part_label`` with a capital, as in “Changed Title [en].”"""
    return capfirst(part_label(name))
