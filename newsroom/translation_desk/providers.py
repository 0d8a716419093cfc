"""Machine suggestions: one small interface, two providers.

``get_provider()`` returns DeepL when ``DEEPL_AUTH_KEY`` is set and the "none" provider
otherwise. A provider translates a list of texts from one of our languages into the
other; ``markdown=True`` texts keep their markup (``markup.py``). Every failure is
raised as ``ProviderError`` with a message for the person who asked, in their
language; callers change nothing when one is raised.

DeepL is reached through the official ``deepl`` package. Its retries and timeout are
module settings of that package; they are set from ``DEEPL_RETRIES`` and
``DEEPL_TIMEOUT_SECONDS`` so a suggestion asked for in a page view fails within
seconds instead of retrying for a minute. The glossary (``glossary.py``) holds the
newsroom's tag and topic names in both languages; DeepL glossaries are immutable, so a
changed list makes a new glossary, and the previous one is deleted.
"""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext, gettext_lazy

from . import glossary, markup

# DeepL's language codes: English as a target needs a variant.
DEEPL_SOURCE = {"en": "EN", "nl": "NL"}
DEEPL_TARGET = {"en": "EN-GB", "nl": "NL"}
GLOSSARY_CACHE_SECONDS = 24 * 3600


class ProviderError(Exception):
    """A suggestion could not be made; ``message`` says why, for the person who asked."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class Provider:
    name = ""
    enabled = False

    def translate(self, texts, *, source, target, markdown=False):
        """``texts`` (a list of strings in ``source``) translated into ``target``."""
        raise NotImplementedError


class NoProvider(Provider):
    """The default: no machine suggestions until an administrator sets a key."""

    name = "none"
    enabled = False
    how_to_enable = gettext_lazy(
        "Machine suggestions are off. An administrator turns them on by setting "
        "DEEPL_AUTH_KEY (a DeepL API key) in the server's environment."
    )

    def translate(self, texts, *, source, target, markdown=False):
        raise ProviderError(self.how_to_enable)


class DeepLProvider(Provider):
    name = "deepl"
    enabled = True

    def __init__(self, auth_key, server_url=None, timeout=10.0, retries=1):
        import deepl

        deepl.http_client.max_network_retries = retries
        deepl.http_client.min_connection_timeout = timeout
        self._deepl = deepl
        self._translator = deepl.Translator(
            auth_key, server_url=server_url or None, send_platform_info=False
        )

    def translate(self, texts, *, source, target, markdown=False):
        texts = list(texts)
        if not any(text.strip() for text in texts):
            return texts
        try:
            return self._translate(texts, source, target, markdown)
        except self._deepl.DeepLException as error:
            raise ProviderError(self._message(error)) from error

    def _translate(self, texts, source, target, markdown):
        glossary_id = self._glossary(source, target)
        if markdown:
            results = []
            for text in texts:
                segments, plan = markup.to_segments(text)
                done = self._call(segments, source, target, glossary_id, xml=True)
                results.append(markup.from_segments(done, plan))
            return results
        return self._call(texts, source, target, glossary_id, xml=False)

    def _call(self, texts, source, target, glossary_id, *, xml):
        # DeepL refuses empty texts; they stay empty.
        wanted = [i for i, text in enumerate(texts) if text.strip()]
        if not wanted:
            return list(texts)
        options = {"preserve_formatting": True}
        if xml:
            options |= {"tag_handling": "xml", "ignore_tags": ["x"]}
        if glossary_id:
            options["glossary"] = glossary_id
        results = self._translator.translate_text(
            [texts[i] for i in wanted],
            source_lang=DEEPL_SOURCE[source],
            target_lang=DEEPL_TARGET[target],
            **options,
        )
        out = list(texts)
        for i, result in zip(wanted, results, strict=True):
            out[i] = result.text
        return out

    def _glossary(self, source, target):
        """The id of a DeepL glossary of our tag and topic names, made when they change."""
        entries = glossary.entries(source, target)
        if not entries:
            return None
        tsv = "\n".join(f"{term}\t{translation}" for term, translation in sorted(entries.items()))
        digest = hashlib.sha256(tsv.encode()).hexdigest()[:16]
        key = f"translation_desk:glossary:{source}-{target}"
        known = cache.get(key)
        if known and known[0] == digest:
            return known[1]
        info = self._translator.create_glossary(
            f"newsroom {source}-{target} {digest}",
            source_lang=DEEPL_SOURCE[source],
            target_lang=DEEPL_SOURCE[target],
            entries=entries,
        )
        if known:
            # An old glossary left behind costs nothing but a slot.
            with contextlib.suppress(self._deepl.DeepLException):
                self._translator.delete_glossary(known[1])
        cache.set(key, (digest, info.glossary_id), GLOSSARY_CACHE_SECONDS)
        return info.glossary_id

    def _message(self, error):
        """What went wrong, in the language of the person who asked (active now)."""
        _ = gettext
        deepl = self._deepl
        if isinstance(error, deepl.AuthorizationException):
            return _(
                "The translation service refused the newsroom's key. Nothing was changed; "
                "ask an administrator to check DEEPL_AUTH_KEY."
            )
        if isinstance(error, deepl.QuotaExceededException):
            return _(
                "The newsroom's machine translation quota for this period is used up. "
                "Nothing was changed; ask an administrator to raise the DeepL quota."
            )
        if isinstance(error, deepl.TooManyRequestsException):
            return _(
                "The translation service is busy (too many requests). Nothing was changed; "
                "try again in a minute."
            )
        if isinstance(error, deepl.ConnectionException):
            return _(
                "The translation service did not answer in time. Nothing was changed; "
                "try again in a minute."
            )
        status = getattr(error, "http_status_code", None)
        if status and status >= 500:
            return _(
                "The translation service has a problem on its side (error %(status)s). "
                "Nothing was changed; try again later."
            ) % {"status": status}
        return _(
            "The translation service could not translate this. Nothing was changed. (%(detail)s)"
        ) % {"detail": str(error)[:200]}


def get_provider():
    if settings.DEEPL_AUTH_KEY:
        return DeepLProvider(
            settings.DEEPL_AUTH_KEY,
            server_url=settings.DEEPL_SERVER_URL,
            timeout=settings.DEEPL_TIMEOUT_SECONDS,
            retries=settings.DEEPL_RETRIES,
        )
    return NoProvider()
