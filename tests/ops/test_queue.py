"""Background work on the database queue: requests only enqueue, a worker runs the job.

These tests switch the suite's immediate backend for the real database backend and run
a worker pass (``db_worker --batch``), as production does with several workers.
"""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsroom.articles.models import Article
from newsroom.ingest.models import ImportRun
from tests.articles.factories import make_article, make_source, make_user
from tests.ingest.conftest import feed_server  # noqa: F401

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker_pass():
    call_command(
        "db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0",
        verbosity=0, stdout=StringIO(),
    )  # fmt: skip


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_TASKS


# The worker closes and reopens database connections between jobs, as in production,
# so these tests commit for real instead of running inside one rolled-back transaction.
queue_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@queue_db
def test_fetch_now_only_queues_and_a_worker_pass_imports(client, feed_server, database_queue):  # noqa: F811
    feed_server.add_feed("/feed.xml", "rss2_content_encoded.xml")
    source = make_source(feed_url=feed_server.url("/feed.xml"))
    client.force_login(make_user("Writer"))

    response = client.post(reverse("admin:articles_source_fetch", args=[source.pk]), follow=True)

    assert "fetching was queued. The import log shows the run when it ends." in (
        response.content.decode()
    )
    assert feed_server.requests == []  # nothing fetched inside the request
    assert ImportRun.objects.count() == 0
    jobs = client.get(reverse("admin:ops_job_changelist")).content.decode()
    assert "fetch_source" in jobs and 'job-ready">Queued<' in jobs

    worker_pass()

    run = ImportRun.objects.get()
    assert (run.source, run.status, run.created_count) == (source, ImportRun.Status.OK, 2)
    assert run.trigger.startswith("writer")
    assert Article.objects.filter(source=source, status="draft").count() == 2
    jobs = client.get(reverse("admin:ops_job_changelist")).content.decode()
    assert 'job-successful">Finished<' in jobs and "job-ready" not in jobs
    page = client.get(reverse("admin:articles_source_change", args=[source.pk]))
    assert "2 new, 0 updated" in page.content.decode()


@queue_db
def test_poll_feeds_queues_one_job_per_active_source(feed_server, database_queue):  # noqa: F811
    feed_server.add_feed("/feed.xml", "rdf_rss1.xml")
    active = make_source(feed_url=feed_server.url("/feed.xml"))
    make_source(feed_url=feed_server.url("/feed.xml"), is_active=False)
    out = StringIO()

    call_command("poll_feeds", stdout=out)

    assert out.getvalue() == f"{active}: fetch queued.\n"
    assert DBTaskResult.objects.ready().count() == 1
    assert feed_server.requests == []
    worker_pass()
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert ImportRun.objects.get().source == active


@pytest.mark.django_db
def test_runs_and_jobs_left_running_by_a_dead_worker_are_marked_failed():
    source = make_source()
    now = timezone.now()
    dead = ImportRun.objects.create(
        source=source, started_at=now - timedelta(minutes=20), trigger="poll_feeds"
    )
    alive = ImportRun.objects.create(
        source=source, started_at=now - timedelta(minutes=1), trigger="poll_feeds"
    )
    lost_job = _running_job(started_at=now - timedelta(minutes=20))
    busy_job = _running_job(started_at=now - timedelta(minutes=1))

    with time_machine.travel(now, tick=False):
        call_command("poll_feeds", stdout=StringIO())

    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == ImportRun.Status.FAILED and dead.finished_at == now
    assert "stopped before it finished" in dead.message
    assert alive.status == ImportRun.Status.RUNNING
    assert DBTaskResult.objects.get(pk=lost_job.pk).status == TaskResultStatus.FAILED
    assert DBTaskResult.objects.get(pk=busy_job.pk).status == TaskResultStatus.RUNNING


def _running_job(*, started_at):
    return DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [1, "poll_feeds"], "kwargs": {}},
        task_path="newsroom.ingest.tasks.fetch_source",
        backend_name="default",
        run_after=started_at,
        started_at=started_at,
    )


@queue_db
def test_an_export_is_only_queued_by_the_request_and_a_worker_pass_builds_it(
    client, database_queue
):
    cache.clear()
    article = make_article(published=True, title_en="Exported by the worker")
    url = article.get_absolute_url("en") + "export.docx"

    assert client.get(url).status_code == 202
    assert client.get(url).status_code == 202
    job = DBTaskResult.objects.get()  # queued once
    assert job.task_path == "newsroom.articles.export.tasks.build_export"
    client.force_login(make_user("Editor"))
    jobs = client.get(reverse("admin:ops_job_changelist")).content.decode()
    assert "build_export" in jobs and 'job-ready">Queued<' in jobs
    client.logout()

    worker_pass()

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'{article.slug_en}.docx"')
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
