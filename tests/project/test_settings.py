"""Production settings are safe: check --deploy is clean and nothing demo-only leaks in."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x9!Kq2#vT7@pL4$wZ8^rN1&bM6*cF3(hJ5)dS0-gY2+eA7=uR4",
    "DJANGO_ALLOWED_HOSTS": "news.example",
    "DATABASE_URL": "sqlite:////tmp/newsroom-deploy-check.sqlite3",
    # The HSTS scope is the operator's explicit decision (README, "Production").
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_HSTS_PRELOAD": "1",
}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_with_production_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = PRODUCTION | {"DJANGO_SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_have_no_demo_content():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEMO_CONTENT_ENABLED)",
        env=PRODUCTION,
    )
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
