"""Valid HTML (W3C Nu validator) and no serious accessibility violations (axe-core) on the
home, update, search and topic pages in both languages.

The tools come from npm (``vnu-jar`` needs Java; ``axe-core`` is injected into the page).
They are looked up in .ci/tools/node_modules or at NEWSROOM_VNU_JAR / NEWSROOM_AXE_JS;
without them this test is skipped, unless NEWSROOM_REQUIRE_QUALITY_TOOLS=1 (CI).
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newsroom.articles.models import KeyPoint, TranslationProgress
from tests.articles.factories import (
    link,
    make_article,
    make_picture,
    make_source,
    make_topic,
    make_user,
)
from tests.articles.public_helpers import _fresh_cache  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".ci" / "tools" / "node_modules"
VNU_JAR = Path(os.environ.get("NEWSROOM_VNU_JAR", TOOLS / "vnu-jar/build/dist/vnu.jar"))
AXE_JS = Path(os.environ.get("NEWSROOM_AXE_JS", TOOLS / "axe-core/axe.min.js"))


@pytest.fixture
def tools():
    missing = [str(p) for p in (VNU_JAR, AXE_JS) if not p.exists()]
    if not shutil.which("java"):
        missing.append("java")
    if missing:
        message = "quality tools missing: " + ", ".join(missing)
        if os.environ.get("NEWSROOM_REQUIRE_QUALITY_TOOLS") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture
def site(db):
    topic = make_topic(slug="agents", name_en="Agents", name_nl="Agenten")
    source = make_source(name_en="OpenAI", name_nl="OpenAI")
    body_en = "\n\n".join(f"## Part {n}\n\nAgents now open pull requests." for n in range(3))
    body_nl = "\n\n".join(f"## Deel {n}\n\nAgenten openen nu pull requests." for n in range(3))
    author = make_user("Writer", first_name="Sam", last_name="Jansen", password=None)
    previous = None
    for n in range(3):
        update = make_article(
            published=True,
            translated=True,
            translation_progress=TranslationProgress.REVIEWED,
            signals=2,
            source=source,
            body_en=body_en,
            body_nl=body_nl,
            original_url=f"https://openai.example/{n}",
            original_title=f"Original {n}",
            image=make_picture(1200, 675),
            image_alt_en=f"Picture {n}",
            image_alt_nl=f"Afbeelding {n}",
            image_credit_en="Illustration: Newsroom",
            image_credit_nl="Illustratie: Newsroom",
        )
        update.topics.add(topic)
        update.tags.add("codex")
        update.authors.add(author)
        for position, (en, nl) in enumerate([("First point", "Eerste punt"), ("Second", "Twee")]):
            KeyPoint.objects.create(article=update, position=position, text_en=en, text_nl=nl)
        if previous:
            link(update, previous)  # a story thread: the timeline
        previous = update
    update.author = author
    return update


def test_public_pages_are_valid_and_accessible(page, site, tools, tmp_path, console_errors):
    paths = []
    for lang in ("en", "nl"):
        paths += [
            f"/{lang}/",
            site.get_absolute_url(lang),
            f"/{lang}/search/?q={'agents' if lang == 'en' else 'agenten'}",
            f"/{lang}/topics/agents/",
            f"/{lang}/updates/",
            f"/{lang}/authors/{site.author.pk}/",
        ]
    problems = []
    for n, path in enumerate(paths):
        response = page.goto(path)
        assert response.status == 200, path
        (tmp_path / f"page{n}.html").write_text(page.content(), encoding="utf-8")
        # Our CSP allows only our own scripts, so axe is injected through Playwright's CDP
        # channel (evaluate), not as a <script> tag.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;void 0;")
        violations = page.evaluate("axe.run(document).then(r => r.violations)")
        problems += [
            f"{path}: {v['id']} ({v['impact']}) at {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    assert not problems, "axe-core:\n" + "\n".join(problems)

    result = subprocess.run(  # noqa: S603
        ["java", "-jar", str(VNU_JAR), "--errors-only", *map(str, sorted(tmp_path.glob("*.html")))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, "Nu validator:\n" + result.stderr
