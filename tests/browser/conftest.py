"""Shared fixtures for the browser tests: Debian's Chromium driven by Playwright.

Every test in this folder is marked ``browser``. A test asks for ``page`` (a
fresh browser context per test, English unless ``browser_locale`` is
parametrised) or for ``open_page`` to open more pages, e.g. one with a Dutch
browser; ``live_server`` is pytest-django's, and the database is restored after
each test (serialized rollback), so the roles created by migrations survive
for the tests that follow.

Console errors on our own pages (a JavaScript error, a resource that failed to
load, a Content Security Policy violation) fail the test that caused them.

Without /usr/bin/chromium the tests are skipped, unless NEWSROOM_REQUIRE_BROWSER=1
(CI sets it): then they fail, so CI can never pass by skipping them.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between browser steps are still ordinary synchronous calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE / "screenshots"
CHROMIUM = Path(os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
DEFAULT_TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@dataclass
class ConsoleErrors:
    """Errors the browser reported on pages served by the live server."""

    origin: str
    errors: list = field(default_factory=list)
    # The browser asks every site for /favicon.ico on its own; that 404 is no page's fault.
    allowed: list = field(default_factory=lambda: [re.compile(r"/favicon\.ico\)$")])

    def allow(self, pattern):
        """Expect an error matching ``pattern`` (a regular expression); it won't fail the test."""
        self.allowed.append(re.compile(pattern))

    def watch(self, page):
        def on_console(message):
            if message.type != "error":
                return
            where = message.location.get("url") or page.url
            if where.startswith(self.origin) or page.url.startswith(self.origin):
                self.errors.append(f"{message.text} (at {where or page.url})")

        def on_page_error(error):
            if page.url.startswith(self.origin):
                self.errors.append(f"Uncaught {error} (on {page.url})")

        page.on("console", on_console)
        page.on("pageerror", on_page_error)

    def unexpected(self):
        return [e for e in self.errors if not any(p.search(e) for p in self.allowed)]


class _Chromium:
    """One Playwright and one Chromium for the whole run, however many conftests import
    these fixtures (two Playwright sync instances cannot run in one thread)."""

    playwright = None
    browser = None
    users = 0

    @classmethod
    def start(cls):
        from django.db import connections
        from playwright.sync_api import sync_playwright

        before = {alias: connections[alias] for alias in connections}
        cls.playwright = sync_playwright().start()
        # While Playwright runs, this thread's code runs in another context, so Django hands
        # out new connection objects. The test database's serialized contents (the roles the
        # migrations made, restored after every transactional test) live on the old ones.
        for alias, old in before.items():
            if hasattr(old, "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = old._test_serialized_contents

    @classmethod
    def stop(cls):
        from django.db import connections

        if cls.browser is not None:
            cls.browser.close()
            cls.browser = None
        # Closed here, or PostgreSQL refuses to drop the test database at the end.
        connections.close_all()
        cls.playwright.stop()
        cls.playwright = None


@pytest.fixture(scope="session")
def _playwright():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("NEWSROOM_REQUIRE_BROWSER") == "1":
            pytest.fail(f"NEWSROOM_REQUIRE_BROWSER=1 but {message}.", pytrace=False)
        pytest.skip(message)
    if _Chromium.users == 0:
        _Chromium.start()
    _Chromium.users += 1
    yield _Chromium.playwright
    _Chromium.users -= 1
    if _Chromium.users == 0:
        _Chromium.stop()


@pytest.fixture(scope="session")
def browser(_playwright):
    if _Chromium.browser is None:
        _Chromium.browser = _playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
    return _Chromium.browser


@pytest.fixture
def browser_locale():
    """The browser's language (its Accept-Language); parametrise it to change it."""
    return "en-US"


@pytest.fixture
def console_errors(live_server):
    return ConsoleErrors(origin=live_server.url)


@pytest.fixture
def open_page(browser, live_server, django_db_serialized_rollback, console_errors):
    """Open a page in a fresh browser context: ``open_page(locale="nl-NL")``."""
    contexts = []

    def open_(locale="en-US"):
        context = browser.new_context(locale=locale, viewport=VIEWPORT, base_url=live_server.url)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        console_errors.watch(page)
        return page

    yield open_
    for context in contexts:
        # A closing page says goodbye to the presence endpoint (presence.js); that request
        # would reach the live server after this test's database access has ended.
        context.route("**/presence/**", lambda route: route.abort())
        context.close()


@pytest.fixture
def page(open_page, browser_locale):
    return open_page(locale=browser_locale)


@pytest.fixture
def screenshot():
    """``screenshot(page, "name")`` saves tests/browser/screenshots/name.png (the whole page)."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name, *, full_page=True, locator=None):
        path = SCREENSHOTS / f"{name}.png"
        if locator is not None:
            locator.screenshot(path=path)
        else:
            page.screenshot(path=path, full_page=full_page)
        return path

    return take


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    errors = item.funcargs.get("console_errors") if hasattr(item, "funcargs") else None
    if errors is not None:
        unexpected = errors.unexpected()
        assert not unexpected, "The browser reported errors:\n" + "\n".join(unexpected)
    return result


@pytest.fixture
def admin_login():
    """``admin_login(page, user)``: sign in through the admin's login form, as a person does."""

    def login(page, user, password="a-long-test-password"):  # noqa: S107 (the factories' test password)
        page.goto("/admin/login/?next=/admin/")
        page.locator("#id_username").fill(user.get_username())
        page.locator("#id_password").fill(password)
        page.locator("#login-form [type=submit]").click()
        page.wait_for_url("**/admin/")

    return login
