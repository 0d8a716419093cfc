"""Two people saving the same update at the same moment, on PostgreSQL (row locks).

The second save waits for the first (``select_for_update``), then finds the version
moved on and is refused: nobody's work is silently overwritten.
"""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections

from newsroom.articles import workflow
from newsroom.articles.models import Article
from newsroom.articles.workflow import changes

from ..factories import make_article, make_user

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (CI runs it)"
    ),
]


def test_two_saves_from_the_same_version_one_wins_one_is_told(settings):
    article = make_article()
    users = [make_user("Editor"), make_user("Editor")]
    version = article.version
    start = threading.Barrier(2)
    outcomes = []
    real_apply = changes.apply_changes

    def slow_apply(edit, values):
        real_apply(edit, values)
        time.sleep(0.3)  # hold the edit open: the other save arrives meanwhile

    def save(user, title):
        try:
            start.wait()
            workflow.save_edit(
                article=article, user=user, version=version, changes={"title_en": title}
            )
            outcomes.append(("saved", title))
        except workflow.StaleEdit:
            outcomes.append(("stale", title))
        finally:
            connections.close_all()

    with mock.patch("newsroom.articles.workflow.actions.apply_changes", side_effect=slow_apply):
        threads = [
            threading.Thread(target=save, args=(user, title))
            for user, title in zip(users, ("First", "Second"), strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(kind for kind, _ in outcomes) == ["saved", "stale"]
    stored = Article.objects.get(pk=article.pk)
    winner = next(title for kind, title in outcomes if kind == "saved")
    assert stored.title_en == winner
    assert stored.version == version + 1
