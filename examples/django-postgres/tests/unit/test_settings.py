"""Production settings (DEBUG=false), loaded as `make serve` and the Docker image load them.

Each case starts `manage.py` in a fresh interpreter: settings are read once per process.
"""

import os
import subprocess
import sys

from django.conf import settings

from config.settings import PLACEHOLDER_SECRET_KEY

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-real-secret-" + "x1y2z3" * 10,
    "ALLOWED_HOSTS": "api.example.com",
    "SECURE_SSL_REDIRECT": "true",  # .env turns it off for plain HTTP on localhost
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - this project's manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, **env},  # the environment wins over .env
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_deployment_checklist_passes_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_placeholder_secret():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": PLACEHOLDER_SECRET_KEY})
    assert result.returncode != 0
    # One line that says what to do, not a traceback.
    assert result.stderr.strip().startswith("SECRET_KEY is the placeholder"), result.stderr
    assert "Traceback" not in result.stderr


def test_development_accepts_the_placeholder_secret():
    development = {**PRODUCTION, "SECRET_KEY": PLACEHOLDER_SECRET_KEY, "DEBUG": "true"}
    result = manage("check", **development)
    assert result.returncode == 0, result.stderr


def test_a_missing_secret_is_one_line_too():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert result.stderr.strip().startswith("SECRET_KEY is not set"), result.stderr
    assert "Traceback" not in result.stderr
