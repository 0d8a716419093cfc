"""Building an export on the task queue, never inside a web request.

The download views enqueue ``build_export`` when the file for an update's current
version is missing; a worker (``manage.py db_worker``) builds it into the exports
storage and the reader's next request is served from there. Arguments and the return
value are plain JSON, as the database backend stores them.
"""

from django.tasks import task

from newsroom import sharedcache
from newsroom.articles.models import Article

from . import document, files
from .pdf import PdfUnavailable, build_pdf
from .word import build_docx

BUILDERS = {"docx": build_docx, "pdf": build_pdf}
# A request that finds no file enqueues a build unless one was enqueued this recently.
QUEUED_SECONDS = 5 * 60


def queued_key(key):
    return f"export-queued:{key.name}"


def enqueue_once(key, *, url):
    """Enqueue the build of ``key`` unless one is already queued; True when enqueued.

    The mark is an ``add`` in the shared cache; without the cache every request enqueues
    (a second build of the same name finds the file and stops).
    """
    if not sharedcache.add(queued_key(key), True, QUEUED_SECONDS):
        return False
    build_export.enqueue(key.article_id, key.lang, key.fmt, url, staff=bool(key.kind))
    return True


@task
def build_export(article_id: int, lang: str, fmt: str, url: str, staff: bool = False) -> dict:
    """Build the Word or PDF file of an update's current version (published, unless
    ``staff``), delete its older versions, and return the file's name and what happened."""
    updates = Article.objects.all() if staff else Article.objects.published()
    article = (
        updates.select_related("source")
        .prefetch_related("signals", "corrections")
        .filter(pk=article_id)
        .first()
    )
    if article is None:
        return {"file": None, "status": "not_found" if staff else "not_published"}
    key = files.ExportKey.of(article, lang, fmt, staff=staff)
    try:
        if files.exists(key):
            status = "exists"
        else:
            doc = document.build(article, lang, url=url, preview=staff)
            files.save(key, BUILDERS[fmt](doc))
            status = "built"
    except PdfUnavailable as error:
        files.record_failure(key, files.UNAVAILABLE)
        return {"file": key.name, "status": files.UNAVAILABLE, "error": str(error)}
    except Exception:
        files.record_failure(key, files.ERROR)
        raise  # the job shows as failed, with its traceback, in the admin
    finally:
        sharedcache.delete(queued_key(key))
    return {"file": key.name, "status": status, "pruned": files.prune(key)}
