"""Signal receivers: cache invalidation, and queueing image renditions (see STYLE.md).

Any saved or deleted row that a public page shows retires the cached public
pages (see ``caching.py``). Writes through ``QuerySet.update()`` send no
signal; the services pair them with a ``save()`` of the update.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .caching import invalidate_public_pages
from .images import has_renditions, make_renditions_task
from .models import (
    Article,
    Correction,
    EditorialSignal,
    KeyPoint,
    Source,
    StoryLink,
    Tag,
    TaggedArticle,
    Topic,
)

SHOWN_ON_PUBLIC_PAGES = (
    Article,
    EditorialSignal,
    KeyPoint,
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


@receiver(post_save, sender=Article, dispatch_uid="article-image-renditions")
def queue_image_renditions(sender, instance, **kwargs):
    """Renditions are made once, after the save commits, not while a reader waits."""
    name = instance.image.name if instance.image else ""
    if not name or getattr(instance, "_renditions_queued", None) == name or has_renditions(name):
        return
    instance._renditions_queued = name  # several saves in one request queue it once
    transaction.on_commit(lambda: make_renditions_task.enqueue(name))
