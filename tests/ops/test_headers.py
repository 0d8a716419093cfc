"""Headers, cookies and pages a security scan looks at, and uploaded images with DEBUG off."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from tests.articles.factories import make_article
from tests.project.test_settings import PRODUCTION, run_manage

pytestmark = pytest.mark.django_db

UNDECIDED = {
    k: v
    for k, v in PRODUCTION.items()
    if k not in ("DJANGO_HSTS_INCLUDE_SUBDOMAINS", "DJANGO_HSTS_PRELOAD")
}


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("url", ["/en/", "/admin/login/", "/healthz"])
def test_every_answer_limits_browser_features_and_cross_origin_embedding(client, url):
    response = client.get(url)

    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_language_cookie_is_http_only_and_same_site(client):
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/nl/"})

    cookie = response.cookies["django_language"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_production_settings_secure_the_language_cookie_and_leave_hsts_scope_to_the_operator():
    code = (
        "from django.conf import settings as s; print(s.LANGUAGE_COOKIE_SECURE, "
        "s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE, s.SECURE_HSTS_SECONDS > 0, "
        "s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    undecided = run_manage("shell", "-c", code, env=UNDECIDED).stdout.split()
    decided = run_manage("shell", "-c", code, env=PRODUCTION).stdout.split()

    assert undecided[-6:] == ["True", "True", "Lax", "True", "False", "False"]
    assert decided[-2:] == ["True", "True"]


def test_check_deploy_asks_for_an_explicit_hsts_scope_decision():
    undecided = run_manage("check", "--deploy", "--fail-level", "WARNING", env=UNDECIDED)
    declined = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env=UNDECIDED | {"DJANGO_HSTS_INCLUDE_SUBDOMAINS": "0", "DJANGO_HSTS_PRELOAD": "0"},
    )  # fmt: skip

    assert "security.W005" in undecided.stdout + undecided.stderr
    assert declined.returncode == 0, declined.stdout + declined.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Nothing was saved: this form was opened"), ("nl", "Er is niets opgeslagen")],
)
def test_an_admin_csrf_failure_is_about_the_login_session_not_feedback(lang, expected):
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=lang)

    response = client.post("/admin/login/", {"username": "editor", "password": "x"})

    page = response.content.decode()
    assert response.status_code == 403
    assert expected in page
    assert "feedback" not in page.lower()
    assert 'id="site-name"' in page and "Django" not in page  # the admin's own header


def test_uploaded_images_are_served_with_debug_off_and_og_image_resolves(client, settings):
    assert settings.DEBUG is False
    article = make_article(published=True)
    article.image.save("photo.png", ContentFile(png_bytes()), save=False)
    article.save(update_fields=["image"])

    page = client.get(article.get_absolute_url()).content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', page).group(1)
    response = client.get(og_image.removeprefix("http://testserver"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png_bytes()
    assert "max-age" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/media/../newsroom/settings.py", "/media/notes.html", "/media/missing.png", "/media/"]
)
def test_only_existing_images_inside_the_media_folder_are_served(client, settings, path):
    (settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "notes.html").write_text("<script>alert(1)</script>")

    assert client.get(path).status_code == 404


def test_an_image_outside_the_media_folder_is_not_served(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    (tmp_path / "secret.png").write_bytes(png_bytes())
    (settings.MEDIA_ROOT / "inside.png").write_bytes(png_bytes())

    assert client.get("/media/inside.png").status_code == 200
    assert client.get("/media/../secret.png").status_code == 404
    assert client.get("/media/%2E%2E/secret.png").status_code == 404
