"""What the importer remembers: per-source fetch state, which imported item became
which update, and a log of every import run with one line per item.

Writes happen in ``services.py``; this module only says how the rows look and
answers questions about them (``ImportedItemQuerySet.waiting()``).
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from newsroom.articles.models import Article, Source


class FeedState(models.Model):
    """What the last fetch of a source's feed left behind, for conditional GET and the admin."""

    class Result(models.TextChoices):
        OK = "ok", _("Fetched")
        NOT_MODIFIED = "not_modified", _("Not changed since the last fetch")
        PARTIAL = "partial", _("Fetched, with errors in some items")
        FAILED = "failed", _("Failed")

    source = models.OneToOneField(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="feed_state"
    )
    etag = models.CharField(_("ETag"), max_length=500, blank=True)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_result = models.CharField(_("last result"), max_length=16, choices=Result, blank=True)
    last_message = models.TextField(_("last message"), blank=True)

    class Meta:
        verbose_name = _("feed state")
        verbose_name_plural = _("feed states")

    def __str__(self):
        return str(self.source)


class ImportRun(models.Model):
    """One import: a fetch of a feed, or one ``import_markdown`` call."""

    class Kind(models.TextChoices):
        FEED = "feed", _("Feed")
        MARKDOWN = "markdown", _("Markdown files")

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        OK = "ok", _("Done")
        NOT_MODIFIED = "not_modified", _("Not changed since the last fetch")
        PARTIAL = "partial", _("Done, with errors in some items")
        FAILED = "failed", _("Failed")

    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="import_runs",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.FEED)
    location = models.CharField(_("fetched from"), max_length=1000, blank=True)
    trigger = models.CharField(
        _("started by"), max_length=100, blank=True, help_text=_("A command or a person.")
    )
    started_at = models.DateTimeField(_("started"), db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("result"), max_length=16, choices=Status, default=Status.RUNNING)
    message = models.TextField(_("message"), blank=True)
    created_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("import run")
        verbose_name_plural = _("import log")
        permissions = [("fetch_source", _("Can fetch a source's feed now"))]

    def __str__(self):
        return f"{self.source or self.location} · {self.started_at:%Y-%m-%d %H:%M}"


class ImportRunItem(models.Model):
    """One line of an import run's log: what happened to one item, and why."""

    class Outcome(models.TextChoices):
        NEW = "new", _("New draft")
        UPDATED = "updated", _("Updated")
        SKIPPED = "skipped", _("Skipped")
        ERROR = "error", _("Error")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="items")
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome)
    title = models.CharField(_("title"), max_length=300, blank=True)
    link = models.CharField(_("link"), max_length=1000, blank=True)
    message = models.TextField(_("why"), blank=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("update"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("imported item")
        verbose_name_plural = _("items")

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.title or self.link}"


class ImportedItemQuerySet(models.QuerySet):
    def waiting(self):
        """Imported drafts nobody has edited since the import: the import inbox."""
        return self.filter(
            article__status=Article.Status.DRAFT, article__version=F("imported_version")
        )

    def edited(self):
        return self.exclude(article=None).exclude(article__version=F("imported_version"))


class ImportedItem(models.Model):
    """The identity of one imported original and the update it became.

    An item is the same item again when its normalised canonical URL or its
    feed guid (within the same source) matches. ``imported_version`` is the
    update's ``version`` right after the importer last wrote it: a higher
    version means an editor saved the update since, and the importer leaves it
    alone.
    """

    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="imported_items",
    )
    url = models.URLField(_("canonical URL"), max_length=500, blank=True)
    guid = models.CharField(_("feed id (guid)"), max_length=500, blank=True)
    article = models.OneToOneField(
        Article,
        verbose_name=_("update"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_from",
    )
    imported_version = models.PositiveIntegerField(_("version at import"), default=0)
    content_hash = models.CharField(max_length=64, editable=False)
    feed_name = models.CharField(_("feed name"), max_length=200, blank=True)
    feed_url = models.URLField(_("feed URL"), max_length=500, blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True)
    first_imported_at = models.DateTimeField(_("first imported"))
    last_imported_at = models.DateTimeField(_("last imported"))

    objects = ImportedItemQuerySet.as_manager()

    class Meta:
        ordering = ["-first_imported_at", "-id"]
        verbose_name = _("imported update")
        verbose_name_plural = _("imported updates")
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="unique_imported_url"
            ),
            models.UniqueConstraint(
                fields=["source", "guid"], condition=~Q(guid=""), name="unique_imported_guid"
            ),
        ]

    def __str__(self):
        return str(self.article) if self.article_id else (self.url or self.guid)

    def is_waiting(self):
        return (
            self.article is not None
            and self.article.status == Article.Status.DRAFT
            and self.article.version == self.imported_version
        )
