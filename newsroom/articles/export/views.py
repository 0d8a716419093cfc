"""Downloads of an update as Word or PDF: public (published, cached) and staff (any state)."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom import sharedcache
from newsroom.articles import caching

from . import document
from .pdf import PdfUnavailable, build_pdf
from .word import build_docx

FORMATS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", build_docx),
    "pdf": ("application/pdf", build_pdf),
}
CACHE_SECONDS = 300
BROWSER_SECONDS = 60


def _build(doc, fmt):
    """What a download needs, cacheable: the bytes, the file name, the language."""
    content = FORMATS[fmt][1](doc)  # raises PdfUnavailable without WeasyPrint's libraries
    return {"content": content, "filename": f"{doc.slug}.{fmt}", "lang": doc.lang}


def _response(stored, fmt):
    response = HttpResponse(stored["content"], content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = content_disposition_header(True, stored["filename"])
    response["Content-Language"] = stored["lang"]
    return response


def _unavailable(request):
    return TemplateResponse(request, "articles/export_unavailable.html", status=503)


def article_export(request, slug, fmt):
    """A published update as .docx or .pdf, in this page's language; cached like pages."""
    from newsroom.articles.views import _find_published

    # Any change a reader could see bumps the page generation, retiring these with the pages.
    # The query string is left out, so ?anything cannot force a fresh PDF on every request.
    generation = caching.generation()  # None while the cache is unreachable
    key = f"export:{generation}:{request.get_host()}:{request.path}"
    stored = sharedcache.get(key) if generation is not None else None
    if stored is None:
        lang = get_language()
        article = _find_published(slug, lang)
        if article is None:
            raise Http404(_("There is no published update at this address."))
        own_slug = article.slug_in(lang) or article.slug_in(article.source_language)
        own_url = reverse(f"articles:export_{fmt}", kwargs={"slug": own_slug})
        if own_url != request.path:
            return redirect(own_url, permanent=True)
        url = request.build_absolute_uri(article.get_absolute_url(lang))
        try:
            stored = _build(document.build(article, lang, url=url), fmt)
        except PdfUnavailable:
            return _unavailable(request)
        if generation is not None:
            sharedcache.set(key, stored, CACHE_SECONDS)
    response = _response(stored, fmt)
    patch_cache_control(response, public=True, max_age=BROWSER_SECONDS)
    return response


def staff_export(request, article, lang, fmt):
    """Any update, in any state, for staff (the admin checks permission first); not cached."""
    if fmt not in FORMATS:
        raise Http404
    url = request.build_absolute_uri(article.get_absolute_url(lang))
    try:
        stored = _build(document.build(article, lang, url=url, preview=True), fmt)
    except PdfUnavailable:
        return _unavailable(request)
    response = _response(stored, fmt)
    patch_cache_control(response, private=True, no_store=True)
    return response
