"""The Dutch catalogue covers every interface string and its compiled form is current."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PO = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def gettext_tools():
    missing = [tool for tool in ("msgfmt", "msgattrib", "xgettext") if not shutil.which(tool)]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"gettext tools missing in CI: {missing}")
        pytest.skip(f"gettext tools not installed ({missing}); apt-get install gettext")


def entries(po_path, *flags):
    """msgids that msgattrib selects with ``flags`` (e.g. --untranslated)."""
    out = subprocess.run(
        ["msgattrib", *flags, "--no-obsolete", "--no-wrap", str(po_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        line[7:-1] for line in out.splitlines() if line.startswith('msgid "') and line != 'msgid ""'
    ]


def test_every_interface_string_has_a_dutch_translation():
    gettext_tools()
    # makemessages writes each file's strings to the first locale path whose parent
    # folder holds the file: a scratch folder directly in the project is that first
    # path (LOCALE_PATHS), so the committed catalogue is never touched.
    scratch = ROOT / f"locale-check-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "nl" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(PO, scratch / "nl" / "LC_MESSAGES" / "django.po")
    before = PO.read_bytes()
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "tests.project.locale_check_settings",
        "NEWSROOM_LOCALE_CHECK_DIR": str(scratch),
    }
    try:
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "makemessages",
                "--locale",
                "nl",
                "--no-obsolete",
                "--ignore",
                "locale",
                "--ignore",
                "locale-check-*",
                "--ignore",
                ".venv/*",
                "--ignore",
                "staticfiles/*",
                "--ignore",
                "tests/*",
                "--ignore",
                "build/*",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        assert PO.read_bytes() == before, "the check must not rewrite the committed catalogue"
        fresh = scratch / "nl" / "LC_MESSAGES" / "django.po"
        untranslated = entries(fresh, "--untranslated")
        fuzzy = entries(fresh, "--only-fuzzy")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    assert not untranslated, (
        f"Strings without a Dutch translation (run `make messages`): {untranslated}"
    )
    assert not fuzzy, f"Fuzzy (unchecked) Dutch translations: {fuzzy}"


def test_compiled_catalogue_matches_the_po_file(tmp_path):
    gettext_tools()
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(PO)], check=True)
    with MO.open("rb") as committed, fresh.open("rb") as compiled:
        assert gettext.GNUTranslations(committed)._catalog == (
            gettext.GNUTranslations(compiled)._catalog
        ), "locale/nl/LC_MESSAGES/django.mo is stale: run `make messages`"


@pytest.mark.django_db
def test_admin_speaks_dutch_to_a_dutch_browser(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="nl")
    page = response.content.decode()
    assert '<html lang="nl"' in page
    assert "Newsroom editorial admin" not in page
