"""Responsive renditions of an update's image, made once with Pillow.

For an image stored as ``updates/2026/05/x.png`` the renditions are
``renditions/updates/2026/05/x-<width>w.webp`` and ``…-<width>w.<jpg|png>`` (the
fallback keeps transparency as PNG). They are made when the image is saved (a
task enqueued on commit, see ``signals.py``) or, at the latest, the first time a
page needs them; a marker file records that a set is complete, so later
requests only look it up and never re-encode.
"""

import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.tasks import task
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (400, 800, 1200)
WEBP_QUALITY = 80
JPEG_QUALITY = 82


@dataclass(frozen=True)
class Rendition:
    width: int
    url: str


@dataclass(frozen=True)
class Renditions:
    """What a ``<picture>`` needs: WebP and fallback sources, the fallback ``src`` and size."""

    webp: tuple
    fallback: tuple
    src: str
    width: int | None
    height: int | None

    @staticmethod
    def srcset(renditions):
        return ", ".join(f"{r.url} {r.width}w" for r in renditions)

    @property
    def webp_srcset(self):
        return self.srcset(self.webp)

    @property
    def fallback_srcset(self):
        return self.srcset(self.fallback)


def widths_for(original_width):
    """The rendition widths for an image ``original_width`` wide: never upscaled."""
    if not original_width:
        return ()
    return tuple(
        sorted({w for w in WIDTHS if w < original_width} | {min(original_width, WIDTHS[-1])})
    )


def _base(name):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / path.stem)


def _fallback_ext(name):
    return "png" if name.lower().endswith(".png") else "jpg"


def _paths(name, width):
    base = _base(name)
    return f"{base}-{width}w.webp", f"{base}-{width}w.{_fallback_ext(name)}"


def _marker(name):
    return f"{_base(name)}.done"


def has_renditions(name, storage=default_storage):
    return storage.exists(_marker(name))


def _upright_size(name, storage):
    """(width, height) of the image as shown (EXIF orientation applied), as the marker
    written with its renditions says; None without renditions (or an older marker)."""
    try:
        with storage.open(_marker(name), "rb") as handle:
            width, _, height = handle.read().decode().strip().partition("x")
        return int(width), int(height)
    except (OSError, ValueError):
        return None


def make_renditions(name, storage=default_storage):
    """Encode every rendition of the stored image ``name`` (idempotent). Returns the count."""
    if has_renditions(name, storage):
        return 0
    with storage.open(name, "rb") as handle, Image.open(handle) as opened:
        image = ImageOps.exif_transpose(opened)
        image.load()
    as_png = _fallback_ext(name) == "png"  # PNG stays PNG (keeps transparency and line art)
    has_alpha = as_png and (image.mode in ("RGBA", "LA") or "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    fallback_format, fallback_options = (
        ("PNG", {"optimize": True}) if as_png else ("JPEG", {"quality": JPEG_QUALITY})
    )
    made = 0
    for width in widths_for(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        webp_path, fallback_path = _paths(name, width)
        for path, fmt, options in (
            (webp_path, "WEBP", {"quality": WEBP_QUALITY}),
            (fallback_path, fallback_format, fallback_options),
        ):
            buffer = io.BytesIO()
            resized.save(buffer, fmt, **options)
            if storage.exists(path):
                storage.delete(path)
            storage.save(path, ContentFile(buffer.getvalue()))
            made += 1
    # The size the renditions were cut from, upright: the page's widths and <img> size.
    storage.save(_marker(name), ContentFile(f"{image.width}x{image.height}\n".encode()))
    return made


@task
def make_renditions_task(name):
    make_renditions(name)


def renditions_for(field_file, width=None, height=None, storage=default_storage):
    """The renditions of an image, made now if they do not exist yet; None without an image."""
    if not field_file:
        return None
    name = field_file.name
    try:
        upright = _upright_size(name, storage)
        if upright is None:
            make_renditions(name, storage)
            upright = _upright_size(name, storage)
        if upright is not None:
            # The stored width and height ignore an EXIF rotation; the renditions do not.
            width, height = upright
        elif width is None:
            with storage.open(name, "rb") as handle, Image.open(handle) as opened:
                width, height = opened.size
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.warning("No renditions for %s: the image cannot be read.", name)
        return Renditions((), (), field_file.url, width, height)
    webp, fallback = [], []
    for w in widths_for(width):
        webp_path, fallback_path = _paths(name, w)
        webp.append(Rendition(w, storage.url(webp_path)))
        fallback.append(Rendition(w, storage.url(fallback_path)))
    middle = fallback[min(1, len(fallback) - 1)] if fallback else None
    return Renditions(
        tuple(webp), tuple(fallback), middle.url if middle else field_file.url, width, height
    )
