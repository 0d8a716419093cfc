"""Liveness and readiness for load balancers and orchestrators.

``/healthz`` answers as long as the process serves requests (it touches no database,
cache or queue, so a database outage does not get healthy app servers restarted).
``/readyz`` checks the database, the cache and the task queue one by one and answers
503 when one of them fails, with each part's result in JSON. Neither is ever cached
nor sets a cookie.

We evaluated django-health-check (4.x, supports Django 6.1): it answers 500 rather
than 503 on a failed check, has no check for django.tasks queues, and brings
dnspython and its own templates; these three checks are a few lines each.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.tasks import TaskResultStatus, task_backends
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

OK = "ok"


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache():
    key = f"newsroom:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("the cache did not return what was just stored in it")
    return {}


def check_tasks():
    backend = task_backends["default"]
    if not backend.__class__.__module__.startswith("django_tasks_db"):
        return {"backend": backend.__class__.__name__}
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(backend_name=backend.alias, status=TaskResultStatus.READY)
    oldest = queued.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    details = {"backend": backend.__class__.__name__, "queued": queued.count()}
    if oldest is not None:
        details["oldest_queued_seconds"] = round(time.time() - oldest.timestamp())
    return details


CHECKS = {"database": check_database, "cache": check_cache, "task_queue": check_tasks}


@never_cache
@require_GET
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def readyz(request):
    results, ready = {}, True
    for name, check in CHECKS.items():
        started = time.monotonic()
        try:
            result = {"status": OK, **check()}
        except Exception as error:  # noqa: BLE001  (any failure means "not ready")
            ready = False
            result = {"status": "failed", "error": _describe(error)}
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        results[name] = result
    return JsonResponse(
        {"status": OK if ready else "failed", "checks": results},
        status=200 if ready else 503,
    )


def _describe(error):
    # The class name always; the text only with DEBUG (it may name hosts and users).
    name = type(error).__name__
    return f"{name}: {error}" if settings.DEBUG else name
