"""Check files that citizens and staff upload: type by content, and size.

A file's name and the browser's Content-Type are the sender's claims; the
type is decided here from the bytes. Every upload form and API calls
``check_upload`` before anything is stored; ``private_file_response`` sends
a stored one back to whoever a view allowed.
"""

import io
import mimetypes
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    extensions: tuple[str, ...]
    content_type: str


KINDS = {
    "pdf": Kind("pdf", "PDF", ("pdf",), "application/pdf"),
    "doc": Kind("doc", "Word 97-2003", ("doc",), "application/msword"),
    "docx": Kind(
        "docx",
        "Word",
        ("docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": Kind(
        "xlsx",
        "Excel",
        ("xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "odt": Kind("odt", "OpenDocument", ("odt",), "application/vnd.oasis.opendocument.text"),
    "jpg": Kind("jpg", "JPEG", ("jpg", "jpeg"), "image/jpeg"),
    "png": Kind("png", "PNG", ("png",), "image/png"),
    "webp": Kind("webp", "WebP", ("webp",), "image/webp"),
}
DOCUMENTS = ("pdf", "doc", "docx", "odt")
IMAGES = ("jpg", "png", "webp")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Limits on what an office file (a zip) may unpack to: a "zip bomb" of a few
# kilobytes that inflates to gigabytes is refused before anything reads it.
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_UNCOMPRESSED = 50 * 1024 * 1024
ZIP_MAX_RATIO = 200
# A decoded image larger than this (in pixels) is refused (decompression bomb).
IMAGE_MAX_PIXELS = 50_000_000
_REQUIRED_MEMBERS = {
    "docx": ("[Content_Types].xml", "word/document.xml"),
    "xlsx": ("[Content_Types].xml", "xl/workbook.xml"),
    "odt": ("mimetype", "content.xml"),
}
_SNIFF_BYTES = 8192


def _zip_kind(head: bytes, upload) -> str | None:
    """Tell DOCX, XLSX and ODT apart by what the zip archive holds."""
    if not head.startswith(b"PK\x03\x04"):
        return None
    upload.seek(0)
    data = upload.read()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype == KINDS["odt"].content_type:
                    return "odt"
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def sniff(upload) -> str | None:
    """Return the kind name (``"pdf"``, ``"docx"``…) the file's bytes show, or None."""
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_OLE2):
        return "doc"
    zipped = _zip_kind(head, upload)
    upload.seek(0)
    if zipped:
        return zipped
    guess = filetype.guess(head)
    if guess is not None:
        extension = {"jpeg": "jpg"}.get(guess.extension, guess.extension)
        if extension in KINDS:
            return extension
    return None


class _Broken(Exception):
    """The content is not a whole, well-formed file of its kind."""


def _check_pdf(upload) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    upload.seek(0)
    try:
        reader = PdfReader(io.BytesIO(upload.read()), strict=False)
        if len(reader.pages) < 1:
            raise _Broken
        reader.pages[0].mediabox  # noqa: B018 (touch the first page's dictionary)
    except (PyPdfError, ValueError, TypeError, KeyError, OSError, RecursionError) as error:
        raise _Broken from error


def _check_zip(upload, kind: str) -> None:
    upload.seek(0)
    data = upload.read()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > ZIP_MAX_ENTRIES:
                raise _Broken
            total = sum(entry.file_size for entry in entries)
            if total > ZIP_MAX_UNCOMPRESSED or total > ZIP_MAX_RATIO * max(len(data), 1):
                raise _Broken
            names = {entry.filename for entry in entries}
            if not all(member in names for member in _REQUIRED_MEMBERS[kind]):
                raise _Broken
            # Sizes in the directory are the sender's claim: read the required
            # members with a cap, and let the CRC check catch a damaged archive.
            for member in _REQUIRED_MEMBERS[kind]:
                with archive.open(member) as handle:
                    if len(handle.read(ZIP_MAX_UNCOMPRESSED + 1)) > ZIP_MAX_UNCOMPRESSED:
                        raise _Broken
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _Broken from error


def _check_image(upload) -> None:
    from PIL import Image

    try:
        upload.seek(0)
        with Image.open(io.BytesIO(upload.read())) as image:
            if image.width * image.height > IMAGE_MAX_PIXELS:
                raise _Broken
            image.verify()
        upload.seek(0)
        with Image.open(io.BytesIO(upload.read())) as image:
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise _Broken from error


def check_structure(upload, kind: str) -> bool:
    """Return True when the whole file parses as its kind (not just its first bytes)."""
    try:
        if kind == "pdf":
            _check_pdf(upload)
        elif kind in _REQUIRED_MEMBERS:
            _check_zip(upload, kind)
        elif kind in IMAGES:
            _check_image(upload)
    except _Broken:
        return False
    finally:
        upload.seek(0)
    return True


def check_upload(upload, *, allowed: tuple[str, ...], max_bytes: int, field_label: str = "") -> str:
    """Validate an uploaded file and return its kind name.

    Raises ValidationError (Vietnamese) when the file is empty, too large, of a
    type not allowed, or when its name claims another type than its content.
    """
    name = getattr(upload, "name", "") or ""
    prefix = f"{field_label}: " if field_label else ""
    size = getattr(upload, "size", None)
    if not size:
        raise ValidationError(prefix + _("Tệp “%(name)s” rỗng.") % {"name": name}, code="empty")
    if size > max_bytes:
        raise ValidationError(
            prefix
            + _("Tệp “%(name)s” có dung lượng %(size)s, vượt giới hạn %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    allowed_labels = ", ".join(sorted({KINDS[k].extensions[0].upper() for k in allowed}))
    kind = sniff(upload)
    if kind not in allowed:
        raise ValidationError(
            prefix
            + _("Tệp “%(name)s” không phải loại được chấp nhận (%(allowed)s).")
            % {"name": name, "allowed": allowed_labels},
            code="bad_type",
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in KINDS[kind].extensions:
        raise ValidationError(
            prefix
            + _("Tên tệp “%(name)s” không khớp với nội dung (%(kind)s).")
            % {"name": name, "kind": KINDS[kind].label},
            code="mismatch",
        )
    if not check_structure(upload, kind):
        raise ValidationError(
            prefix
            + _(
                "Tệp “%(name)s” bị hỏng hoặc không đúng cấu trúc tệp %(kind)s "
                "(hoặc giải nén ra quá lớn); vui lòng lưu lại tệp và gửi lại."
            )
            % {"name": name, "kind": KINDS[kind].label},
            code="broken",
        )
    return kind


def private_file_response(file, filename: str):
    """Send a stored private file (a dossier's, a question's attachment) to a
    user the view has already checked, as a download with safe headers.

    Behind nginx (``EPORTAL_PRIVATE_ACCEL_PREFIX`` set) a file under
    ``EPORTAL_PRIVATE_ROOT`` is sent by nginx from its ``internal`` location
    (X-Accel-Redirect), so no application process is held for the transfer;
    otherwise, and for files elsewhere, Django streams it.
    """
    prefix = settings.EPORTAL_PRIVATE_ACCEL_PREFIX
    root = Path(settings.EPORTAL_PRIVATE_ROOT).resolve()
    try:
        path = Path(file.path).resolve()
    except (NotImplementedError, ValueError):
        # A storage with no local path (object storage raises NotImplementedError)
        # or a file with no name: nginx cannot send it, Django streams it below.
        path = None
    if prefix and path is not None and path.is_relative_to(root):
        if not path.is_file():
            raise Http404
        response = HttpResponse(content_type=mimetypes.guess_type(filename)[0] or "")
        response["X-Accel-Redirect"] = (
            prefix.rstrip("/") + "/" + quote(path.relative_to(root).as_posix())
        )
        response["Content-Disposition"] = content_disposition_header(True, filename)
    else:
        try:
            handle = file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(handle, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
