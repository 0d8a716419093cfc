"""Machine translation in bulk, on the task queue (the changelist action enqueues it).

For each update it fills only the translated texts that are empty and have a source,
through the workflow as the user who asked, which marks the translation
machine-assisted (so it is not listed for readers until someone reviews it). The
result, one entry per update, is the job's return value, shown in the ops jobs admin;
its messages are in the language of the person who asked.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.tasks import task
from django.utils.translation import gettext as _
from django.utils.translation import override

from newsroom.articles.models import Article
from newsroom.ops.jobs import fail_stale_jobs

from . import writes
from .fields import desk_fields
from .providers import ProviderError, get_provider
from .suggestions import suggest


@task
def machine_translate(article_ids: list, user_id: int, language: str = "en") -> dict:
    fail_stale_jobs()
    user = get_user_model().objects.filter(pk=user_id).first()
    provider = get_provider()
    report = []
    with override(language):
        articles = Article.objects.filter(pk__in=article_ids).prefetch_related(
            "signals", "key_points", "corrections"
        )
        for article in articles:
            report.append(_translate_one(article, user, provider))
    return {"updates": report}


def _translate_one(article, user, provider):
    entry = {"id": article.pk, "title": str(article)}
    if user is None or not writes.may_use_machine_suggestions(user, article):
        return entry | {"result": "error", "message": str(writes.MACHINE_NEEDS_REVIEWER)}
    empty = [f for f in desk_fields(article) if f.source.strip() and not f.target.strip()]
    if not empty:
        return entry | {
            "result": "nothing",
            "message": _("Nothing to fill: every text is translated."),
        }
    try:
        texts = suggest(provider, article, empty)
        changes, rows = {}, {}
        target = f"text_{article.target_language}"
        for field, text in zip(empty, texts, strict=True):
            if field.column:
                changes[field.column] = text
            else:
                rows.setdefault(field.related, []).append(
                    writes.Row(pk=field.pk, values={target: text})
                )
        writes.save_translation(
            article=article,
            user=user,
            version=article.version,
            changes=changes,
            rows=rows,
            machine=True,
        )
    except ProviderError as error:
        return entry | {"result": "error", "message": str(error.message)}
    except (PermissionDenied, ValidationError) as error:
        text = " ".join(getattr(error, "messages", [])) or _(
            "You do not have permission to do this."
        )
        return entry | {"result": "error", "message": text}
    filled = [field.label for field in empty]
    return entry | {
        "result": "filled",
        "filled": filled,
        "message": _("Filled %(count)d texts: %(fields)s.")
        % {"count": len(filled), "fields": ", ".join(filled)},
    }
