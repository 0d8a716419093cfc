"""Pagination whose cost does not grow with the number of updates.

``BoundedPaginator`` counts at most ``max_items`` rows (a ``LIMIT``-ed count), so a list of
100,000 updates costs what a list of 5,000 does, and reads a page in two steps: the ids of
the page from the index (``OFFSET`` over ids only), then those rows with everything the
page shows. Pages past ``max_items`` do not exist; the last page says where older updates
are (topics, tags, sources, search, feeds).
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class BoundedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, max_items, known_count=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.max_items = max_items
        self.known_count = known_count  # counted already (the taxonomy counts): no query

    @cached_property
    def count(self):
        # One more than the bound tells "there are more" without counting them all.
        if self.known_count is not None:
            found = self.known_count
        else:
            # Unordered, only ids: a count needs neither the order nor what is computed
            # per row for it (a search's rank: 501 ts_rank_cd, 4 ms).
            found = self.object_list.order_by().values("pk")[: self.max_items + 1].count()
        self.capped = found > self.max_items
        return min(found, self.max_items)

    @property
    def is_capped(self):
        return self.count and self.capped

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.order_by().filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
