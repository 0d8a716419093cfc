"""Fields stored once per language: modeltranslation adds ``<field>_en`` and ``<field>_nl``."""

from modeltranslation.translator import TranslationOptions, register

from .models import Article, Correction, EditorialSignal, KeyPoint, Source, Tag, Topic


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "relevance",
        "summary",
        "body",
        "meta_description",
        "image_alt",
        "image_credit",
    )
    # A missing slug is NULL, so the per-language unique constraints allow many of them.
    empty_values = {"slug": None}
    fallback_undefined = {"slug": None}


@register(EditorialSignal)
class EditorialSignalTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(KeyPoint)
class KeyPointTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Source)
class SourceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name",)
    empty_values = {"name": None}


@register(Correction)
class CorrectionTranslationOptions(TranslationOptions):
    fields = ("text",)
