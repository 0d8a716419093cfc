from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class MissedInvalidations(models.Model):
    """How many times public pages should have been retired while the cache was unreachable.

    One row. The page cache remembers the count it has applied; when it sees a larger one
    it retires every page, so a page cached before an outage never outlives a publish
    made during it.
    """

    count = models.BigIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("missed invalidations")
        verbose_name_plural = _("missed invalidations")

    def __str__(self):
        return str(self.count)

    @classmethod
    def record(cls):
        if not cls.objects.filter(pk=1).update(count=F("count") + 1):
            cls.objects.get_or_create(pk=1, defaults={"count": 1})

    @classmethod
    def current(cls):
        return cls.objects.filter(pk=1).values_list("count", flat=True).first() or 0
