"""Backups restore: `eportal backup` then a wiped database and wiped folders,
`eportal restore` brings back every row of every table and every file
byte for byte; a damaged or altered archive, a non-empty target and an archive
of the other database vendor are refused before anything is touched."""

import hashlib
import io
import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from eportal.core import backup

on_postgresql = connection.vendor == "postgresql"


@pytest.fixture
def stored_files(tmp_path, settings):
    """Dossier files (private) and media files of the shared province, with
    Vietnamese names as citizens upload them."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EPORTAL_PRIVATE_ROOT = tmp_path / "private"
    settings.EPORTAL_QA_ATTACHMENT_ROOT = tmp_path / "private" / "qa"
    settings.EPORTAL_GENERATED_ROOT = tmp_path / "private" / "generated"
    files = {
        "private/dossiers/2026/12/don-de-nghi-cap-phep.pdf": b"%PDF-1.7 don de nghi\n" * 200,
        "private/dossiers/2026/12/Bản sao CCCD Nguyễn Văn An.jpg": bytes(range(256)) * 64,
        "private/qa/cau-hoi-17/anh-hien-truong.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000,
        "media/original_images/le-hoi-den-tran.jpg": b"\xff\xd8\xff\xe0 anh le hoi" * 300,
        "media/documents/quyet-dinh-1234-qd-ubnd.docx": b"PK\x03\x04 quyet dinh" * 100,
    }
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def _file_hashes(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in ("media", "private")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def _tables():
    """(table, primary key column) of every table of the project's models."""
    seen = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and meta.db_table not in seen:
            seen[meta.db_table] = meta.pk.column
    return sorted(seen.items())


def _rows(cursor) -> dict[str, list[tuple]]:
    rows = {}
    for table, pk in _tables():
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY "{pk}"')  # noqa: S608
        rows[table] = [tuple(row) for row in cursor.fetchall()]
    return rows


def _wipe(root: Path) -> None:
    for folder in ("media", "private"):
        for path in sorted((root / folder).rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()


def _tampered_copy(archive: Path, target: Path) -> Path:
    """The same archive and manifest with one dossier file altered."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            data = source.extractfile(member).read()
            if member.name.endswith("don-de-nghi-cap-phep.pdf"):
                data = data.replace(b"don de nghi", b"don da sua!", 1)
            copy.addfile(member, io.BytesIO(data))
    return target


def _assert_refusals(archive: Path, tmp_path: Path, target: dict, roots: dict) -> None:
    damaged = tmp_path / "damaged.tar.gz"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="bị hỏng"):
        backup.restore(damaged, target, roots)
    tampered = _tampered_copy(archive, tmp_path / "tampered.tar.gz")
    with pytest.raises(backup.BackupError, match="không khớp mã kiểm tra"):
        backup.restore(tampered, target, roots)
    other = (
        {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "other.sqlite3")}
        if on_postgresql
        else {"ENGINE": "django.db.backends.postgresql", "NAME": "khong_dung"}
    )
    with pytest.raises(backup.BackupError, match="không khôi phục chéo"):
        backup.restore(archive, other, roots)
    assert not (tmp_path / "other.sqlite3").exists()
    stray = tmp_path / "private" / "dossiers" / "moi-nop.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF moi nop")
    with pytest.raises(backup.BackupError, match="đã có tệp"):
        backup.restore(archive, target, roots)
    stray.unlink()
    # Nothing was touched by the refused restores.
    assert backup.database_is_empty(target)
    assert _file_hashes(tmp_path) == {}


def _round_trip(tmp_path, target, read_rows, before_rows):
    before_files = _file_hashes(tmp_path)
    assert len(before_files) == 5
    assert sum(len(rows) for rows in before_rows.values()) > 100  # the shared province

    call_command("backup", output=tmp_path / "backups", keep=3, stdout=io.StringIO())
    (archive,) = backup.archives_in(tmp_path / "backups")
    _wipe(tmp_path)
    roots = backup.file_roots()
    _assert_refusals(archive, tmp_path, target, roots)

    manifest = backup.restore(archive, target, roots)

    assert manifest["database"]["vendor"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["dossiers"]
    assert _file_hashes(tmp_path) == before_files
    assert read_rows(target) == before_rows

    # A database that holds data again is not overwritten, even with empty folders…
    _wipe(tmp_path)
    with pytest.raises(backup.BackupError, match="đã có dữ liệu"):
        backup.restore(archive, target, roots)
    assert _file_hashes(tmp_path) == {}
    # … unless forced, which empties them first.
    backup.restore(archive, target, roots, force=True)
    assert _file_hashes(tmp_path) == before_files
    assert read_rows(target) == before_rows

    # The daily run keeps the newest archives only, readable by their owner.
    out = io.StringIO()
    call_command("backup", output=tmp_path / "backups", keep=1, stdout=out)
    kept = backup.archives_in(tmp_path / "backups")
    assert len(kept) == 1 and archive not in kept
    assert f"Đã sao lưu: {kept[-1]}" in out.getvalue()
    assert f"Đã xoá bản cũ: {archive.name}" in out.getvalue()
    assert not list((tmp_path / "backups").glob(".*"))  # no temporary file left
    assert kept[-1].stat().st_mode & 0o077 == 0


# SQLite's backup API waits forever inside an open write transaction: the
# command runs outside one, and so do these tests. (The mark only on the test
# that runs: a skipped transactional test would still rebuild the shared data.)
@(
    pytest.mark.skip(reason="the SQLite variant")
    if on_postgresql
    else pytest.mark.django_db(transaction=True)
)
def test_a_sqlite_backup_restores_every_row_and_file(stored_files):
    tmp_path = stored_files
    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "restored.sqlite3")}

    def read_rows(database):
        restored = sqlite3.connect(
            database["NAME"], detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
        )
        try:
            return _rows(restored.cursor())
        finally:
            restored.close()

    _round_trip(tmp_path, target, read_rows, _rows(connection.cursor()))


@(
    pytest.mark.django_db(transaction=True)
    if on_postgresql
    else pytest.mark.skip(reason="the PostgreSQL variant")
)
def test_a_postgresql_backup_restores_every_row_and_file(stored_files):
    from psycopg import sql

    tmp_path = stored_files
    source = dict(connection.settings_dict)
    # A scratch database next to this worker's test database, never the test
    # database itself.
    target = {**source, "NAME": f"{source['NAME']}_restore"}
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target["NAME"]))
    with backup._pg_connect(source, "postgres") as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target["NAME"])))

    def read_rows(database):
        # Both sides read by psycopg's own types (Django's connection loads
        # JSON as text).
        with backup._pg_connect(database) as conn:
            return _rows(conn.cursor())

    try:
        _round_trip(tmp_path, target, read_rows, read_rows(source))
    finally:
        with backup._pg_connect(source, "postgres") as admin:
            admin.execute(drop)
