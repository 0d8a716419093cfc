"""Rebuild SQLite's full-text search index from every update (PostgreSQL needs none)."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils.translation import gettext as _

from newsroom.articles import search


class Command(BaseCommand):
    help = _("Rebuild the full-text search index of updates (SQLite; PostgreSQL keeps its own).")

    def handle(self, *args, **options):
        if connection.vendor != "sqlite":
            self.stdout.write(_("Nothing to do: PostgreSQL keeps its search columns current."))
            return
        with transaction.atomic():
            count = search.rebuild_index()
        self.stdout.write(_("Indexed %(count)d updates.") % {"count": count})
