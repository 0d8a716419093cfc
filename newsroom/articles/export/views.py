"""Downloads of an update as Word or PDF: public (published only) and staff (any state).

Neither builds a document: a request serves the file of the update's current version
from the exports storage (``files``) or enqueues its build (``tasks``) and answers 202
with a page that refreshes itself until the file is there. With the immediate task
backend the build has run by the time ``enqueue`` returns, and the file is served at once.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from . import document, files, tasks

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
PREPARING_TITLES = {
    "docx": gettext_lazy("Your Word document is being prepared"),
    "pdf": gettext_lazy("Your PDF is being prepared"),
}
BROWSER_SECONDS = 60
REFRESH_SECONDS = 3


def _file_response(key, content, filename):
    # Read whole (an export is small): the response has a length and works with HEAD.
    response = HttpResponse(content, content_type=CONTENT_TYPES[key.fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Language"] = key.lang
    return response


def _serve_or_prepare(request, key, *, url, filename, context=None):
    """The file for ``key`` if built; else its build enqueued (once) and a 202 page."""
    if (content := files.read(key)) is not None:
        return _file_response(key, content, filename)
    failure = files.failure(key)
    if failure is None and tasks.enqueue_once(key, url=url):
        if (content := files.read(key)) is not None:  # built already (the immediate backend)
            return _file_response(key, content, filename)
        failure = files.failure(key)
    if failure == files.UNAVAILABLE:
        return _not_made(request, "articles/export_unavailable.html", context)
    if failure is not None:
        return _not_made(request, "articles/export_failed.html", context)
    response = TemplateResponse(
        request,
        "admin/articles/article/export_preparing.html"
        if key.kind
        else "articles/export_preparing.html",
        {
            "title": PREPARING_TITLES[key.fmt],
            "refresh_seconds": REFRESH_SECONDS,
            "back_url": url,
            **(context or {}),
        },
        status=202,
    )
    response["Retry-After"] = str(REFRESH_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


def _not_made(request, template, context):
    response = TemplateResponse(request, template, context, status=503)
    response["Retry-After"] = str(files.RETRY_SECONDS)
    patch_cache_control(response, no_store=True)
    return response


def article_export(request, slug, fmt):
    """A published update as .docx or .pdf, in this page's language."""
    from newsroom.articles.views import _find_published

    lang = get_language()
    article = _find_published(slug, lang, related=False)
    if article is None:
        raise Http404(_("There is no published update at this address."))
    own_slug = article.slug_in(lang) or article.slug_in(article.source_language)
    own_url = reverse(f"articles:export_{fmt}", kwargs={"slug": own_slug})
    if own_url != request.path:
        return redirect(own_url, permanent=True)
    response = _serve_or_prepare(
        request,
        files.ExportKey.of(article, lang, fmt),
        url=request.build_absolute_uri(article.get_absolute_url(lang)),
        filename=document.filename(article, lang, fmt),
    )
    if response.status_code == 200:
        patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
    return response


def staff_export(request, article, lang, fmt, *, context=None):
    """Any update, in any state, for staff (the admin checks permission first); never
    cached, and kept apart from the public file. ``context``: the admin's page context."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    response = _serve_or_prepare(
        request,
        files.ExportKey.of(article, lang, fmt, staff=True),
        url=request.build_absolute_uri(article.get_absolute_url(lang)),
        filename=document.filename(article, lang, fmt, preview=True),
        context=context,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
