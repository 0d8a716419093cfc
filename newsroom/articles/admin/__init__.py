"""The editorial admin: a thin adapter over the workflow (``newsroom.articles.workflow``).

Modules: ``filters`` (changelist filters), ``inlines`` (signals, key points, corrections,
story links), ``panels`` (read-only panels on the change form), ``adapter`` (form and
formsets → one workflow call), ``articles`` (``ArticleAdmin``), ``taxonomy`` (sources,
topics, tags). Who may change what is decided by ``workflow.permissions``: the admin
shows the allow-list as read-only fields and the workflow enforces it again.
"""

import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag as TaggitTag

from ..models import Article, Correction, EditorialSignal, KeyPoint, StoryLink, TaggedArticle

reversion.register(
    Article,
    exclude=["version", "translation_state"],
    follow=["signals", "key_points", "outgoing_links", "taggedarticle_set", "corrections"],
)
for _model in (KeyPoint, Correction, EditorialSignal, StoryLink, TaggedArticle):
    reversion.register(_model)

admin.site.site_header = _("Newsroom editorial admin")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Editorial desk")

if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)

from .articles import ArticleAdmin  # noqa: E402  (registers; needs the models above registered)
from .taxonomy import SourceAdmin, TagAdmin, TopicAdmin  # noqa: E402

__all__ = ["ArticleAdmin", "SourceAdmin", "TagAdmin", "TopicAdmin"]
