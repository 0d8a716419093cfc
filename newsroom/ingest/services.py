"""Importing items from sources as draft updates.

Each run is logged (``ImportRun`` with one ``ImportRunItem`` per notable item)
and each item is written in its own transaction: an item either becomes a
complete draft (update, tags, identity, log line) or leaves nothing behind but
an error line in the log. A broken feed fails its own run and nothing else.

These functions act for the importer, not for a person: they check no
permissions (the admin checks before calling them) and never touch an update an
editor has saved since the import. Updates are written through the workflow
(``workflow.create_imported_draft`` / ``refresh_imported_draft``).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsroom.articles import workflow
from newsroom.articles.models import Article, Source, Tag
from newsroom.languages import LANGUAGE_CODES

from . import fetch as http
from .cleaning import normalise_url
from .models import FeedState, ImportedItem, ImportRun, ImportRunItem
from .parsers import ParseError, parse_feed, read_markdown

logger = logging.getLogger(__name__)
Outcome = ImportRunItem.Outcome
URL_MAX_LENGTH = ImportedItem._meta.get_field("url").max_length


@dataclass(frozen=True)
class ItemResult:
    outcome: str
    message: str = ""
    article: Article | None = None


# Feeds -----------------------------------------------------------------------


def import_feed(*, source, location=None, trigger="", fetcher=None):
    """Fetch ``source``'s feed (or read ``location``: a URL or a file path) and import it.

    Returns the finished ``ImportRun``. Conditional GET is used, and the
    validators remembered, only for the source's own feed URL.
    """
    location = location or source.feed_url
    now = timezone.now()
    run = ImportRun.objects.create(
        source=source, kind=ImportRun.Kind.FEED, location=location, trigger=trigger, started_at=now
    )
    state, _created = FeedState.objects.get_or_create(source=source)
    own_feed = bool(location) and location == source.feed_url
    fetched = None
    try:
        if not location:
            raise http.FetchError(_("This source has no feed URL."))
        if location.startswith(("http://", "https://")):
            fetched = (fetcher or http.fetch)(
                location,
                etag=state.etag if own_feed else "",
                last_modified=state.last_modified if own_feed else "",
            )
            if fetched.not_modified:
                run.message = _("The feed has not changed since the last fetch.")
                return _finish(run, state, status=ImportRun.Status.NOT_MODIFIED, now=now)
            parsed = parse_feed(fetched.content, url=fetched.url, content_type=fetched.content_type)
        else:
            parsed = parse_feed(http.read_file(location), url=source.feed_url or "")
    except (http.FetchError, ParseError) as error:
        run.message = str(error)
        return _finish(run, state, status=ImportRun.Status.FAILED, now=now)
    except Exception as error:
        logger.exception("Import of %s failed", location)
        run.message = _("Unexpected error: %(error)s") % {"error": error}
        return _finish(run, state, status=ImportRun.Status.FAILED, now=now)

    messages = list(parsed.warnings)
    seen = set()
    for item in parsed.items:
        _record(run, item, _import_once(item=item, source=source, seen=seen, now=now))
    run.message = "\n".join(messages)
    status = _status_from_counts(run)
    if own_feed and fetched is not None and status == ImportRun.Status.OK:
        # Only a clean run may be skipped next time with a 304: items that failed
        # should be tried again when the feed is fetched again.
        state.etag = fetched.etag[:500]
        state.last_modified = fetched.last_modified[:100]
    return _finish(run, state, status=status, now=now)


def poll_sources(*, sources=None, trigger="poll_feeds", fetcher=None):
    """Import every active source with a feed URL; one broken feed does not stop the others."""
    if sources is None:
        sources = Source.objects.filter(is_active=True).exclude(feed_url="")
    return [import_feed(source=source, trigger=trigger, fetcher=fetcher) for source in sources]


# Markdown --------------------------------------------------------------------


def import_markdown_files(*, paths, source=None, trigger="import_markdown"):
    """Import Markdown posts with YAML front matter (one item per file).

    Without ``source`` each post's ``feed_url`` picks the source; an unknown
    feed becomes a new, inactive source named after ``feed_name``.
    """
    now = timezone.now()
    files = _markdown_files(paths)
    run = ImportRun.objects.create(
        source=source,
        kind=ImportRun.Kind.MARKDOWN,
        location=one_location(paths),
        trigger=trigger,
        started_at=now,
    )
    seen = set()
    for path in files:
        try:
            item = read_markdown(path)
        except ParseError as error:
            _record(run, None, ItemResult(Outcome.ERROR, str(error)), link=str(path))
            continue
        try:
            item_source = source or _source_for(item)
        except ValueError as error:
            _record(run, item, ItemResult(Outcome.ERROR, str(error)))
            continue
        _record(run, item, _import_once(item=item, source=item_source, seen=seen, now=now))
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        run.message = _("Not found: %(paths)s") % {"paths": ", ".join(missing)}
        run.error_count += len(missing)
    if not files and not missing:
        run.message = _("No Markdown files (*.md) were found.")
    return _finish(run, None, status=_status_from_counts(run), now=now)


def one_location(paths):
    text = ", ".join(str(p) for p in paths)
    return text if len(text) <= 1000 else text[:999] + "…"


def _markdown_files(paths):
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.md") if p.is_file()))
        elif path.is_file():
            files.append(path)
    return files


def _source_for(item):
    """The source a Markdown post names by its feed URL, created (inactive) if new."""
    if not item.feed_url and not item.feed_name:
        raise ValueError(
            _("The front matter names no feed_url or feed_name; give --source to say the source.")
        )
    if item.feed_url:
        for source in Source.objects.exclude(feed_url=""):
            if normalise_url(source.feed_url) == item.feed_url:
                return source
    name = item.feed_name or item.feed_url
    existing = Source.objects.filter(
        Q(**{f"name_{LANGUAGE_CODES[0]}__iexact": name}) | Q(slug=slugify(name))
    ).first()
    if existing:
        return existing
    slug = _unique_slug(slugify(name) or "source")
    language = item.language if item.language in LANGUAGE_CODES else LANGUAGE_CODES[0]
    fields = {f"name_{lang}": name[:120] for lang in LANGUAGE_CODES}
    homepage = normalise_url("/", item.url) if item.url else ""
    return Source.objects.create(
        slug=slug,
        feed_url=item.feed_url,
        homepage=homepage,
        language=language,
        is_active=False,
        **fields,
    )


def _unique_slug(base):
    slug, n = base[:110], 2
    while Source.objects.filter(slug=slug).exists():
        slug, n = f"{base[:110]}-{n}", n + 1
    return slug


# One item ---------------------------------------------------------------------


def _import_once(*, item, source, seen, now):
    """Import ``item`` unless it already appeared in this run; errors become log lines."""
    if item.error:
        return ItemResult(Outcome.ERROR, item.error)
    if len(item.url) > URL_MAX_LENGTH:
        return ItemResult(
            Outcome.ERROR,
            _("The link is longer than %(max)d characters; not imported.")
            % {"max": URL_MAX_LENGTH},
        )
    keys = {key for key in (("url", item.url), ("guid", source.pk, item.guid)) if key[-1]}
    if keys & seen:
        return ItemResult(
            Outcome.SKIPPED, _("The same item appears more than once; only the first was used.")
        )
    seen.update(keys)
    try:
        with transaction.atomic():
            return import_item(item=item, source=source, now=now)
    except IntegrityError:
        logger.warning("Import of %s clashed with another import", item.label, exc_info=True)
        return ItemResult(
            Outcome.ERROR,
            _("Another import was saving this item at the same time; it will be tried again."),
        )
    except Exception as error:
        logger.exception("Import of item %s failed", item.label)
        return ItemResult(Outcome.ERROR, _("Unexpected error: %(error)s") % {"error": error})


def import_item(*, item, source, now):
    """Create a draft update for ``item``, or refresh the one made from it before.

    Call inside a transaction. An update an editor has saved since the import, or
    that is no longer a draft, is left alone (and the result says so).
    """
    imported = _find_imported(item=item, source=source)
    if imported is None:
        article = _new_article(item=item, source=source, now=now)
        ImportedItem.objects.create(
            source=source,
            url=item.url,
            guid=item.guid,
            article=article,
            imported_version=article.version,
            content_hash=item.content_hash(),
            feed_name=item.feed_name,
            feed_url=item.feed_url,
            excerpt=item.excerpt,
            first_imported_at=now,
            last_imported_at=now,
        )
        return ItemResult(Outcome.NEW, " ".join(item.notes), article)

    content_hash = item.content_hash()
    if imported.content_hash == content_hash:
        return ItemResult("unchanged")
    # The original changed. Remember that we saw this version, so a draft that is
    # left alone is reported once per change, not on every poll.
    imported.content_hash = content_hash
    imported.last_imported_at = now
    if imported.article_id is None:
        imported.save()
        return ItemResult(
            Outcome.SKIPPED,
            _("The original changed, but the update made from it was deleted; not imported again."),
        )
    article = Article.objects.filter(pk=imported.article_id).first()
    if article.version != imported.imported_version or article.status != Article.Status.DRAFT:
        imported.save()
        return ItemResult(
            Outcome.SKIPPED,
            _("The original changed, but an editor has worked on this update; left as it is."),
            article,
        )
    try:
        result = workflow.refresh_imported_draft(
            article=article,
            version=imported.imported_version,
            changes=_imported_fields(article.source_language, item=item, source=source, now=now),
            tags=_tags_for(article.source_language, item.categories),
            comment=_("Cached text refreshed from the source."),
        )
    except ValidationError:  # edited (or published) between our read and the lock
        imported.save()
        return ItemResult(
            Outcome.SKIPPED,
            _("The original changed, but an editor has worked on this update; left as it is."),
            article,
        )
    article = result.article
    imported.url = imported.url or item.url
    imported.guid = imported.guid or item.guid
    imported.imported_version = article.version
    imported.excerpt = item.excerpt
    imported.save()
    return ItemResult(Outcome.UPDATED, " ".join(item.notes), article)


def _find_imported(*, item, source):
    match = Q(pk__in=[])
    if item.url:
        match |= Q(url=item.url)
    if item.guid:
        match |= Q(source=source, guid=item.guid)
    return ImportedItem.objects.select_for_update().filter(match).first()


def _new_article(*, item, source, now):
    lang = source.language
    return workflow.create_imported_draft(
        changes={
            "source_language": lang,
            **_imported_fields(lang, item=item, source=source, now=now),
        },
        tags=_tags_for(lang, item.categories),
        comment=_("Imported from %(source)s.") % {"source": source},
    )


def _imported_fields(lang, *, item, source, now):
    """The columns an import writes (through the workflow): the text and the original."""
    return {
        f"title_{lang}": item.title[:200],
        f"summary_{lang}": item.summary,
        "source_id": source.pk,
        "original_title": item.title[:300],
        "original_url": item.url,
        "original_author": item.author,
        "original_published_at": item.published_at,
        "original_text": item.content_html,
        "original_cached_at": now,
    }


def _tags_for(lang, names):
    """Tags named in the item, found by name or slug, made when new (tags are not updates)."""
    tags = []
    for name in names:
        slug = slugify(name)
        if not slug:
            continue
        tag = Tag.objects.filter(Q(**{f"name_{lang}__iexact": name}) | Q(slug=slug)).first()
        if tag is None:
            tag = Tag(slug=slug, **{f"name_{lang}": name})
            tag.save()
        if tag not in tags:
            tags.append(tag)
    return tags


# The log -----------------------------------------------------------------------


def _record(run, item, result, *, link=""):
    if result.outcome == "unchanged":
        run.unchanged_count += 1
        return
    counter = {
        Outcome.NEW: "created_count",
        Outcome.UPDATED: "updated_count",
        Outcome.SKIPPED: "skipped_count",
        Outcome.ERROR: "error_count",
    }[result.outcome]
    setattr(run, counter, getattr(run, counter) + 1)
    ImportRunItem.objects.create(
        run=run,
        outcome=result.outcome,
        title=item.title[:300] if item else "",
        link=(item.url or item.guid if item else link)[:1000],
        message=result.message,
        article=result.article,
    )


def _status_from_counts(run):
    if not run.error_count:
        return ImportRun.Status.OK
    if run.created_count or run.updated_count or run.skipped_count or run.unchanged_count:
        return ImportRun.Status.PARTIAL
    return ImportRun.Status.FAILED


def summary_line(run):
    """“3 new, 1 updated, 2 skipped, 0 errors”, for messages and the source list."""
    return _("%(new)s, %(updated)s, %(unchanged)s, %(skipped)s, %(errors)s") % {
        "new": ngettext("%(n)d new", "%(n)d new", run.created_count) % {"n": run.created_count},
        "updated": ngettext("%(n)d updated", "%(n)d updated", run.updated_count)
        % {"n": run.updated_count},
        "unchanged": ngettext("%(n)d unchanged", "%(n)d unchanged", run.unchanged_count)
        % {"n": run.unchanged_count},
        "skipped": ngettext("%(n)d skipped", "%(n)d skipped", run.skipped_count)
        % {"n": run.skipped_count},
        "errors": ngettext("%(n)d error", "%(n)d errors", run.error_count) % {"n": run.error_count},
    }


def _finish(run, state, *, status, now):
    run.status = status
    run.finished_at = timezone.now()
    run.save()
    if state is not None:
        state.last_fetched_at = now
        state.last_result = {
            ImportRun.Status.OK: FeedState.Result.OK,
            ImportRun.Status.NOT_MODIFIED: FeedState.Result.NOT_MODIFIED,
            ImportRun.Status.PARTIAL: FeedState.Result.PARTIAL,
        }.get(status, FeedState.Result.FAILED)
        counted = status in {ImportRun.Status.OK, ImportRun.Status.PARTIAL}
        detail = summary_line(run) if counted else ""
        state.last_message = "\n".join(part for part in (run.message, detail) if part)
        state.save()
    return run


def fail_stale_runs(*, now=None):
    """Mark import runs still “running” past the stale limit failed; returns how many.

    A run is written as running when it starts and finished at its end; one that is
    still running long after every fetch deadline belongs to a worker that died.
    """
    now = now or timezone.now()
    limit = settings.NEWSROOM_STALE_JOB_SECONDS
    stale = ImportRun.objects.filter(
        status=ImportRun.Status.RUNNING, started_at__lt=now - timedelta(seconds=limit)
    )
    return stale.update(
        status=ImportRun.Status.FAILED,
        finished_at=now,
        message=_(
            "The worker running this import stopped before it finished "
            "(still running after %(seconds)d seconds)."
        )
        % {"seconds": limit},
    )
