"""`make run`: the port can be chosen, and each log line is printed once."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_port_moves_the_server_and_the_printed_links():
    plan = subprocess.run(
        ["make", "-n", "--always-make", "run", "PORT=8010"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "runserver 127.0.0.1:8010" in plan
    assert "loaddemo --base-url http://127.0.0.1:8010" in plan
    assert "8000" not in plan


def test_each_log_line_is_printed_once():
    """Django's own loggers and ours reach exactly one console handler (DEBUG on)."""
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').warning('once-django'); "
        "logging.getLogger('newsroom.x').warning('once-newsroom')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=True
    )
    output = result.stdout + result.stderr
    assert output.count("once-django") == 1, output
    assert output.count("once-newsroom") == 1, output
