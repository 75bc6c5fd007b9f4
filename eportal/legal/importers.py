"""Read import files (.txt, .csv, .json) into rows, and import rows one by one.

Each row is imported in its own transaction: a row that fails leaves nothing
behind and is reported with its reason; the others go on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eportal.core import filetext
from eportal.legal import services
from eportal.legal.numbers import FORM_NAMES, form_from_name
from eportal.legal.parser import (
    ParsedDocument,
    effective_date,
    find_date,
    parse_reference,
    parse_status,
    parse_text,
)
from eportal.vntext import fold, to_unicode

KINDS = {".txt": "txt", ".csv": "csv", ".json": "json", ".docx": "docx", ".pdf": "pdf"}

# Column names accepted in CSV and JSON, in English or in Vietnamese.
COLUMNS = {
    "number": "number",
    "so ky hieu": "number",
    "so hieu": "number",
    "form": "form",
    "hinh thuc": "form",
    "loai van ban": "form",
    "issuer": "issuer",
    "co quan ban hanh": "issuer",
    "place": "place",
    "noi ban hanh": "place",
    "issued": "issued",
    "ngay ban hanh": "issued",
    "effective": "effective",
    "ngay hieu luc": "effective",
    "ngay co hieu luc": "effective",
    "effective_rule": "effective_rule",
    "signer": "signer",
    "nguoi ky": "signer",
    "summary": "summary",
    "title": "summary",
    "trich yeu": "summary",
    "field": "field",
    "linh vuc": "field",
    "status": "status",
    "tinh trang hieu luc": "status",
    "body": "body",
    "toan van": "body",
    "based_on": "based_on",
    "can cu": "based_on",
    "replaces": "replaces",
    "thay the": "replaces",
    "repeals": "repeals",
    "bai bo": "repeals",
    "amends": "amends",
    "sua doi": "amends",
    "guides": "guides",
    "huong dan": "guides",
    "files": "files",
    "tep dinh kem": "files",
    "governed": "governed",
}
STATUS_CODES = {"not_yet", "in_force", "partly_expired", "expired"}


@dataclass
class Row:
    label: str
    parsed: ParsedDocument | None = None
    errors: list[str] = field(default_factory=list)
    attachments: list[services.Attachment] = field(default_factory=list)
    governed: list[str] = field(default_factory=list)


@dataclass
class Failure:
    label: str
    message: str


@dataclass
class Report:
    imported: list[services.ImportResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def kind_of(name: str) -> str | None:
    return KINDS.get(Path(name).suffix.lower())


def decode_bytes(data: bytes) -> str:
    """Return a file's text as NFC Unicode, whatever encoding it came in.

    UTF-8 (with or without a byte-order mark) and UTF-16 are read as they are;
    anything else is read as Windows-1252, the form in which TCVN3 (ABC) and
    VNI files arrive, and converted from the legacy encoding it shows.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    # Convert line by line: a heading in TCVN3 and a body in Unicode both come out right.
    return "\n".join(to_unicode(line) or "" for line in text.splitlines())


def _date(value: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        found = find_date(value)
        if found is None:
            raise ValueError(_("Ngày “%(value)s” không hợp lệ.") % {"value": value}) from None
        return found


def _list(value) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _form(value: str) -> str:
    value = (value or "").strip()
    if value in FORM_NAMES:
        return value
    return form_from_name(value)


def parse_record(record: dict, label: str, base_dir: Path | None) -> Row:
    """Turn one CSV/JSON record into a row: its body is parsed, its columns win."""
    row = Row(label=label)
    data = {}
    for key, value in record.items():
        column = COLUMNS.get(fold(str(key)).replace("_", " ").strip()) or COLUMNS.get(str(key))
        if column and value not in (None, ""):
            data[column] = value if isinstance(value, list) else to_unicode(str(value))
    body = data.get("body", "")
    parsed = parse_text(body) if body and "\n" in body else ParsedDocument(body=body)
    try:
        for name in ("number", "issuer", "place", "signer", "effective_rule"):
            if data.get(name):
                setattr(parsed, name, data[name].strip())
        if data.get("summary"):
            parsed.title = data["summary"].strip()
        if data.get("form"):
            parsed.form = _form(data["form"])
            if not parsed.form:
                row.errors.append(_("Loại văn bản “%(v)s” không hợp lệ.") % {"v": data["form"]})
        if data.get("issued"):
            parsed.issued = _date(data["issued"])
        if data.get("effective"):
            parsed.effective = _date(data["effective"])
        elif parsed.effective is None and body:
            parsed.effective, parsed.effective_rule = effective_date(body, parsed.issued)
        if data.get("field"):
            parsed.sector = data["field"].strip()
        if data.get("status"):
            status = data["status"].strip()
            parsed.status = status if status in STATUS_CODES else parse_status(status)
        for column, attr in (
            ("based_on", "bases"),
            ("replaces", "replaces"),
            ("repeals", "repeals"),
            ("amends", "amends"),
            ("guides", "guides"),
        ):
            if data.get(column):
                setattr(parsed, attr, [parse_reference(t) for t in _list(data[column])])
    except ValueError as error:
        row.errors.append(str(error))
    for path in _list(data.get("files", "")):
        if base_dir is None:
            row.errors.append(_("Tệp đính kèm chỉ nhập được bằng lệnh eportal import-legal."))
            break
        file_path = (base_dir / path).resolve()
        if not file_path.is_file():
            row.errors.append(_("Không tìm thấy tệp đính kèm “%(p)s”.") % {"p": path})
            continue
        row.attachments.append(
            services.Attachment(name=file_path.name, content=file_path.read_bytes())
        )
    row.governed = _list(data.get("governed", ""))
    # A column gives a field for sure; a field neither the columns nor the
    # text give is one to check by eye on the review screen.
    for name, column in REVIEWED_COLUMNS.items():
        if data.get(column):
            parsed.confidence[name] = 1.0
        elif name not in parsed.confidence:
            parsed.confidence[name] = 1.0 if getattr(parsed, name, None) else 0.0
    row.parsed = parsed
    return row


# The fields of the review screen, and the column that gives each.
REVIEWED_COLUMNS = {
    "number": "number",
    "form": "form",
    "issuer": "issuer",
    "issued": "issued",
    "effective": "effective",
    "signer": "signer",
    "title": "summary",
}


def read_source(name: str, text: str, base_dir: Path | None = None) -> list[Row]:
    """Read one file's text into rows (one for .txt, one per record for .csv/.json)."""
    kind = kind_of(name)
    if kind == "txt":
        return [Row(label=name, parsed=parse_text(text))]
    if kind == "csv":
        try:
            reader = csv.DictReader(io.StringIO(text))
            records = list(reader)
        except csv.Error as error:
            return [Row(label=name, errors=[_("CSV không hợp lệ: %(e)s") % {"e": error}])]
        # Line numbers as a spreadsheet shows them: the header is line 1.
        return [parse_record(r, f"{name}, dòng {i}", base_dir) for i, r in enumerate(records, 2)]
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            return [Row(label=name, errors=[_("JSON không hợp lệ: %(e)s") % {"e": error.msg}])]
        if isinstance(data, dict):
            data = data.get("documents", [data])
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            return [Row(label=name, errors=[_("JSON phải là một danh sách văn bản.")])]
        return [parse_record(r, f"{name}, mục {i}", base_dir) for i, r in enumerate(data, 1)]
    return [Row(label=name, errors=[str(ACCEPTED)])]


ACCEPTED = gettext_lazy("Chỉ nhận tệp .txt, .docx, .pdf (toàn văn) hoặc danh sách .csv/.json.")


def read_original(name: str, data: bytes) -> Row:
    """One document from its DOCX or PDF file, as the e-office system sent it: the
    text is read from the file and the file itself is attached for download. A
    scanned PDF is refused (it has no text until it goes through OCR)."""
    try:
        text = filetext.read(io.BytesIO(data), kind_of(name) or "")
    except filetext.UnreadableFile as error:
        return Row(label=name, errors=[str(error)])
    row = Row(label=name, parsed=parse_text(text))
    row.attachments.append(services.Attachment(name=Path(name).name, content=data))
    return row


def read_bytes(name: str, data: bytes, base_dir: Path | None = None) -> list[Row]:
    """Rows of one uploaded or given file, whatever its kind."""
    if kind_of(name) in ("docx", "pdf"):
        return [read_original(name, data)]
    return read_source(name, decode_bytes(data), base_dir=base_dir)


def read_file(path: Path) -> list[Row]:
    try:
        data = path.read_bytes()
    except OSError as error:
        return [
            Row(label=str(path), errors=[_("Không đọc được tệp: %(e)s") % {"e": error.strerror}])
        ]
    return read_bytes(path.name, data, base_dir=path.parent)


def _governed(row: Row, portals: dict, errors: list[str]) -> list:
    governed = []
    for slug in row.governed:
        if slug in portals:
            governed.append(portals[slug])
        else:
            errors.append(_("Không có cổng “%(s)s”.") % {"s": slug})
    return governed


def import_rows(
    rows: list[Row],
    *,
    portal,
    by=None,
    publish: bool,
    progress: Callable[[int, int, str], None] | None = None,
    bulk: bool = False,
) -> Report:
    """Import the rows; report what failed and why.

    One by one, each in its own transaction; or, with ``bulk`` (and
    ``publish``), the new documents ``BULK_CHUNK`` at a time through
    ``services.publish_new_documents`` (an archive: hundreds per second) and
    the ones already in the database one by one, as updates.
    """
    from eportal.portals.models import Portal

    portals = {p.slug: p for p in Portal.objects.all()}
    if bulk and publish:
        return _import_in_bulk(rows, portal=portal, by=by, portals=portals, progress=progress)
    report = Report()
    for done, row in enumerate(rows, 1):
        _import_one(row, report, portal=portal, by=by, publish=publish, portals=portals)
        if progress is not None:
            progress(done, len(rows), row.label)
    return report


def _import_one(row: Row, report: Report, *, portal, by, publish: bool, portals: dict) -> None:
    errors = list(row.errors)
    governed = _governed(row, portals, errors)
    if not errors and row.parsed is not None:
        try:
            result = services.import_document(
                row.parsed,
                portal=portal,
                by=by,
                publish=publish,
                attachments=row.attachments,
                governed=governed,
            )
            result.label = row.label
            report.imported.append(result)
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        report.failures.append(Failure(row.label, " ".join(errors)))


BULK_CHUNK = 500


def _import_in_bulk(rows: list[Row], *, portal, by, portals: dict, progress) -> Report:
    report = Report()
    checked: list[tuple[Row, services.NewDocument]] = []
    first_of: dict[tuple[str, str], str] = {}
    for row in rows:
        errors = list(row.errors)
        governed = _governed(row, portals, errors)
        if not errors and row.parsed is not None:
            try:
                services.validate(services.clean(row.parsed))
            except ValidationError as error:
                errors.extend(error.messages)
        if not errors and row.parsed is not None:
            key = services.identity(row.parsed)
            if key in first_of:
                errors.append(
                    _("Trùng số ký hiệu và cơ quan ban hành với %(label)s.")
                    % {"label": first_of[key]}
                )
            else:
                first_of[key] = row.label
        if errors or row.parsed is None:
            report.failures.append(Failure(row.label, " ".join(errors) or _("Không có nội dung.")))
            continue
        checked.append((row, services.NewDocument(row.parsed, row.attachments, governed)))
    done = len(rows) - len(checked)
    for start in range(0, len(checked), BULK_CHUNK):
        chunk = checked[start : start + BULK_CHUNK]
        known = services.existing_identities([entry.parsed for _row, entry in chunk])
        new = [(row, entry) for row, entry in chunk if services.identity(entry.parsed) not in known]
        try:
            pages = services.publish_new_documents(
                [entry for _row, entry in new], portal=portal, by=by
            )
            report.imported += [
                services.ImportResult(p, True, True, parsed=entry.parsed, label=row.label)
                for p, (row, entry) in zip(pages, new, strict=True)
            ]
        except (ValidationError, DatabaseError):
            # Nothing of the chunk was written: import it row by row, which
            # names the row at fault and imports the others.
            for row, _entry in new:
                _import_one(row, report, portal=portal, by=by, publish=True, portals=portals)
        for row, _entry in chunk:
            if services.identity(row.parsed) in known:
                _import_one(row, report, portal=portal, by=by, publish=True, portals=portals)
        done += len(chunk)
        if progress is not None:
            progress(done, len(rows), chunk[-1][0].label)
    if progress is not None and not checked:
        progress(len(rows), len(rows), rows[-1].label if rows else "")
    return report
