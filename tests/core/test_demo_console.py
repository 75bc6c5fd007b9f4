"""What `eportal demo` leaves on a newcomer's console: no mail over it (the
workflow notifications go to files under var/mail/), and what to open and
with which account last, where the console leaves it."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.usefixtures("empty_database")

LOCAL = "http://127.0.0.1:8123"


@pytest.mark.django_db
def test_the_demo_writes_its_mails_to_files_and_ends_with_urls_and_accounts(
    settings, tmp_path, capsys
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.EPORTAL_LOCAL_URL = LOCAL
    call_command("demo")
    out = capsys.readouterr().out

    files = list((tmp_path / "mail").iterdir())
    assert files, "the drafts in review notify their boards"
    text = files[0].read_text(encoding="utf-8")
    assert "Subject:" in text
    assert "Subject:" not in out and "Content-Type:" not in out
    assert f"ghi thành tệp trong {tmp_path / 'mail'}/" in out

    lines = out.rstrip().splitlines()
    assert lines[-1] == f"Trang quản trị: {LOCAL}/admin/"
    assert f"  {LOCAL}/p/www/  " in lines[-6]
    # The accounts come just before the portals, after everything else.
    tail = "\n".join(lines[-40:])
    assert "mật khẩu chung: Demo@eportal2026" in tail
    assert "otpauth://" not in tail.split("mật khẩu chung")[1]
