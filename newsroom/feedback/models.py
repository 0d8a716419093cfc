"""A reader's anonymous message to the newsroom.

Deliberately without name, email, IP address or any other trace of who sent it
(see DESIGN.md, "Feedback privacy"). Rate limits and duplicate checks live in
the cache (``protection.py``), keyed on a hash that rotates daily.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MIN_LENGTH = 3
MESSAGE_MAX_LENGTH = 2000


class FeedbackQuerySet(models.QuerySet):
    def new(self):
        """Not yet looked at by an editor (spam is never counted as new)."""
        return self.filter(status=Feedback.Status.NEW)

    def about(self, article):
        return self.filter(article=article)

    def not_spam(self):
        return self.exclude(status=Feedback.Status.SPAM)


class Feedback(models.Model):
    class Kind(models.TextChoices):
        SUGGESTION = "suggestion", _("Suggestion")
        CORRECTION = "correction", _("Correction")
        QUESTION = "question", _("Question")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        READ = "read", _("Read")
        ACTIONED = "actioned", _("Actioned")
        SPAM = "spam", _("Spam")

    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.SUGGESTION)
    useful = models.BooleanField(_("update was useful"), null=True, blank=True)
    language = models.CharField(_("page language"), max_length=8, choices=settings.LANGUAGES)
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("update"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.NEW, db_index=True
    )
    likely_spam = models.BooleanField(
        _("likely spam"),
        default=False,
        help_text=_("Set automatically when a message is mostly links; it is kept all the same."),
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")
        permissions = [("export_feedback", _("Can export reader feedback as CSV"))]
        indexes = [models.Index(fields=["article", "status"], name="feedback_article_status")]

    def __str__(self):
        text = " ".join(self.message.split())
        return text if len(text) <= 60 else text[:59] + "…"
