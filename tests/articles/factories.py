"""Small factories for the articles app: each makes a valid object and takes overrides."""

import io
import itertools

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from newsroom.articles.models import Article, EditorialSignal, Source, StoryLink, Topic

_counter = itertools.count(1)


def make_user(role=None, **overrides):
    """A staff user in the Writer, Translator or Editor group (or none)."""
    n = next(_counter)
    fields = {"username": f"{(role or 'user').lower()}{n}", "is_staff": True} | overrides
    password = fields.pop("password", "a-long-test-password")
    user = User.objects.create_user(password=password, **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_picture(width=1600, height=900, fmt="PNG", name=None):
    """An uploaded image made with Pillow (a two-colour picture)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "#0b5cad")
    ImageDraw.Draw(image).ellipse([width // 4, height // 4, width // 2, height // 2], fill="white")
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    ext = {"PNG": "png", "JPEG": "jpg"}[fmt]
    return SimpleUploadedFile(
        name or f"picture-{next(_counter)}.{ext}", buffer.getvalue(), f"image/{fmt.lower()}"
    )


def make_source(**overrides):
    n = next(_counter)
    fields = {
        "name_en": f"Source {n}",
        "name_nl": f"Bron {n}",
        "slug": f"source-{n}",
        "homepage": f"https://source{n}.example/",
    } | overrides
    return Source.objects.create(**fields)


def make_topic(**overrides):
    n = next(_counter)
    fields = {"name_en": f"Topic {n}", "name_nl": f"Onderwerp {n}", "slug": f"topic-{n}"}
    return Topic.objects.create(**(fields | overrides))


def make_article(*, signals=1, published=False, translated=False, **overrides):
    """An update in English with ``signals`` bullets; optionally published and with Dutch text."""
    n = next(_counter)
    fields = {
        "title_en": f"Update number {n}",
        "slug_en": f"update-number-{n}",
        "relevance_en": "Relevant if you build with AI tools.",
        "summary_en": f"Summary of update {n}.",
        "body_en": f"## What changed\n\nBody of update {n}.",
        "source_language": "en",
    }
    if translated:
        fields |= {
            "title_nl": f"Update nummer {n}",
            "slug_nl": f"update-nummer-{n}",
            "relevance_nl": "Relevant als je bouwt met AI-tools.",
            "summary_nl": f"Samenvatting van update {n}.",
            "body_nl": f"## Wat er verandert\n\nTekst van update {n}.",
        }
    if published:
        fields |= {"status": Article.Status.PUBLISHED, "publish_at": timezone.now()}
        fields.setdefault("first_published_at", fields["publish_at"])
    fields |= overrides
    article = Article.objects.create(**fields)
    for i in range(signals):
        EditorialSignal.objects.create(
            article=article,
            position=i,
            text_en=f"Signal {i + 1} for update {n}.",
            text_nl=f"Duiding {i + 1} bij update {n}." if translated else "",
        )
    from newsroom.articles.workflow import refresh_translation_state

    refresh_translation_state(article)
    return article


def link(from_article, to_article, kind=StoryLink.Kind.FOLLOW_UP):
    return StoryLink.objects.create(from_article=from_article, to_article=to_article, kind=kind)
