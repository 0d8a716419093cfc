"""Background jobs in the admin: queued, running, failed and finished, in both languages."""

import uuid

import pytest
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone

from newsroom.ops.models import Job
from tests.articles.factories import make_user

pytestmark = pytest.mark.django_db


def make_job(status, **fields):
    now = timezone.now()
    return Job.objects.create(
        id=uuid.uuid4(),
        status=status,
        args_kwargs={"args": [7, "editor1"], "kwargs": {}},
        task_path="newsroom.ingest.tasks.fetch_source",
        backend_name="default",
        run_after=now,
        **fields,
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Background jobs", "Queued", "Running", "Failed", "Finished"]),
        ("nl", ["Achtergrondtaken", "In de wachtrij", "Bezig", "Mislukt", "Klaar"]),
    ],
)
def test_writers_see_every_state_of_the_jobs_in_their_language(client, language, words):
    for status in TaskResultStatus.values:
        make_job(status)
    client.force_login(make_user("Writer"))

    page = client.get(reverse("admin:ops_job_changelist"), HTTP_ACCEPT_LANGUAGE=language)

    text = page.content.decode()
    assert page.status_code == 200
    for word in words:
        assert word in text
    assert text.count('class="job-state') == 4
    assert "7, &quot;editor1&quot;" in text


def test_a_failed_job_shows_its_error_and_nobody_can_change_it(client):
    job = make_job(TaskResultStatus.FAILED, traceback="FetchError: <boom>\n")
    client.force_login(make_user("Editor"))

    page = client.get(reverse("admin:ops_job_change", args=[job.pk]))

    assert "FetchError: &lt;boom&gt;" in page.content.decode()
    assert client.post(reverse("admin:ops_job_change", args=[job.pk]), {}).status_code == 403
    assert client.get(reverse("admin:ops_job_add")).status_code == 403


def test_translators_do_not_see_the_jobs(client):
    client.force_login(make_user("Translator"))

    assert client.get(reverse("admin:ops_job_changelist")).status_code == 403
