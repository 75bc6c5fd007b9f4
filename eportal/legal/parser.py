"""Read a legal document's plain text into its fields.

Pure Python: no Django. The input is the text that Vietnamese legal-document
sites publish (or that staff copy from a Word file): a heading block with the
issuing body and "Số: 05/2014/QĐ-UBND | Thái Bình, ngày 26 tháng 06 năm 2014",
the form and title, the "Căn cứ …" lines, the enacting word ("QUYẾT ĐỊNH:"),
the articles, the signature, an attached regulation, and often a metadata
list at the end ("- Số hiệu: …", "- Loại văn bản: …"). Site boilerplate
before the heading and after the text is dropped.

``parse_text`` returns a ``ParsedDocument``; ``parse_structure`` splits a full
text into chapters, sections, articles, clauses and points (an outline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from eportal.legal.numbers import clean_number, find_numbers, form_from_name, number_key
from eportal.vntext import fold, normalize

STATUS_NOT_YET = "not_yet"
STATUS_IN_FORCE = "in_force"
STATUS_PARTLY_EXPIRED = "partly_expired"
STATUS_EXPIRED = "expired"


@dataclass
class Reference:
    """A document named in another one: "Nghị định số 43/2011/NĐ-CP ngày 13/6/2011"."""

    text: str
    number: str = ""
    form: str = ""
    issued: date | None = None
    name: str = ""

    @property
    def name_key(self) -> str:
        return fold(self.name)


@dataclass
class ParsedDocument:
    number: str = ""
    form: str = ""
    issuer: str = ""
    place: str = ""
    issued: date | None = None
    effective: date | None = None
    effective_rule: str = ""
    signer: str = ""
    title: str = ""
    status: str = ""
    sector: str = ""
    bases: list[Reference] = field(default_factory=list)
    replaces: list[Reference] = field(default_factory=list)
    amends: list[Reference] = field(default_factory=list)
    guides: list[Reference] = field(default_factory=list)
    body: str = ""
    metadata: dict[str, str] = field(default_factory=dict)

    def missing(self) -> list[str]:
        """Return the names of required fields that the text did not give."""
        required = {"number": "số ký hiệu", "form": "loại văn bản", "issued": "ngày ban hành"}
        required |= {"issuer": "cơ quan ban hành", "title": "trích yếu"}
        return [label for name, label in required.items() if not getattr(self, name)]


# --- Dates --------------------------------------------------------------------

_DATE_WORDS = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE
)
_DATE_NUMERIC = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
)


def _make_date(d: str, m: str, y: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """Return the first date written in text: "ngày 26 tháng 06 năm 2014" or "26/6/2014"."""
    matches = [m for m in (_DATE_WORDS.search(text), _DATE_NUMERIC.search(text)) if m]
    if not matches:
        return None
    first = min(matches, key=lambda m: m.start())
    return _make_date(first["d"], first["m"], first["y"])


# --- Roman numerals -------------------------------------------------------------

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int | None:
    """Return the value of a Roman numeral (I … CXC), or None if it is not one."""
    text = text.upper()
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN[char]
        if i + 1 < len(text) and _ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if total > 0 else None


# --- Cleaning -------------------------------------------------------------------

_SEPARATOR = re.compile(r"^[\s\-_=*–—.]{3,}$")
_BOILERPLATE = [
    re.compile(p)
    for p in (
        r"^(dang nhap|dang ky|dang xuat|tro giup|lien he|gioi thieu|trang chu)\b",
        r"^(luu tru|ghi chu|y kien|facebook|email|in|chia se|tai ve|tai van ban)$",
        r"^(thuoc tinh|noi dung|van ban goc|van ban tieng anh|tieng anh|luoc do)$",
        r"^(van ban lien quan|lien quan hieu luc|lien quan noi dung|van ban duoc huong dan)",
        r"^ban (chua|da) dang nhap",
        r"^(c|\(c\)|©|copyright)\b",
        r"^(bai viet|tin) (lien quan|khac)",
        r"thu vien phap luat|luatvietnam|vbpl\.vn|www\.|https?://",
        r"^(chu de|tu khoa|tags?)\s*:",
    )
]
_NATIONAL_MOTTO = "cong hoa xa hoi chu nghia viet nam"
_META_LABELS = {
    "so hieu": "number",
    "so ky hieu": "number",
    "loai van ban": "form",
    "ngay ban hanh": "issued",
    "noi ban hanh": "issuer",
    "co quan ban hanh": "issuer",
    "nguoi ky": "signer",
    "ngay hieu luc": "effective",
    "ngay co hieu luc": "effective",
    "tinh trang hieu luc": "status",
    "tinh trang": "status",
    "linh vuc": "field",
    "linh vuc, nganh": "field",
    "trich yeu": "title",
    "ngay cong bao": "gazette_date",
    "so cong bao": "gazette_number",
}
_META_LINE = re.compile(r"^\s*[-•*+]?\s*(?P<label>[^:]{2,30}?)\s*:\s*(?P<value>.*)$")


def _is_boilerplate(line: str) -> bool:
    folded = fold(line)
    return any(p.search(folded) for p in _BOILERPLATE)


def clean_lines(text: str) -> list[str]:
    """Return the text's lines, NFC, with odd spacing tidied (tabs, no-break spaces)."""
    text = normalize(text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = (
        text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\t", " ")
    )
    return [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]


def _split_metadata(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Take the trailing "- Số hiệu: …" list off the lines; return the rest and the list."""
    metadata: dict[str, str] = {}
    first_meta = None
    for i, line in enumerate(lines):
        match = _META_LINE.match(line)
        if not match or not line.lstrip().startswith(("-", "•", "*", "+")):
            continue
        key = _META_LABELS.get(fold(match["label"]))
        if key is None:
            continue
        # A metadata list sits after the text: the "Số hiệu" line opens it.
        if first_meta is None and key == "number":
            first_meta = i
        if first_meta is not None and i - first_meta < 40:
            metadata.setdefault(key, match["value"].strip())
    if first_meta is None:
        return lines, {}
    return lines[:first_meta], metadata


# --- Heading ----------------------------------------------------------------------

_NUMBER_LINE = re.compile(
    r"^\s*(?:\|\s*)?(?:(?:Luật|Bộ luật|Pháp lệnh|Lệnh)\s+)?Số\s*(?:và ký hiệu)?\s*[:.]\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_ORG_STARTS = (
    "uy ban",
    "ubnd",
    "so ",
    "bo ",
    "chinh phu",
    "quoc hoi",
    "hoi dong",
    "ban ",
    "van phong",
    "thanh tra",
    "cuc ",
    "tong cuc",
    "phong ",
    "lien minh",
    "trung tam",
    "thu tuong",
    "chu tich",
    "toa an",
    "vien kiem sat",
)
_PLACE_UNITS = ("tỉnh", "huyện", "thành phố", "thị xã", "thị trấn", "quận", "xã", "phường")
_STOP_WORDS = {
    "và",
    "của",
    "trên",
    "theo",
    "về",
    "trong",
    "năm",
    "giai",
    "đến",
    "từ",
    "với",
    "cho",
    "thuộc",
    "tại",
}
_ENACTING = re.compile(
    r"^(QUYẾT ĐỊNH|NGHỊ ĐỊNH|CHỈ THỊ|QUYẾT NGHỊ|BAN HÀNH|QUY ĐỊNH|THÔNG TƯ|LỆNH)\s*:\s*$"
)


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _capitalize_names(words: list[str]) -> list[str]:
    """Capitalise place names after an administrative unit ("tỉnh thái bình")."""
    out = list(words)
    i = 0
    while i < len(out):
        two = " ".join(out[i : i + 2])
        unit_len = 2 if two in _PLACE_UNITS else 1 if out[i] in _PLACE_UNITS else 0
        if unit_len:
            j = i + unit_len
            taken = 0
            while j < len(out) and taken < 3 and out[j].strip(",.;:()") not in _STOP_WORDS:
                word = out[j]
                out[j] = word[:1].upper() + word[1:]
                taken += 1
                if word.endswith((",", ".", ";", ":", ")")):
                    break
                j += 1
            i = j
        else:
            i += 1
    return out


def sentence_case(text: str) -> str:
    """Turn an upper-case title into a sentence, keeping place names capitalised."""
    if not _is_upper(text):
        return text
    original = text.split()
    words = _capitalize_names(text.lower().split())
    # Numbers and symbols ("05/2014/QĐ-UBND") keep their capitals.
    words = [o if any(c.isdigit() for c in o) else w for o, w in zip(original, words, strict=False)]
    result = " ".join(words)
    return result[:1].upper() + result[1:]


def issuer_case(text: str) -> str:
    """Write an issuing body's upper-case name as it is written in running text.

    "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH" → "Ủy ban nhân dân tỉnh Thái Bình";
    "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" → "Sở Thông tin và Truyền thông".
    """
    if not _is_upper(text):
        return text
    words = _capitalize_names(text.lower().split())
    for i, word in enumerate(words):
        after_org = i == 1 and words[0] in ("sở", "bộ", "ban", "cục", "phòng")
        after_and = i > 1 and words[i - 1] == "và" and words[0] in ("sở", "bộ")
        if after_org or after_and:
            words[i] = word[:1].upper() + word[1:]
    result = " ".join(words)
    return result[:1].upper() + result[1:]


def _issuer(lines: list[str], motto_index: int, number_index: int) -> str:
    """Find the issuing body in the heading block (left column, upper case)."""
    motto_line = lines[motto_index] if motto_index >= 0 else ""
    candidates: list[str] = []
    if "|" in motto_line:
        left = motto_line.split("|")[0].strip()
        if left and fold(left) != _NATIONAL_MOTTO and not _SEPARATOR.match(left):
            candidates.append(left)
    if motto_index >= 0:
        i = motto_index - 1
        while i >= 0 and len(candidates) < 3:
            line = lines[i].strip(" |")
            if not line or _SEPARATOR.match(line):
                if candidates and not line:
                    break
                if candidates and i < motto_index - 1:
                    break
                i -= 1
                continue
            if not _is_upper(line) or _is_boilerplate(line):
                break
            candidates.insert(0, line)
            i -= 1
    if not candidates:
        # Heading laid out as issuer lines right before "Số:" (no motto).
        i = number_index - 1
        while i >= 0 and len(candidates) < 3:
            line = lines[i].strip(" |")
            if _SEPARATOR.match(line) or fold(line).startswith("doc lap"):
                i -= 1
                continue
            if not line or not _is_upper(line) or fold(line) == _NATIONAL_MOTTO:
                break
            candidates.insert(0, line)
            i -= 1
    if not candidates:
        return ""
    # "UBND TỈNH THÁI BÌNH / SỞ TƯ PHÁP": the body that issues is the last line.
    last = candidates[-1]
    if len(candidates) > 1 and fold(last).startswith(_ORG_STARTS):
        return issuer_case(last)
    return issuer_case(" ".join(candidates))


def _heading_start(lines: list[str], motto_index: int, number_index: int) -> int:
    """Return the index of the first line of the document proper (its heading)."""
    anchor = motto_index if motto_index >= 0 else number_index
    i = anchor - 1
    start = anchor
    while i >= 0:
        line = lines[i].strip(" |")
        if _SEPARATOR.match(line):
            i -= 1
            continue
        if not line or not _is_upper(line) or _is_boilerplate(line):
            break
        start = i
        i -= 1
    return start


_PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ\. ]{1,40}?)\s*,\s*(?P<date>ngày\s+\d.*|\d{1,2}\s*/.*)$",
    re.IGNORECASE,
)


# --- References, effect, signer -------------------------------------------------------


def parse_reference(text: str) -> Reference:
    """Read "Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ …" into a Reference."""
    text = re.sub(r"^(căn cứ|theo)\s+(vào\s+)?", "", text.strip(), flags=re.IGNORECASE).strip(
        " ;,."
    )
    # "… đã được sửa đổi theo Nghị quyết số …": what follows names another document.
    own = re.split(r"\s+(?:đã\s+)?được\s+sửa\s+đổi", text, maxsplit=1, flags=re.IGNORECASE)[0]
    numbers = find_numbers(own)
    form = form_from_name(text)
    issued = find_date(own)
    name = re.split(r"\s+(?:số\s+\d|ngày\s+\d|ngày\s+\d|của\s+|được\s+|đã\s+)", text, maxsplit=1)[0]
    name = re.sub(r"\s+số$", "", name).strip(" ,;")
    return Reference(
        text=text, number=numbers[0] if numbers else "", form=form, issued=issued, name=name
    )


def _bases(lines: list[str]) -> list[Reference]:
    refs = []
    for line in lines:
        if not fold(line).startswith("can cu "):
            continue
        body = re.sub(r"^căn\s+cứ\s+(vào\s+)?", "", line, flags=re.IGNORECASE)
        for part in re.split(r";\s*(?=[A-ZĐ])", body):
            ref = parse_reference(part)
            if ref.form or ref.number:
                refs.append(ref)
    return refs


def _sentences_with(text: str, pattern: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+|\n", text) if re.search(pattern, s, re.IGNORECASE)]


def _replaced(text: str, own_key: str) -> list[Reference]:
    refs: list[Reference] = []
    seen = {own_key}
    for sentence in _sentences_with(text, r"thay\s+thế"):
        tail = re.split(r"thay\s+thế", sentence, maxsplit=1, flags=re.IGNORECASE)[1]
        for number in find_numbers(tail):
            key = number_key(number)
            if key not in seen:
                seen.add(key)
                start = tail.find(number)
                form_text = tail[max(0, start - 40) : start]
                form = ""
                for chunk in re.split(r"[,;]|\bvà\b", form_text):
                    form = form_from_name(re.sub(r"^\s*(cho|các)\s+", "", chunk.strip())) or form
                refs.append(
                    Reference(
                        text=f"{tail[: start + len(number)].strip()}", number=number, form=form
                    )
                )
    for ref in refs:
        ref.text = ref.number if not ref.form else f"{_form_display(ref.form)} số {ref.number}"
    return refs


def _form_display(code: str) -> str:
    from eportal.legal.numbers import FORM_NAMES

    return FORM_NAMES.get(code, "")


_EFFECT_AFTER = re.compile(
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+sau\s+(?P<n>\d+)\s+ngày\s+kể\s+từ\s+ngày\s+ký",
    re.IGNORECASE,
)
_EFFECT_SIGNING = re.compile(
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+ký", re.IGNORECASE
)
_EFFECT_DATE = re.compile(
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+(?P<date>ngày\s+\d[^.;]*)", re.IGNORECASE
)


def effective_date(text: str, issued: date | None) -> tuple[date | None, str]:
    """Find the effective-date rule in a text and resolve it against the issue date.

    Return (date or None, the rule's words). "có hiệu lực sau 10 ngày kể từ
    ngày ký" → issued + 10 days; "có hiệu lực kể từ ngày ký" → issued;
    "có hiệu lực từ ngày 01/7/2014" → that date.
    """
    for sentence in _sentences_with(text, r"có\s+hiệu\s+lực"):
        if match := _EFFECT_AFTER.search(sentence):
            when = issued + timedelta(days=int(match["n"])) if issued else None
            return when, match.group(0)
        if match := _EFFECT_SIGNING.search(sentence):
            return issued, match.group(0)
        if match := _EFFECT_DATE.search(sentence):
            when = find_date(match["date"])
            if when:
                return when, match.group(0).strip()
    return None, ""


_SIGN_START = re.compile(r"^(TM\.|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC)")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")


def _signer(lines: list[str]) -> str:
    flat = [part.strip() for line in lines for part in line.split("|")]
    for i, line in enumerate(flat):
        if not _SIGN_START.match(line):
            continue
        for candidate in flat[i + 1 : i + 12]:
            if _NAME.match(candidate):
                return candidate
        break
    return ""


_STATUS_WORDS = [
    ("het hieu luc mot phan", STATUS_PARTLY_EXPIRED),
    ("het hieu luc", STATUS_EXPIRED),
    ("chua co hieu luc", STATUS_NOT_YET),
    ("con hieu luc", STATUS_IN_FORCE),
    ("dang co hieu luc", STATUS_IN_FORCE),
    ("co hieu luc", STATUS_IN_FORCE),
]


def parse_status(text: str) -> str:
    """Map "Còn hiệu lực", "Hết hiệu lực một phần"… to a status code, or ""."""
    folded = fold(text)
    for words, status in _STATUS_WORDS:
        if folded.startswith(words):
            return status
    return ""


# --- The document -----------------------------------------------------------------------


def parse_text(text: str) -> ParsedDocument:
    """Extract every field that a legal document's plain text gives."""
    lines = clean_lines(text)
    lines, metadata = _split_metadata(lines)
    doc = ParsedDocument(metadata=metadata)

    motto_index = next((i for i, line in enumerate(lines) if _NATIONAL_MOTTO in fold(line)), -1)
    number_index = next((i for i, line in enumerate(lines) if _NUMBER_LINE.match(line)), -1)
    if number_index >= 0:
        rest = _NUMBER_LINE.match(lines[number_index])["rest"]
        number_part, _bar, place_part = rest.partition("|")
        numbers = find_numbers(number_part)
        doc.number = numbers[0] if numbers else clean_number(number_part.split()[0])
        # The place and date are on the same line after "|", or on one of the next lines.
        place_lines = [place_part] + lines[number_index + 1 : number_index + 4]
        for candidate in place_lines:
            match = _PLACE_DATE.search(candidate.strip(" |"))
            if match and find_date(match["date"]):
                doc.place = match["place"].strip()
                doc.issued = find_date(match["date"])
                break

    start = (
        _heading_start(lines, motto_index, number_index)
        if max(motto_index, number_index) >= 0
        else 0
    )
    doc.issuer = _issuer(lines, motto_index, number_index) if start >= 0 else ""

    # The form and the title follow the number/date lines.
    after = number_index + 1 if number_index >= 0 else start
    i = after
    while i < len(lines) and (
        not lines[i] or _PLACE_DATE.search(lines[i]) or lines[i].startswith("|")
    ):
        if lines[i].startswith("|") and not _PLACE_DATE.search(lines[i]):
            break
        i += 1
    title_lines: list[str] = []
    issuer_folded = fold(doc.issuer)
    while i < len(lines):
        line = lines[i].strip(" |")
        if not line:
            if doc.form or title_lines:
                if title_lines:
                    break
            i += 1
            continue
        if not doc.form and (code := form_from_name(line)) and _is_upper(line) and len(line) < 40:
            doc.form = code
            i += 1
            continue
        if fold(line).startswith(("can cu", "xet ")) or _ENACTING.match(line):
            break
        if issuer_folded and fold(line) == issuer_folded:
            break
        if _SEPARATOR.match(line):
            if title_lines:
                break
            i += 1
            continue
        title_lines.append(line)
        i += 1
    title = sentence_case(" ".join(title_lines))
    title = re.sub(r"^(V/v|Về việc)\s*[:.]?\s*", "Về việc ", title, flags=re.IGNORECASE)
    doc.title = title.strip()

    end = len(lines)
    while end > start and (not lines[end - 1] or _is_boilerplate(lines[end - 1])):
        end -= 1
    body_lines = [line for line in lines[start:end]]
    doc.body = "\n".join(body_lines).strip()
    doc.bases = _bases(lines[start:end])
    doc.signer = _signer(lines[start:end])

    # The metadata list, where present, is the site's record: it wins.
    if metadata.get("number"):
        doc.number = clean_number(metadata["number"])
    if metadata.get("form"):
        doc.form = form_from_name(metadata["form"]) or doc.form
    if metadata.get("issued"):
        doc.issued = find_date(metadata["issued"]) or doc.issued
    if metadata.get("signer") and metadata["signer"].strip(". ") not in ("", "Đang cập nhật"):
        doc.signer = metadata["signer"].strip()
    if metadata.get("issuer") and not doc.issuer:
        doc.issuer = metadata["issuer"]
    if metadata.get("title") and not doc.title:
        doc.title = metadata["title"]
    doc.status = parse_status(metadata.get("status", ""))
    doc.sector = metadata.get("field", "").strip()
    if not doc.form and doc.number:
        from eportal.legal.numbers import parse_number

        parsed = parse_number(doc.number)
        doc.form = parsed.form if parsed else ""

    doc.effective, doc.effective_rule = effective_date(doc.body, doc.issued)
    if metadata.get("effective"):
        doc.effective = find_date(metadata["effective"]) or doc.effective

    own_key = number_key(doc.number) if doc.number else ""
    doc.replaces = _replaced(_decision_part(doc.body), own_key)
    folded_title = fold(doc.title)
    title_refs = [
        Reference(text=n, number=n) for n in find_numbers(doc.title) if number_key(n) != own_key
    ]
    if "sua doi" in folded_title or "bo sung" in folded_title:
        doc.amends = title_refs
    elif folded_title.startswith(("huong dan", "quy dinh chi tiet")):
        doc.guides = title_refs
    return doc


def _decision_part(body: str) -> str:
    """Return the text up to the end of the enacting articles (before an attachment)."""
    nodes = parse_structure(body)
    for node in nodes:
        if node.kind == "attachment":
            return body[: node.offset]
    return body


# --- Structure -------------------------------------------------------------------------


@dataclass
class Node:
    kind: str  # part, chapter, section, article, clause, point, attachment, text
    text: str
    label: str = ""
    title: str = ""
    anchor: str = ""
    offset: int = 0

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "anchor": self.anchor,
        }


_CHAPTER = re.compile(r"^(?:CHƯƠNG|Chương)\s+(?P<n>[IVXLC]+|\d+)\b\.?\s*[:.\-–]?\s*(?P<title>.*)$")
_SECTION = re.compile(r"^(?:MỤC|Mục)\s+(?P<n>\d+|[IVXLC]+)\b\.?\s*[:.\-–]?\s*(?P<title>.*)$")
_PART = re.compile(
    r"^(?:PHẦN|Phần)\s+(?P<n>thứ\s+\S+|[IVXLC]+|\d+)\b\.?\s*[:.\-–]?\s*(?P<title>.*)$"
)
_ARTICLE = re.compile(r"^Điều\s+(?P<n>\d+[a-z]?)\s*[.:]\s*(?P<title>.*)$")
_CLAUSE = re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<text>\S.*)$")
_POINT = re.compile(r"^(?P<n>[a-zđ])\)\s+(?P<text>\S.*)$")
_ATTACHMENT = re.compile(r"^(QUY CHẾ|QUY ĐỊNH|ĐIỀU LỆ|PHỤ LỤC|HƯỚNG DẪN|KẾ HOẠCH)\b")


def parse_structure(body: str) -> list[Node]:
    """Split a full text into an outline of parts, chapters, sections, articles, clauses.

    A chapter's title may be on its own line after "Chương I". Articles of an
    attached regulation get their own anchors ("van-ban-kem-1-dieu-3").
    """
    nodes: list[Node] = []
    attachment = 0
    seen_article = False
    offset = 0
    pending_title: Node | None = None
    for raw in (body or "").split("\n"):
        line = raw.strip()
        line_offset = offset
        offset += len(raw) + 1
        if not line:
            continue
        if pending_title is not None:
            if _is_upper(line) and not _ARTICLE.match(line):
                pending_title.title = sentence_case(line)
                pending_title = None
                continue
            pending_title = None
        prefix = f"van-ban-kem-{attachment}-" if attachment else ""
        if seen_article and _ATTACHMENT.match(line) and _is_upper(line):
            attachment += 1
            seen_article = False
            nodes.append(
                Node(
                    "attachment",
                    line,
                    title=sentence_case(line),
                    anchor=f"van-ban-kem-{attachment}",
                    offset=line_offset,
                )
            )
            continue
        if match := _PART.match(line):
            nodes.append(
                Node(
                    "part",
                    line,
                    label=f"Phần {match['n']}",
                    title=sentence_case(match["title"]),
                    anchor=f"{prefix}phan-{fold(match['n']).replace(' ', '-')}",
                    offset=line_offset,
                )
            )
            pending_title = nodes[-1] if not match["title"] else None
            continue
        if match := _CHAPTER.match(line):
            number = match["n"]
            value = roman_to_int(number) if not number.isdigit() else int(number)
            nodes.append(
                Node(
                    "chapter",
                    line,
                    label=f"Chương {number.upper()}",
                    title=sentence_case(match["title"]),
                    anchor=f"{prefix}chuong-{value}",
                    offset=line_offset,
                )
            )
            pending_title = nodes[-1] if not match["title"] else None
            continue
        if match := _SECTION.match(line):
            chapter = next(
                (n.anchor for n in reversed(nodes) if n.kind == "chapter"), prefix.rstrip("-")
            )
            nodes.append(
                Node(
                    "section",
                    line,
                    label=f"Mục {match['n']}",
                    title=sentence_case(match["title"]),
                    anchor=f"{chapter}-muc-{match['n'].lower()}".lstrip("-"),
                    offset=line_offset,
                )
            )
            pending_title = nodes[-1] if not match["title"] else None
            continue
        if match := _ARTICLE.match(line):
            seen_article = True
            nodes.append(
                Node(
                    "article",
                    line,
                    label=f"Điều {match['n']}",
                    title=match["title"].strip(),
                    anchor=f"{prefix}dieu-{match['n']}",
                    offset=line_offset,
                )
            )
            continue
        if seen_article and (match := _CLAUSE.match(line)):
            nodes.append(Node("clause", match["text"], label=f"{match['n']}.", offset=line_offset))
            continue
        if seen_article and (match := _POINT.match(line)):
            nodes.append(Node("point", match["text"], label=f"{match['n']})", offset=line_offset))
            continue
        nodes.append(Node("text", line, offset=line_offset))
    return nodes


def outline(nodes: list[Node]) -> list[Node]:
    """Return the nodes that make a table of contents: parts, chapters, sections, articles."""
    return [n for n in nodes if n.kind in ("attachment", "part", "chapter", "section", "article")]
