"""Pictures: responsive renditions made once with Pillow, and how pages show them."""

import re

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from PIL import Image

from newsroom.articles import images

from .factories import make_picture
from .public_helpers import _fresh_cache, make_bilingual  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def encodes(monkeypatch):
    """Counts every image Pillow encodes."""
    calls = []
    original = Image.Image.save

    def counting_save(self, fp, format=None, **params):
        calls.append(format)
        return original(self, fp, format, **params)

    monkeypatch.setattr(Image.Image, "save", counting_save)
    return calls


def test_saving_an_image_makes_webp_and_fallback_renditions_once(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        update = make_bilingual(image=make_picture(1600, 900))
    assert (update.image_width, update.image_height) == (1600, 900)
    base = "renditions/" + update.image.name.rsplit(".", 1)[0]
    for width in (400, 800, 1200):
        for ext in ("webp", "png"):
            path = f"{base}-{width}w.{ext}"
            assert default_storage.exists(path), path
            with default_storage.open(path, "rb") as handle, Image.open(handle) as rendition:
                assert rendition.width == width
                assert rendition.height == round(900 * width / 1600)
    assert images.make_renditions(update.image.name) == 0  # already made: nothing re-encoded


def test_a_small_image_is_never_upscaled():
    assert images.widths_for(600) == (400, 600)
    assert images.widths_for(300) == (300,)
    assert images.widths_for(5000) == (400, 800, 1200)


def test_update_page_shows_a_responsive_picture_with_size_and_alt_text(client):
    update = make_bilingual(
        image=make_picture(1600, 900, fmt="JPEG"),
        image_alt_en="Two overlapping circles",
        image_alt_nl="Twee overlappende cirkels",
        image_credit_en="Illustration: Newsroom",
        image_credit_nl="Illustratie: Newsroom",
    )
    for lang, alt, credit in (
        ("en", "Two overlapping circles", "Image: Illustration: Newsroom"),
        ("nl", "Twee overlappende cirkels", "Illustratie: Newsroom"),
    ):
        html = client.get(update.get_absolute_url(lang)).content.decode()
        picture = re.search(r"<picture>(.*?)</picture>", html, re.S).group(1)
        assert re.search(r'<source type="image/webp" srcset="[^"]+-400w\.webp 400w, ', picture)
        assert "-1200w.webp 1200w" in picture
        assert re.search(r'<img src="[^"]+-800w\.jpg" srcset="[^"]+-400w\.jpg 400w', picture)
        assert 'width="1600" height="900"' in picture
        assert f'alt="{alt}"' in picture
        assert 'loading="lazy"' not in picture  # the update's own picture is above the fold
        assert credit in html


def test_a_photo_stored_sideways_is_shown_upright_with_files_for_every_width(client):
    """A phone photo is stored 1000×700 with an EXIF note to turn it: shown 700×1000, and
    each width the page offers was made."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = Image.new("RGB", (1000, 700), "#0b5cad")
    exif = photo.getexif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", exif=exif)
    upload = SimpleUploadedFile("sideways.jpg", buffer.getvalue(), "image/jpeg")
    update = make_bilingual(image=upload)

    html = client.get(update.get_absolute_url("en")).content.decode()
    picture = re.search(r"<picture>(.*?)</picture>", html, re.S).group(1)
    assert 'width="700" height="1000"' in picture
    offered = set(re.findall(r"([^\s\"]+\.(?:webp|jpg)) \d+w", picture))
    assert offered and all(
        default_storage.exists(url.removeprefix("/media/")) for url in offered
    ), offered


def test_a_second_request_does_not_re_encode(client, encodes):
    update = make_bilingual(image=make_picture(1600, 900))  # no task ran: made on first view
    encodes.clear()
    assert client.get(update.get_absolute_url("en")).status_code == 200
    assert len(encodes) == 6  # three widths, WebP and PNG
    encodes.clear()
    for url in (update.get_absolute_url("en"), update.get_absolute_url("nl"), "/en/", "/nl/"):
        cache.clear()  # render the pages again, not from the page cache
        assert client.get(url).status_code == 200
    assert encodes == []


def test_cards_below_the_lead_load_lazily(client):
    for _ in range(3):
        make_bilingual(image=make_picture(800, 450))
    html = client.get("/en/").content.decode()
    pictures = re.findall(r"<img [^>]*>", html)
    assert len(pictures) == 3
    assert 'loading="lazy"' not in pictures[0]  # the lead update
    assert all('loading="lazy"' in tag for tag in pictures[1:])


def test_an_unreadable_image_still_shows_the_page(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    update = make_bilingual()
    name = default_storage.save("updates/broken.png", SimpleUploadedFile("b.png", b"not png"))
    type(update).objects.filter(pk=update.pk).update(image=name)
    response = client.get(update.get_absolute_url("en"))
    assert response.status_code == 200
    assert "updates/broken.png" in response.content.decode()
