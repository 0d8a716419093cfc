"""The dashboard's reads: every update's translation state, filtered and in the order a
translator works through them, and the counts per state (also on the admin index)."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from newsroom.articles.models import Article, Status, TranslationState
from newsroom.languages import LANGUAGE_CODES

STATE_ORDER = [
    TranslationState.OUTDATED,
    TranslationState.MACHINE,
    TranslationState.DRAFT,
    TranslationState.MISSING,
    TranslationState.REVIEWED,
]


def _published_outdated():
    return Q(status=Status.PUBLISHED, translation_state=TranslationState.OUTDATED)


def state_counts(queryset=None):
    """``{state: count}`` for every translation state, plus published and out of date."""
    queryset = Article.objects.all() if queryset is None else queryset
    counts = dict.fromkeys(TranslationState.values, 0)
    for state, count in _grouped(queryset):
        counts[state] = count
    counts["published_outdated"] = queryset.filter(_published_outdated()).count()
    return counts


def _grouped(queryset):
    return (
        queryset.order_by()
        .values_list("translation_state")
        .annotate(n=Count("pk"))
        .values_list("translation_state", "n")
    )


def filtered(params):
    """Updates for the dashboard's query ``params``, published and out of date first."""
    updates = Article.objects.select_related("translation_reviewed_by").prefetch_related(
        "signals", "key_points", "corrections", "topics"
    )
    filters = {
        name: params.get(name, "") for name in ("state", "lang", "topic", "status", "attention")
    }
    if filters["state"] in TranslationState.values:
        updates = updates.filter(translation_state=filters["state"])
    if filters["lang"] in LANGUAGE_CODES:
        updates = updates.filter(source_language=filters["lang"])
    if filters["topic"]:
        updates = updates.filter(topics__slug=filters["topic"])
    if filters["status"] in Status.values:
        updates = updates.filter(status=filters["status"])
    if filters["attention"]:
        updates = updates.filter(_published_outdated())
    # Published and out of date first, then what most needs a translator.
    priority = Case(
        When(_published_outdated(), then=Value(0)),
        *(When(translation_state=state, then=Value(n)) for n, state in enumerate(STATE_ORDER, 1)),
        default=Value(9),
        output_field=IntegerField(),
    )
    return updates.annotate(priority=priority).order_by("priority", "-updated_at", "-id"), filters
