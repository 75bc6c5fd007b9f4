"""The text of PDF and DOCX files, as the e-office systems send them.

PDF text comes from ``pypdf`` (pure Python) and keeps its lines; DOCX text is
read from ``word/document.xml`` with ``zipfile`` and ``defusedxml`` (no
entity expansion, no DTD tricks), paragraphs in order, and a table's cells
one after the other with a ``|`` line between them (the heading of a
Vietnamese document is such a table: issuer | motto, number | place and date).

``read`` raises ``UnreadableFile`` with a Vietnamese message when a file has
no text to give: damaged, encrypted, too large, or a scanned PDF (images of
pages: it needs character recognition first).
"""

from __future__ import annotations

import zipfile

from defusedxml import ElementTree

MAX_DOCX_XML = 30 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A page with fewer letters than this carries no text layer (a scan, at most a stamp).
MIN_LETTERS_PER_PAGE = 5


class UnreadableFile(ValueError):
    """The file gives no text; the message says why, in Vietnamese."""


def read(file, extension: str, *, max_pages: int | None = None, max_chars: int | None = None):
    """The text of a PDF or DOCX file object; ``UnreadableFile`` if it has none."""
    extension = extension.lower().lstrip(".")
    file.seek(0)
    try:
        if extension == "pdf":
            text = pdf_text(file, max_pages=max_pages)
        elif extension == "docx":
            text = docx_text(file)
        else:
            raise UnreadableFile("Chỉ đọc được chữ của tệp PDF hoặc DOCX.")
    except UnreadableFile:
        raise
    except Exception as error:
        raise UnreadableFile(
            f"Không đọc được tệp ({type(error).__name__}): tệp hỏng hoặc có mật khẩu."
        ) from error
    return text[:max_chars] if max_chars else text


def pdf_text(file, *, max_pages: int | None = None) -> str:
    from pypdf import PdfReader

    reader = PdfReader(file)
    if reader.is_encrypted:
        raise UnreadableFile("Tệp PDF có mật khẩu: hãy gửi bản không khóa.")
    pages = reader.pages[:max_pages] if max_pages else reader.pages
    texts = [page.extract_text() or "" for page in pages]
    letters = sum(c.isalpha() for text in texts for c in text)
    if texts and letters < MIN_LETTERS_PER_PAGE * len(texts):
        raise UnreadableFile(
            "Tệp PDF là bản quét (ảnh của trang giấy), không có lớp chữ: cần nhận dạng ký tự "
            "(OCR) trước khi nhập, hoặc gửi tệp gốc DOCX/PDF có chữ."
        )
    return "\n".join(texts)


def docx_text(file) -> str:
    with zipfile.ZipFile(file) as archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            raise UnreadableFile("Tệp DOCX không có nội dung văn bản.") from None
        if info.file_size > MAX_DOCX_XML:
            raise UnreadableFile("Tệp DOCX quá lớn.")
        xml = archive.read(info)
    root = ElementTree.fromstring(xml)
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for block in body if body is not None else []:
        _block_lines(block, lines)
    return "\n".join(lines).strip("\n")


def _paragraph(node) -> str:
    parts = []
    for child in node.iter():
        if child.tag == f"{_W}t":
            parts.append(child.text or "")
        elif child.tag in (f"{_W}tab",):
            parts.append(" ")
        elif child.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _block_lines(block, lines: list[str]) -> None:
    if block.tag == f"{_W}p":
        lines.extend(_paragraph(block).split("\n"))
        lines.append("")
    elif block.tag == f"{_W}tbl":
        for row in block.iter(f"{_W}tr"):
            for n, cell in enumerate(row.iter(f"{_W}tc")):
                if n:
                    lines.append("|")
                for paragraph in cell.iter(f"{_W}p"):
                    lines.append(_paragraph(paragraph))
            lines.append("")
