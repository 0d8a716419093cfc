"""The story thread of an update, as readers see it: every linked update, oldest first.

Imports only models; ``views.py`` (and the admin preview through it) use it.
"""

from .models import Article, StoryLink


def _text(obj, name, lang):
    return getattr(obj, f"{name}_{lang}", "") or ""


def story_links(article):
    """The updates in ``article``'s story thread (linked to it directly or through others),
    and how each directly linked one relates to it: ``(ids, {pk: label})``.

    One query for all links, whatever the thread's length; threads are small.
    """
    edges, labels = {}, {}
    links = StoryLink.objects.order_by().values_list("from_article_id", "to_article_id", "kind")
    for source, target, kind in links:
        edges.setdefault(source, set()).add(target)
        edges.setdefault(target, set()).add(source)
        if source == article.pk:
            labels[target] = StoryLink.Kind(kind).label
        elif target == article.pk:
            labels[source] = StoryLink.INVERSE_LABELS[kind]
    seen, todo = {article.pk}, [article.pk]
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen - {article.pk}, labels


def story_timeline(article, lang, shown_language):
    """The whole story thread, oldest first, with this update marked and each one labelled
    by how it links to this one (when it does directly)."""
    ids, labels = story_links(article)
    others = list(Article.objects.for_readers_in(lang).filter(pk__in=ids)) if ids else []
    if not others:
        return []
    entries = [
        {
            "article": other,
            "label": labels.get(other.pk, ""),
            "title": _text(other, "title", lang),
            "teaser": _text(other, "relevance", lang) or _text(other, "summary", lang),
            "current": False,
        }
        for other in others
    ]
    shown = shown_language
    entries.append(
        {
            "article": article,
            "label": "",
            "title": _text(article, "title", shown) or article.title_in(article.source_language),
            "teaser": "",
            "current": True,
        }
    )
    # An unpublished update (a preview) sorts as the newest.
    return sorted(
        entries,
        key=lambda e: (e["article"].publish_at is None, e["article"].publish_at or 0),
    )
