from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationDeskConfig(AppConfig):
    name = "newsroom.translation_desk"
    label = "translation_desk"
    verbose_name = _("Translation desk")
