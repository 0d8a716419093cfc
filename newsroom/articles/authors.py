"""Bylines and author pages: only what readers may see of an author, the display name."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import ListView

from . import pagemeta
from .models import Article

PAGE_SIZE = 20


def byline(article):
    """The authors readers see: display names only, with their author pages."""
    return [
        {"name": display_name(user), "url": reverse("articles:author", kwargs={"pk": user.pk})}
        for user in article.authors.all()
    ]


def display_name(user):
    return user.get_full_name() or _("Newsroom staff")


class AuthorView(ListView):
    """An author's page: their display name and the published updates they wrote.

    Only what readers already see in bylines is shown; an account with nothing
    published in this language has no page.
    """

    template_name = "articles/author_detail.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        users = get_user_model().objects.filter(is_active=True)
        self.author = get_object_or_404(users, pk=self.kwargs["pk"])
        updates = Article.objects.for_readers_in(get_language()).by_author(self.author)
        if not updates.exists():
            raise Http404(_("This author has no published updates in this language."))
        return updates.for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        name = display_name(self.author)
        context |= {
            "author_name": name,
            "page": pagemeta.listing_meta(
                self.request,
                _("Updates by %(name)s") % {"name": name},
                noindex=context["page_obj"].number > 1,
            ),
        }
        return context
