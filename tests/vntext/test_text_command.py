"""`eportal text convert` and `eportal text check`."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

TCVN3_BYTES = "QuyÕt ®Þnh sè 05/2014/Q§-UBND\r\n".encode("cp1252")


def convert(data: bytes, *args) -> str:
    out = io.StringIO()
    call_command("text", "convert", *args, stdin=io.BytesIO(data), stdout=out)
    return out.getvalue()


def test_it_converts_an_8bit_tcvn3_file_to_utf8_nfc():
    assert convert(TCVN3_BYTES) == "Quyết định số 05/2014/QĐ-UBND\n"


def test_it_converts_with_the_encoding_given():
    assert convert(b"Pha.m Va(n Ddo^`ng", "--from", "viqr") == "Phạm Văn Đồng"


def test_it_passes_utf8_unicode_through_as_nfc():
    decomposed = "Thu\u0309 tu\u0323c".encode()

    assert convert(decomposed) == "Thủ tục"


def test_it_reads_a_utf8_file_holding_vni_text():
    assert convert("Thaùi Bình".encode()) == "Thái Bình"


def check(*paths):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("text", "check", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def test_it_says_ok_for_unicode_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Ủy ban nhân dân tỉnh Thái Bình\n", encoding="utf-8")

    out, err, code = check(good)

    assert out == f"{good}: unicode OK\n"
    assert (err, code) == ("", 0)


def test_it_names_the_legacy_encoding_of_each_file_and_fails(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Thông báo\n", encoding="utf-8")
    tcvn3 = tmp_path / "tcvn3.txt"
    tcvn3.write_bytes(TCVN3_BYTES)
    vni = tmp_path / "vni.txt"
    vni.write_bytes("Quyeát ñònh soá 05/2014/QÑ-UBND".encode("cp1252"))
    viqr = tmp_path / "viqr.txt"
    viqr.write_bytes(b"Quye^'t ddi.nh so^' 05/2014/QDD-UBND")

    out, _, code = check(good, tcvn3, vni, viqr)

    lines = out.splitlines()
    assert lines[0] == f"{good}: unicode OK"
    assert lines[1].startswith(f"{tcvn3}: tcvn3 ")
    assert lines[2].startswith(f"{vni}: vni ")
    assert lines[3].startswith(f"{viqr}: viqr ")
    assert code == 1


def test_it_flags_decomposed_unicode(tmp_path):
    nfd = tmp_path / "nfd.txt"
    nfd.write_text("Thu\u0309 tu\u0323c", encoding="utf-8")

    out, _, code = check(nfd)

    assert "NFD" in out
    assert code == 1


def test_it_explains_unreadable_files_without_a_traceback(tmp_path):
    missing = tmp_path / "missing.txt"

    _, err, code = check(missing, tmp_path)

    assert f"{missing}: không đọc được tệp" in err
    assert f"{tmp_path}: không đọc được tệp" in err
    assert "Traceback" not in err
    assert code == 1


def test_it_requires_a_file_to_check():
    with pytest.raises(CommandError):
        call_command("text", "check")


def test_it_works_as_a_filter_on_the_command_line():
    # Even where the terminal's encoding is not UTF-8, the output is.
    result = subprocess.run(
        [sys.executable, "-m", "eportal.cli", "text", "convert"],
        input=TCVN3_BYTES,
        capture_output=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )

    assert result.stdout.decode("utf-8") == "Quyết định số 05/2014/QĐ-UBND\n"
