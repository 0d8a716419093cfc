"""The content model: updates (``Article``), their editorial signals and story
links, and the sources, topics and tags they are filed under.

Translated fields are registered in ``translation.py`` (django-modeltranslation
adds one column per language). Every write goes through the ``workflow`` package; the
rules for reading ("what is published?", "which translations are out of
date?") live here, on the QuerySets and the model, once.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from newsroom.languages import LANGUAGE_CODES, other_language

MAX_SIGNALS = 5
FALLBACK_TAG_SLUG = "tag"
MIN_KEY_POINTS, MAX_KEY_POINTS = 2, 6


class Source(models.Model):
    class Kind(models.TextChoices):
        PUBLISHER = "publisher", _("Publisher's own blog or newsroom")
        NEWS = "news", _("News outlet")
        AGGREGATOR = "aggregator", _("Aggregator")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    homepage = models.URLField(_("homepage"), max_length=500, blank=True)
    feed_url = models.URLField(_("feed URL"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PUBLISHER)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language this source publishes in; imported updates start in it."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active sources are polled for new items.")
    )
    show_cached_original = models.BooleanField(
        _("readers may open the cached original"),
        default=False,
        help_text=_(
            "Only when the source allows it (copyright): readers can open the cached copy of "
            "the original text, with the time it was cached and a link to the original."
        ),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name or self.slug


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name or self.slug


class Tag(TagBase):
    """A django-taggit tag whose name exists in every language.

    Tag input in the admin is parsed in the editor's language, so a tag always
    carries a name in each language (the other one is copied when only one is
    given); otherwise typing the shown name back would create a duplicate tag.
    """

    class Meta:
        ordering = ["slug"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def slugify(self, tag, i=None):
        """Letters of any script are kept (“privé”, “δοκιμή”); a name with none (“>”,
        an emoji) gets “tag”, so no tag is ever without an address. ``i`` numbers the
        next try when the slug is taken."""
        slug = slugify(tag, allow_unicode=True)[:90] or FALLBACK_TAG_SLUG
        return slug if i is None else f"{slug}-{i}"

    def save(self, *args, **kwargs):
        given = [getattr(self, f"name_{lang}") for lang in LANGUAGE_CODES]
        fallback = next((name for name in given if name), "")
        for lang in LANGUAGE_CODES:
            if not getattr(self, f"name_{lang}"):
                setattr(self, f"name_{lang}", fallback)
        super().save(*args, **kwargs)


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")
        ]
        # A tag's updates, newest id first, without touching the table (related updates).
        indexes = [models.Index(fields=["tag", "-content_object"], name="tagged_article_by_tag")]


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """Live on the public site: published, and its publish time has come."""
        at = at or timezone.now()
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=at)

    def scheduled(self, at=None):
        at = at or timezone.now()
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=at)

    def in_review(self):
        return self.filter(status=Article.Status.REVIEW)

    def translation_in(self, lang, state):
        """Updates whose ``lang`` side is a translation in ``state``."""
        return self.exclude(source_language=lang).filter(translation_state=state)

    def for_readers_in(self, lang, at=None):
        """Published updates listed for readers of ``lang`` (pages, feeds, sitemap, search).

        The policy, applied everywhere through this one method: an update is listed in a
        language when it was written in it, or when its translation into it was reviewed
        (with a disclosure naming the reviewer), even if out of date since (with a notice).
        Missing, draft and machine-assisted but unreviewed translations are left out; their
        direct URL shows the original with a notice (``Article.reads_in`` says the same).
        """
        return self.published(at).filter(
            Q(source_language=lang) | Q(translation_state__in=READER_TRANSLATION_STATES)
        )

    def search(self, query, lang):
        """Updates in this QuerySet matching ``query`` in ``lang``, best match first."""
        from .search import search

        return search(self, query, lang)

    def for_listing(self):
        """Everything a list of updates shows, in a fixed number of queries."""
        return self.select_related("source").prefetch_related("signals", "topics", "tags")

    def by_author(self, user):
        return self.filter(authors=user)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class TranslationProgress(models.TextChoices):
    """What the translator says about the translation they are writing."""

    DRAFT = "draft", _("Draft")
    MACHINE = "machine", _("Machine-assisted, not yet reviewed")
    REVIEWED = "reviewed", _("Reviewed")


class TranslationState(models.TextChoices):
    """The state of an update's translation, derived by the workflow (``workflow.translation``)."""

    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft")
    MACHINE = "machine", _("Machine-assisted")
    REVIEWED = "reviewed", _("Reviewed")
    OUTDATED = "outdated", _("Out of date")


# Translation states readers are shown: reviewed by a named person (with a notice when
# the original changed since). A machine-assisted translation is never listed before
# its review; its address shows the original with a notice, as a missing one does.
READER_TRANSLATION_STATES = (
    TranslationState.REVIEWED,
    TranslationState.OUTDATED,
)


class Article(models.Model):
    """An update: one row, with a column per language for every translated field."""

    Status = Status

    # Fields whose source-language text a translation is reviewed against.
    SOURCE_TEXT_FIELDS = (
        "title",
        "relevance",
        "summary",
        "body",
        "meta_description",
        "image_alt",
        "image_credit",
    )

    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, null=True, blank=True)
    relevance = models.CharField(
        _("relevance line"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who this matters to, in one line, e.g. “Relevant if you build with AI tools.”"
        ),
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_machine_assisted = models.BooleanField(
        _("summary is machine-assisted"),
        default=False,
        help_text=_("Readers are told when the summary was written with machine assistance."),
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_("Markdown: ## for a heading, - for a list item, [text](https://…) for a link."),
    )
    meta_description = models.CharField(
        _("meta description"),
        max_length=160,
        blank=True,
        help_text=_("Shown by search engines and link previews; at most 160 characters."),
    )
    key_points_machine_assisted = models.BooleanField(
        _("key points are machine-assisted"),
        default=False,
        help_text=_("Readers are told when the key points were written with machine assistance."),
    )
    image = models.ImageField(
        _("image"),
        upload_to="updates/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(_("image description (alt text)"), max_length=250, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)

    source_language = models.CharField(
        _("source language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the update is written in; the other one is its translation."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A time in the future schedules the update."),
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "The update may not be published or scheduled before this time, by anyone. "
            "Leave empty when there is no embargo."
        ),
    )
    first_published_at = models.DateTimeField(_("first published"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("authors"), blank=True, related_name="articles"
    )

    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    original_url = models.URLField(_("original URL"), max_length=500, blank=True)
    original_title = models.CharField(_("original title"), max_length=300, blank=True)
    original_published_at = models.DateTimeField(
        _("original publication date"), null=True, blank=True
    )
    original_author = models.CharField(_("original author"), max_length=200, blank=True)
    original_text = models.TextField(
        _("cached copy of the original"),
        blank=True,
        help_text=_(
            "Sanitised HTML of the original as it was fetched; shown to readers only when the "
            "source allows it."
        ),
    )
    original_cached_at = models.DateTimeField(_("original cached at"), null=True, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="articles"
    )
    tags = TaggableManager(verbose_name=_("tags"), through=TaggedArticle, blank=True)

    # The translation workflow, for the language that is not the source language.
    translation_progress = models.CharField(
        _("translation progress"),
        max_length=16,
        choices=TranslationProgress,
        default=TranslationProgress.DRAFT,
    )
    translation_machine_assisted = models.BooleanField(
        _("translated with machine assistance"),
        default=False,
        help_text=_("Readers are told the translation was made with technical assistance."),
    )
    translation_state = models.CharField(
        _("translation state"),
        max_length=16,
        choices=TranslationState,
        default=TranslationState.MISSING,
        editable=False,
        db_index=True,
    )
    translation_reviewed_at = models.DateTimeField(
        _("translation reviewed at"), null=True, editable=False
    )
    translation_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translation reviewed by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The source-language text as it was when the translation was reviewed.
    reviewed_source = models.JSONField(default=dict, editable=False)
    # When each source field first differed from ``reviewed_source`` ({field: ISO time});
    # kept by the workflow, emptied by a review.
    source_changed_at = models.JSONField(default=dict, editable=False)
    # Bumped on every save; a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        # Newest first, with the id as the tie-break: one total order that the
        # article_reader_listing index walks (created_at would need a sort).
        ordering = ["-publish_at", "-id"]
        verbose_name = pgettext_lazy("news item", "update")
        verbose_name_plural = pgettext_lazy("news items", "updates")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish updates")),
            ("review_translation", _("Can mark a translation reviewed")),
            ("edit_source_text", _("Can edit an update's source-language text")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["slug_en"], name="unique_article_slug_en"),
            models.UniqueConstraint(fields=["slug_nl"], name="unique_article_slug_nl"),
        ]
        # Migration 0007 adds, on PostgreSQL, a covering index for reader listings.
        indexes = [models.Index(fields=["status", "publish_at"], name="article_status_publish")]

    def __str__(self):
        return self.title_in(self.source_language) or gettext_untitled()

    def get_absolute_url(self, lang=None):
        lang = lang or get_language() or settings.LANGUAGE_CODE
        lang = lang if lang in LANGUAGE_CODES else settings.LANGUAGE_CODE
        slug = self.slug_in(lang) or self.slug_in(self.source_language)
        with translation.override(lang):
            return reverse("articles:detail", kwargs={"slug": slug})

    # Reading rules for one update; the QuerySet methods above say the same for many.
    def is_published(self, at=None):
        at = at or timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= at
        )

    def is_scheduled(self, at=None):
        at = at or timezone.now()
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and (self.publish_at > at)
        )

    @property
    def target_language(self):
        return other_language(self.source_language)

    def has_language(self, lang):
        if lang == self.source_language:
            return True
        return self.translation_state != TranslationState.MISSING

    def reads_in(self, lang):
        """Whether readers of ``lang`` get this update in ``lang`` (see ``for_readers_in``)."""
        return lang == self.source_language or self.translation_state in READER_TRANSLATION_STATES

    def shows_cached_original(self):
        """Whether readers may open the cached copy of the original (the source allows it)."""
        return bool(
            self.original_text.strip()
            and self.original_url
            and self.source_id
            and self.source.show_cached_original
        )

    def title_in(self, lang):
        return getattr(self, f"title_{lang}") or ""

    def slug_in(self, lang):
        return getattr(self, f"slug_{lang}") or ""


def gettext_untitled():
    return str(_("(untitled update)"))


class EditorialSignal(models.Model):
    """One bullet of the “Quick editorial signal” box: why an update matters."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="signals")
    text = models.CharField(_("signal"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("editorial signal")
        verbose_name_plural = _("quick editorial signal")

    def __str__(self):
        return self.text or ""


class KeyPoint(models.Model):
    """One of the 2 to 6 ordered key points shown under an update's summary."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="key_points")
    text = models.CharField(_("key point"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("key point")
        verbose_name_plural = _("key points")

    def __str__(self):
        return self.text or ""


class StoryLink(models.Model):
    """A typed link between two updates in a story thread: ``from_article`` *kind* ``to_article``
    (for example: the 2026 amendment *follows up on* the 2025 agreement)."""

    class Kind(models.TextChoices):
        FOLLOW_UP = "follow_up", pgettext_lazy("story link", "follows up on")
        UPDATE = "update", pgettext_lazy("story link", "updates")
        CORRECTION = "correction", pgettext_lazy("story link", "corrects")
        BACKGROUND = "background", pgettext_lazy("story link", "gives background to")
        RELATED = "related", pgettext_lazy("story link", "is related to")

    INVERSE_LABELS = {
        Kind.FOLLOW_UP: _("followed up by"),
        Kind.UPDATE: _("updated by"),
        Kind.CORRECTION: _("corrected by"),
        Kind.BACKGROUND: _("has background in"),
        Kind.RELATED: _("is related to"),
    }

    from_article = models.ForeignKey(
        Article,
        verbose_name=_("update"),
        on_delete=models.CASCADE,
        related_name="outgoing_links",
    )
    to_article = models.ForeignKey(
        Article,
        verbose_name=_("linked update"),
        on_delete=models.CASCADE,
        related_name="incoming_links",
    )
    kind = models.CharField(_("kind of link"), max_length=16, choices=Kind, default=Kind.RELATED)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("story link")
        verbose_name_plural = _("story links")
        constraints = [
            models.UniqueConstraint(
                fields=["from_article", "to_article"],
                name="unique_story_link",
                violation_error_message=_("These two updates are already linked."),
            ),
            models.CheckConstraint(
                condition=~Q(from_article=F("to_article")),
                name="story_link_not_to_itself",
                violation_error_message=_("An update cannot be linked to itself."),
            ),
        ]

    def __str__(self):
        return f"{self.from_article} → {self.get_kind_display()} → {self.to_article}"

    @property
    def inverse_label(self):
        return self.INVERSE_LABELS[self.kind]


class Correction(models.Model):
    """A dated correction note on a published update, shown to readers."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(_("correction"))
    corrected_at = models.DateTimeField(_("corrected at"), default=timezone.now)

    class Meta:
        ordering = ["corrected_at", "id"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return self.text[:60]
