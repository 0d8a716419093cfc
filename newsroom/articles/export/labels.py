"""The words around an export's text, in the page's language (call inside its override)."""

from django.utils.translation import gettext as _


def labels(doc):
    attribution = []
    a = doc.attribution
    if a.source_name:
        attribution.append(
            _("This update first appeared at %(source)s.") % {"source": a.source_name}
        )
    if a.original_url:
        parts = [a.original_title or a.original_url]
        if a.original_author:
            parts.append(a.original_author)
        if a.original_published_at:
            parts.append(doc.date(a.original_published_at))
        attribution.append(_("Original: %(original)s") % {"original": ", ".join(parts)})
        attribution.append(a.original_url)
    notices = []
    if doc.is_draft:
        notices.append(_("Draft: this update is not published."))
    if doc.is_fallback:
        notices.append(
            _(
                "This update is not available in your language yet; "
                "this is the original in %(language)s."
            )
            % {"language": doc.language_name}
        )
    return {
        "meta": doc.date(doc.published_at),
        "notices": notices,
        "summary_disclosure": _("This summary was written with machine assistance."),
        "corrections": [f"{doc.date(when)}: {text}" for when, text in doc.corrections],
        "attribution": attribution,
        "from_url": _("From %(url)s") % {"url": doc.url},
    }
