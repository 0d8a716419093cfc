"""Everything that differs by language, looked up from one mapping.

Code that needs a search configuration, a speech voice or the name of the
other language asks here instead of testing ``lang == "nl"``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    name: Promise
    search_config: str  # PostgreSQL text search configuration
    stemmer: str  # Snowball stemmer for SQLite's full-text index (snowballstemmer)
    speech_voice: str  # BCP 47 tag for the browser's speech synthesis
    og_locale: str
    # The Dutch Snowball stemmer keeps some doubled final consonants ("partnerschapp" from
    # "partnerschappen" next to "partnerschap"); search undoubles them on both sides.
    undouble_stems: bool = False


LANGUAGE_INFO = {
    "en": LanguageInfo("en", _("English"), "english", "english", "en-US", "en_US"),
    "nl": LanguageInfo("nl", _("Dutch"), "dutch", "dutch", "nl-NL", "nl_NL", undouble_stems=True),
}

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def info(code):
    return LANGUAGE_INFO[code]


def other_language(code):
    """The language an update is translated into when ``code`` is its source."""
    others = [lang for lang in LANGUAGE_CODES if lang != code]
    return others[0]
