"""An update as a PDF, rendered by WeasyPrint with the site's own print stylesheet.

WeasyPrint needs Pango from the operating system (Debian: libpango-1.0-0 and
libpangoft2-1.0-0, installed by .ci/run). Without it, ``PdfUnavailable`` is
raised and the view shows a readable message instead of failing.
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from .labels import labels

STYLESHEETS = ("css/site.css", "css/print.css")


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it needs are not installed."""


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango could not be loaded
        raise PdfUnavailable(str(error)) from error
    return weasyprint


def _refuse_fetching(url, *args, **kwargs):
    """Exports never fetch anything: the body has no images and styles are passed in."""
    raise ValueError(f"not fetched: {url[:80]}")


def render_html(doc):
    with translation.override(doc.lang):
        return render_to_string("articles/article_export.html", {"doc": doc, "text": labels(doc)})


def build_pdf(doc):
    """The PDF bytes for an ``ExportDocument`` (raises ``PdfUnavailable``)."""
    weasyprint = _weasyprint()
    stylesheets = [weasyprint.CSS(filename=finders.find(name)) for name in STYLESHEETS]
    html = weasyprint.HTML(string=render_html(doc), url_fetcher=_refuse_fetching)
    return html.write_pdf(stylesheets=stylesheets)
