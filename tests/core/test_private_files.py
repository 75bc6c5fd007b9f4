"""Private files reach only those a view allowed: behind nginx by
X-Accel-Redirect to its internal location, otherwise streamed by Django."""

import types

from django.test import override_settings

from eportal.core.uploads import private_file_response


def test_it_sends_a_private_file_through_nginx_behind_it(tmp_path):
    (tmp_path / "dossiers").mkdir()
    path = tmp_path / "dossiers" / "don-de-nghi.pdf"
    path.write_bytes(b"%PDF-1.4 test")
    stored = types.SimpleNamespace(path=str(path), open=lambda mode: path.open(mode))

    with override_settings(
        EPORTAL_PRIVATE_ROOT=tmp_path, EPORTAL_PRIVATE_ACCEL_PREFIX="/_private/"
    ):
        accel = private_file_response(stored, "Đơn đề nghị.pdf")
    with override_settings(EPORTAL_PRIVATE_ROOT=tmp_path, EPORTAL_PRIVATE_ACCEL_PREFIX=""):
        streamed = private_file_response(stored, "Đơn đề nghị.pdf")

    assert accel["X-Accel-Redirect"] == "/_private/dossiers/don-de-nghi.pdf"
    assert accel.content == b""
    assert b"".join(streamed.streaming_content) == b"%PDF-1.4 test"
    for response in (accel, streamed):
        assert response["Cache-Control"] == "private, no-store"
        assert "attachment" in response["Content-Disposition"]
