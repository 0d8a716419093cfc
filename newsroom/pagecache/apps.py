from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "newsroom.pagecache"
    label = "pagecache"
    verbose_name = _("Public page cache")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.signals import setting_changed

        from .store import reset_store

        setting_changed.connect(reset_store, dispatch_uid="pagecache-reset-store")
