"""The page an outside reviewer opens from a preview link: the update as readers would
see it in the link's language, drafts and unreviewed translations included.

Never cached anywhere (``private, no-store``), never indexed (``X-Robots-Tag``), and the
address is not passed on to other sites (``Referrer-Policy``). An expired or revoked
link answers 410 with a short explanation in the link's language.
"""

from django.template.response import TemplateResponse
from django.utils.translation import override

from newsroom.articles.views import article_context

from .models import PreviewLink


def preview_page(request, token):
    link = PreviewLink.from_token(token)
    if link is None:
        response = TemplateResponse(request, "translation_desk/preview_gone.html", status=404)
    elif not link.is_active():
        with override(link.language):
            response = TemplateResponse(
                request, "translation_desk/preview_gone.html", {"link": link}, status=410
            )
            response.render()
    else:
        with override(link.language):
            context = article_context(link.article, link.language, preview=True)
            context["preview_link"] = link
            response = TemplateResponse(request, "articles/article_detail.html", context)
            response.render()
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
