"""Preview links: a signed, expiring, revocable address of one update in one language,
for an outside reviewer without an admin account.

The address carries the link's id signed with the project's secret key, so it cannot
be guessed or altered; whether it still works (not expired, not revoked) is read from
the row, so revoking takes effect at once.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.articles.models import Article

SALT = "newsroom.translation_desk.preview"


def default_expiry():
    return timezone.now() + timedelta(days=settings.PREVIEW_LINK_DAYS)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=at)


class PreviewLink(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("update"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    note = models.CharField(
        _("for whom"),
        max_length=200,
        blank=True,
        help_text=_("Who the link was given to, e.g. “Dutch reviewer, Noor Bakker”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.article} [{self.language}]"

    def get_absolute_url(self):
        return reverse("preview_link", kwargs={"token": self.token})

    @property
    def token(self):
        # No timestamp in it: the same link always has the same address.
        return signing.Signer(salt=SALT).sign(str(self.pk))

    @classmethod
    def from_token(cls, token):
        """The link ``token`` was made for, or None for a token that was not ours."""
        try:
            pk = int(signing.Signer(salt=SALT).unsign(token))
        except (signing.BadSignature, ValueError):
            return None
        return cls.objects.select_related("article").filter(pk=pk).first()

    def is_active(self, at=None):
        at = at or timezone.now()
        return self.revoked_at is None and self.expires_at > at
