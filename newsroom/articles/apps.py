from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "newsroom.articles"
    label = "articles"
    verbose_name = _("Newsroom")

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
        from .search import sync

        sync.connect()
