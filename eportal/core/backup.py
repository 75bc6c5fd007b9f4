"""Backups that restore: one archive with the database and every stored file.

An archive (``eportal-backup-<UTC time>.tar.gz``) holds

- ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite, a consistent copy made by SQLite's backup API);
- ``media/…`` (MEDIA_ROOT) and ``private/…`` (EPORTAL_PRIVATE_ROOT: dossier
  files, Q&A attachments, generated PDFs), plus any other file root configured
  outside those two;
- ``manifest.json``, written last: format, eportal version, time, database
  vendor, the migrations applied per app, and the size and SHA-256 of every
  other member.

`restore` checks every member against the manifest before it touches
anything, and restores only into an empty database and empty folders unless
told to clean them first (``force``). The database is addressed by its
connection settings (a Django ``DATABASES`` entry), so a test or a drill can
restore into a scratch database instead of the configured one.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404 - pg_dump/pg_restore with fixed arguments, no shell
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path, PurePosixPath

FORMAT = 1
PREFIX = "eportal-backup-"
SUFFIX = ".tar.gz"
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore refused or failed; the message says why (Vietnamese)."""


@dataclass
class Result:
    path: Path
    size: int
    members: int
    removed: list[Path]


# --- What is backed up -----------------------------------------------------


def vendor_of(database: dict) -> str:
    engine = database["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(f"Không hỗ trợ sao lưu cơ sở dữ liệu loại {engine}.")


def file_roots() -> dict[str, Path]:
    """Archive folder name → folder on disk. Roots inside another root are
    already in it (by default Q&A attachments and generated PDFs are under
    EPORTAL_PRIVATE_ROOT)."""
    from django.conf import settings

    candidates = {
        "media": settings.MEDIA_ROOT,
        "private": settings.EPORTAL_PRIVATE_ROOT,
        "qa": getattr(settings, "EPORTAL_QA_ATTACHMENT_ROOT", None),
        "generated": getattr(settings, "EPORTAL_GENERATED_ROOT", None),
    }
    roots: dict[str, Path] = {}
    for name, folder in candidates.items():
        if not folder:
            continue
        folder = Path(folder).resolve()
        if any(folder == kept or kept in folder.parents for kept in roots.values()):
            continue
        roots[name] = folder
    return roots


def _files_under(root: Path):
    """Regular files under root, sorted, symbolic links not followed."""
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            if path.is_file() and not path.is_symlink():
                yield path


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


class _HashingReader(io.RawIOBase):
    """Hashes what tarfile reads, so each file is read once."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self):
        return True

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


# --- Database dump and restore ----------------------------------------------


def _pg_env(database: dict) -> tuple[list[str], dict]:
    """Connection arguments for pg_dump/pg_restore; the password goes by
    environment, never on the command line."""
    args = []
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", str(database["USER"])]
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return args, env


def _pg_connect(database: dict, dbname: str | None = None):
    import psycopg

    params = {
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "dbname": dbname or database["NAME"],
    }
    return psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True)


def _run(command: list[str], env: dict, what: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603  # nosec B603
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise BackupError(f"{what} thất bại: " + " | ".join(detail))


def _dump_database(database: dict, connection, target: Path) -> str:
    """Write the database to target; return its archive member name."""
    vendor = vendor_of(database)
    if vendor == "postgresql":
        args, env = _pg_env(database)
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
        _run([*command, *args, "--file", str(target), database["NAME"]], env, "pg_dump")
        return "database.dump"
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()
    return "database.sqlite3"


def _migration_state(connection) -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        if "django_migrations" not in connection.introspection.table_names(cursor):
            return {}
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        state: dict[str, list[str]] = {}
        for app, name in cursor.fetchall():
            state.setdefault(app, []).append(name)
        return state


# --- Backup ------------------------------------------------------------------


def archives_in(folder: Path) -> list[Path]:
    """The archives in folder, oldest first (their names sort by time)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX)
    )


def create(output_dir: Path, keep: int, using: str = "default", now=None) -> Result:
    """Write one archive into output_dir, then keep only the newest ``keep``."""
    from django.db import connections

    if keep < 1:
        raise BackupError("Số bản sao lưu giữ lại (--keep) phải từ 1 trở lên.")
    connection = connections[using]
    database = connection.settings_dict
    vendor = vendor_of(database)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    final = output_dir / f"{PREFIX}{stamp}{SUFFIX}"
    temporary = output_dir / f".{final.name}.tmp"
    members: dict[str, dict] = {}
    try:
        with tempfile.TemporaryDirectory(dir=output_dir, prefix=".dump-") as scratch:
            dump = Path(scratch) / "database"
            dump_name = _dump_database(database, connection, dump)
            # The archive holds personal data: readable by its owner only.
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                _add(tar, dump, dump_name, members)
                dump.unlink()
                for name, root in file_roots().items():
                    for path in _files_under(root):
                        relative = path.relative_to(root).as_posix()
                        _add(tar, path, f"{name}/{relative}", members)
                manifest = {
                    "format": FORMAT,
                    "eportal_version": _version(),
                    "created_at": datetime.now(UTC).isoformat(),
                    "database": {"vendor": vendor, "member": dump_name},
                    "migrations": _migration_state(connection),
                    "roots": {name: str(root) for name, root in file_roots().items()},
                    "members": members,
                }
                data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(data)
                info.mtime = int(datetime.now(UTC).timestamp())
                info.mode = 0o600
                tar.addfile(info, io.BytesIO(data))
            os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    removed = []
    for old in archives_in(output_dir)[:-keep]:
        old.unlink()
        removed.append(old)
    return Result(final, final.stat().st_size, len(members), removed)


def _add(tar: tarfile.TarFile, path: Path, name: str, members: dict) -> None:
    stat = path.stat()
    info = tarfile.TarInfo(name)
    info.size = stat.st_size
    info.mtime = int(stat.st_mtime)
    info.mode = 0o600
    with path.open("rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    members[name] = {"size": stat.st_size, "sha256": reader.digest.hexdigest()}


def _version() -> str:
    try:
        return metadata.version("eportal")
    except metadata.PackageNotFoundError:
        return "unknown"


# --- Restore -----------------------------------------------------------------


def verify(archive: Path) -> dict:
    """Check every member against the manifest; return the manifest. Raises
    BackupError for an unreadable, incomplete or altered archive."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {archive}.")
    seen: dict[str, dict] = {}
    manifest = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:
                _check_member_name(member)
                handle = tar.extractfile(member)
                if member.name == MANIFEST:
                    manifest = json.loads(handle.read().decode())
                    continue
                digest = hashlib.sha256()
                while block := handle.read(CHUNK):
                    digest.update(block)
                seen[member.name] = {"size": member.size, "sha256": digest.hexdigest()}
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise BackupError(f"Tệp sao lưu {archive.name} bị hỏng, không đọc được: {error}") from error
    if manifest is None:
        raise BackupError(
            f"Tệp sao lưu {archive.name} bị hỏng hoặc không đầy đủ (thiếu {MANIFEST}). "
            "Không khôi phục gì."
        )
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Tệp sao lưu có định dạng {manifest.get('format')}, không hỗ trợ.")
    expected = manifest["members"]
    bad = sorted(
        name for name in expected.keys() | seen.keys() if expected.get(name) != seen.get(name)
    )
    if bad:
        raise BackupError(
            f"Tệp sao lưu {archive.name} bị hỏng hoặc bị sửa: {len(bad)} tệp không khớp "
            f"mã kiểm tra (ví dụ {bad[0]}). Không khôi phục gì."
        )
    return manifest


def _check_member_name(member: tarfile.TarInfo) -> None:
    path = PurePosixPath(member.name)
    if not member.isfile() or path.is_absolute() or ".." in path.parts:
        raise ValueError(f"thành phần không hợp lệ {member.name!r}")


def database_is_empty(database: dict) -> bool:
    """No table, or only django_migrations with no row."""
    vendor = vendor_of(database)
    if vendor == "postgresql":
        with _pg_connect(database) as conn:
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                )
            ]
            if tables == ["django_migrations"]:
                return conn.execute("SELECT count(*) FROM django_migrations").fetchone()[0] == 0
            return not tables
    path = Path(database["NAME"])
    if not path.exists() or path.stat().st_size == 0:
        return True
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        if tables == ["django_migrations"]:
            return conn.execute("SELECT count(*) FROM django_migrations").fetchone()[0] == 0
        return not tables
    finally:
        conn.close()


def _folder_is_empty(folder: Path) -> bool:
    return not folder.exists() or not any(_files_under(folder))


def restore(archive: Path, database: dict, roots: dict[str, Path], force: bool = False) -> dict:
    """Restore archive into database (a DATABASES entry) and the folders of
    roots (archive folder name → folder). Returns the manifest."""
    manifest = verify(archive)
    vendor = vendor_of(database)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"Bản sao lưu là của {manifest['database']['vendor']}, cơ sở dữ liệu đích là "
            f"{vendor}: không khôi phục chéo được (dùng dumpdata/loaddata để chuyển)."
        )
    names = {PurePosixPath(name).parts[0] for name in manifest["members"]}
    unknown = names - set(roots) - {manifest["database"]["member"]}
    if unknown:
        raise BackupError(
            "Bản sao lưu có thư mục không được cấu hình ở máy này: " + ", ".join(sorted(unknown))
        )
    if not force:
        if not database_is_empty(database):
            raise BackupError(
                f"Cơ sở dữ liệu {database['NAME']} đã có dữ liệu: chỉ khôi phục vào cơ sở dữ "
                "liệu trống (hoặc dùng --force để xoá hết rồi khôi phục)."
            )
        full = [str(folder) for folder in roots.values() if not _folder_is_empty(folder)]
        if full:
            raise BackupError(
                f"Thư mục {', '.join(full)} đã có tệp: chỉ khôi phục vào thư mục trống "
                "(hoặc dùng --force để xoá hết rồi khôi phục)."
            )
    with tempfile.TemporaryDirectory(prefix="eportal-restore-") as scratch:
        with tarfile.open(archive, mode="r:gz") as tar:
            dump = Path(scratch) / "database"
            member = tar.getmember(manifest["database"]["member"])
            with tar.extractfile(member) as source, dump.open("wb") as target:
                shutil.copyfileobj(source, target, CHUNK)
            _restore_database(database, dump, force)
            for folder in roots.values():
                if force and folder.exists():
                    _empty_folder(folder)
            for member in tar:
                if member.name in (MANIFEST, manifest["database"]["member"]):
                    continue
                root, _, relative = member.name.partition("/")
                member.name = relative
                tar.extract(member, roots[root], filter="data")
    return manifest


def _empty_folder(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _restore_database(database: dict, dump: Path, force: bool) -> None:
    if vendor_of(database) == "postgresql":
        if force:
            with _pg_connect(database) as conn:
                conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
                conn.execute("CREATE SCHEMA public")
        args, env = _pg_env(database)
        command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        _run([*command, *args, "--dbname", database["NAME"], str(dump)], env, "pg_restore")
        return
    target = Path(database["NAME"])
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restore")
    shutil.copyfile(dump, staged)
    for extra in ("-wal", "-shm", "-journal"):
        Path(f"{target}{extra}").unlink(missing_ok=True)
    os.replace(staged, target)


def pending_migrations(manifest: dict) -> tuple[list[str], list[str]]:
    """(migrations the code has that the archive lacks, migrations the archive
    has that the code does not know)."""
    from django.db.migrations.loader import MigrationLoader

    known = {key for key in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    return (
        sorted(f"{a}.{n}" for a, n in known - applied),
        sorted(f"{a}.{n}" for a, n in applied - known),
    )
