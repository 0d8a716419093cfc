"""Signal receivers: names readers see outside the workflow, and image renditions.

Updates and their rows change only through the workflow, which retires the cached
public pages itself (on commit, and only when readers could notice). Sources, topics
and tags are edited on their own admin pages: renaming or deleting one that published
updates carry retires the pages too, after commit. Creating one changes no page.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from .caching import invalidate_public_pages
from .images import has_renditions, make_renditions_task
from .models import Article, Source, Tag, Topic


def _carried_by_published(instance):
    if isinstance(instance, Tag):
        updates = Article.objects.filter(tags=instance)
    else:
        updates = instance.articles.all()
    return updates.filter(status=Article.Status.PUBLISHED).exists()


def _names_changed(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    if _carried_by_published(instance):
        transaction.on_commit(invalidate_public_pages)


def _deleting(sender, instance, **kwargs):
    instance._was_shown = bool(instance.pk) and _carried_by_published(instance)


def _deleted(sender, instance, **kwargs):
    if getattr(instance, "_was_shown", False):
        transaction.on_commit(invalidate_public_pages)


for _model in (Source, Topic, Tag):
    post_save.connect(_names_changed, sender=_model, dispatch_uid=f"public-names-{_model.__name__}")
    pre_delete.connect(_deleting, sender=_model, dispatch_uid=f"public-names-pre-{_model.__name__}")
    post_delete.connect(_deleted, sender=_model, dispatch_uid=f"public-names-del-{_model.__name__}")


@receiver(post_save, sender=Article, dispatch_uid="article-image-renditions")
def queue_image_renditions(sender, instance, **kwargs):
    """Renditions are made once, after the save commits, not while a reader waits."""
    name = instance.image.name if instance.image else ""
    if not name or getattr(instance, "_renditions_queued", None) == name or has_renditions(name):
        return
    instance._renditions_queued = name  # several saves in one request queue it once
    transaction.on_commit(lambda: make_renditions_task.enqueue(name))
