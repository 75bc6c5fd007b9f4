"""What a newcomer's machine gets with no settings at all: mails written to
files under var/mail/, admin links to the local server of `make run`; and what
production gets: SMTP and its own host."""

import json
import os
import subprocess
import sys


def _settings(tmp_path, **env):
    """The settings module as a fresh process reads it from ``env``."""
    code = (
        "import json; from eportal import settings as s; print(json.dumps("
        "[s.EMAIL_BACKEND, str(s.EMAIL_FILE_PATH), s.WAGTAILADMIN_BASE_URL]))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "EMAIL_BACKEND"}}
    clean |= {"EPORTAL_VAR_DIR": str(tmp_path), "EPORTAL_LOCAL_URL": "", **env}
    out = subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_development_writes_mail_to_files_under_var_mail(tmp_path):
    backend, path, _admin = _settings(tmp_path)
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    assert path == str(tmp_path / "mail")


def test_make_run_points_admin_links_to_the_local_server(tmp_path):
    *_mail, admin = _settings(tmp_path, EPORTAL_LOCAL_URL="http://127.0.0.1:8123")
    assert admin == "http://127.0.0.1:8123"


def test_production_sends_by_smtp_and_links_to_its_own_host(tmp_path):
    backend, _path, admin = _settings(
        tmp_path, DEBUG="0", SECRET_KEY="x" * 50, EPORTAL_DOMAIN="example.gov.vn"
    )
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
    assert admin == "https://www.example.gov.vn"
