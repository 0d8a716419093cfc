"""Signal receivers: only cache invalidation lives here (see STYLE.md).

Any saved or deleted row that a public page shows retires the cached public
pages (see ``caching.py``). Writes through ``QuerySet.update()`` send no
signal; the services pair them with a ``save()`` of the update.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .caching import invalidate_public_pages
from .models import (
    Article,
    Correction,
    EditorialSignal,
    Source,
    StoryLink,
    Tag,
    TaggedArticle,
    Topic,
)

SHOWN_ON_PUBLIC_PAGES = (
    Article,
    EditorialSignal,
    StoryLink,
    Correction,
    Source,
    Topic,
    Tag,
    TaggedArticle,
)


def retire_cached_pages(sender, **kwargs):
    invalidate_public_pages()


for model in SHOWN_ON_PUBLIC_PAGES:
    post_save.connect(retire_cached_pages, sender=model, dispatch_uid=f"public-pages-{model}")
    post_delete.connect(retire_cached_pages, sender=model, dispatch_uid=f"public-pages-{model}")


@receiver(m2m_changed, sender=Article.topics.through)
def retire_cached_pages_on_topics(sender, action, **kwargs):
    if action.startswith("post_"):
        invalidate_public_pages()
