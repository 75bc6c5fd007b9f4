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

from eportal.legal.layout import (
    LOWER,
    MOTTO,
    UPPER,
    clean_lines,
    is_boilerplate,
    is_form_line,
    is_name,
    is_upper,
    logical_lines,
    split_metadata,
)
from eportal.legal.numbers import (
    clean_number,
    find_numbers,
    form_from_name,
    number_key,
    parse_number,
)
from eportal.vntext import fold

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
    repeals: list[Reference] = field(default_factory=list)
    guides: list[Reference] = field(default_factory=list)
    body: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    # How sure the parser is of each field (0–1), and why it is not.
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def unsure(self) -> list[str]:
        """The fields to check by eye before publishing."""
        return [name for name, value in self.confidence.items() if value < UNSURE_BELOW]

    def missing(self) -> list[str]:
        """Return the names of required fields that the text did not give."""
        required = {"number": "số ký hiệu", "form": "loại văn bản", "issued": "ngày ban hành"}
        required |= {"issuer": "cơ quan ban hành", "title": "trích yếu"}
        return [label for name, label in required.items() if not getattr(self, name)]


# --- Dates --------------------------------------------------------------------

_DATE_WORDS = re.compile(
    r"ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})", re.IGNORECASE
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


# --- Cleaning (see layout.py) ----------------------------------------------------

_NATIONAL_MOTTO = MOTTO


# --- Heading ----------------------------------------------------------------------

_NUMBER_LINE = re.compile(
    r"^(?:(?:Luật|Bộ luật|Pháp lệnh|Lệnh|Nghị quyết|Quyết định)\s+Số\s*:|Số\s*(?:và\s+ký\s+hiệu)?"
    r"\s*[:.]?)\s*(?P<rest>\d.*)$",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(
    r"(?P<place>[A-ZĐÀ-Ỹ][\wÀ-ỹ.\- ]{1,40}?)\s*,\s*(?P<date>ngày\s*\d{1,2}\s*(?:tháng|/|-|\.)"
    r"\s*\d{1,2}\s*(?:năm|/|-|\.)\s*\d{4}|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})",
    re.IGNORECASE,
)
_ENACTING = re.compile(
    r"^(QUYẾT ĐỊNH|NGHỊ ĐỊNH|CHỈ THỊ|QUYẾT NGHỊ|BAN HÀNH|QUY ĐỊNH|THÔNG TƯ|LỆNH|"
    r"CÔNG BỐ|ĐIỆN|YÊU CẦU)\s*:\s*$"
)
# Where an issuing body's name starts in a heading (matched on the folded text).
_ORG_HEAD = re.compile(
    r"\b(uy ban thuong vu quoc hoi|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|"
    r"thu tuong chinh phu|van phong chinh phu|van phong quoc hoi|van phong|chinh phu|"
    r"quoc hoi|chu tich nuoc|chu tich|so |bo |chi cuc|tong cuc|cuc |ban |phong |trung tam|"
    r"thanh tra|toa an|vien kiem sat|kiem toan|ngan hang|bao hiem xa hoi|kho bac|"
    r"uy ban|hoi dong)"
)
_LOCAL_UNITS = ("tinh ", "thanh pho ", "huyen ", "quan ", "thi xa ", "xa ", "phuong ", "thi tran ")
_SUBUNITS = ("so ", "ban ", "chi cuc", "phong ", "trung tam", "thanh tra", "van phong")
_ABBREVIATIONS = (("UBND", "ỦY BAN NHÂN DÂN"), ("HĐND", "HỘI ĐỒNG NHÂN DÂN"), ("TP.", "THÀNH PHỐ"))


def _shadow(text: str) -> str:
    """The folded text, one character for each of ``text`` (to slice both alike)."""
    return "".join((fold(c) or c)[:1] if c != " " else " " for c in text).lower()


_PLACE_UNITS = ("tỉnh", "huyện", "thành phố", "thị xã", "thị trấn", "quận", "xã", "phường", "sông")
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
    # words that follow a unit without being a name: "Tỉnh ủy", "thành phố trực
    # thuộc Trung ương", "huyện Bình Chánh nhiệm kỳ …", "tỉnh Thanh Hóa khóa XVIII"
    "ủy",
    "uỷ",
    "trực",
    "nhiệm",
    "khóa",
    "khoá",
    "có",
    "là",
    "được",
}
# A unit after these is any unit, not one named: "các huyện", "mỗi xã", "cấp tỉnh".
_GENERIC_BEFORE = {"các", "mỗi", "cấp", "từng", "mọi", "những", "một", "nhiều", "tác"}


def _generic_unit(out: list[str], i: int, unit_len: int) -> bool:
    """Whether the unit at ``i`` names no place: "các huyện", "hợp tác xã", a list
    of units ("15 tỉnh, thành phố đồng bằng …", "xã, phường, thị trấn phù hợp …")."""
    if out[i + unit_len - 1].endswith(","):
        return True
    if i == 0:
        return False
    before = out[i - 1]
    if before in _GENERIC_BEFORE or (before.isdigit() and i > 1 and out[i - 2] != "năm"):
        return True  # "15 tỉnh, thành phố", but "năm 2022 huyện Châu Thành"
    return before.endswith(",") and (
        before.rstrip(",") in _PLACE_UNITS
        or " ".join(out[max(0, i - 2) : i]).rstrip(",") in _PLACE_UNITS
    )


def _capitalize_names(words: list[str]) -> list[str]:
    """Capitalise place names after an administrative unit ("tỉnh thái bình")."""
    out = list(words)
    i = 0
    while i < len(out):
        two = " ".join(out[i : i + 2]) if i + 1 < len(out) else ""
        unit_len = (
            2 if two.rstrip(",") in _PLACE_UNITS else 1 if out[i].rstrip(",") in _PLACE_UNITS else 0
        )
        if two in ("xã hội", "xã hội,"):
            unit_len = 0  # "bảo trợ xã hội": society, not a commune
        if unit_len and _generic_unit(out, i, unit_len):
            i += unit_len
            continue
        if unit_len:
            j = i + unit_len
            taken = 0
            while j < len(out) and taken < 3 and out[j].strip(",.;:()") not in _STOP_WORDS:
                word = out[j]
                if any(c.isdigit() for c in word):
                    break
                out[j] = word[:1].upper() + word[1:]
                taken += 1
                if word.endswith((",", ".", ";", ":", ")")):
                    break
                j += 1
            i = j
        else:
            i += 1
    return out


# Names of bodies, offices and regions as running text writes them (matched on the
# folded text, so "UỶ BAN" and "ỦY BAN", "HOÁ" and "HÓA" are one name).
_SECTORS = (
    "Tư pháp", "Y tế", "Tài chính", "Công an", "Quốc phòng", "Ngoại giao", "Nội vụ",
    "Công Thương", "Xây dựng", "Giao thông vận tải", "Giáo dục và Đào tạo",
    "Kế hoạch và Đầu tư", "Lao động - Thương binh và Xã hội",
    "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường", "Nông nghiệp",
    "Tài nguyên và Môi trường", "Thông tin và Truyền thông", "Văn hóa, Thể thao và Du lịch",
    "Văn hóa - Thông tin", "Khoa học và Công nghệ", "Dân tộc và Tôn giáo", "Công nghiệp",
    "Thương mại", "Thủy sản", "Lao động",
)  # fmt: skip
_PROPER_NAMES = (
    "Ủy ban Thường vụ Quốc hội", "Chủ tịch Ủy ban nhân dân", "Chủ tịch Hội đồng nhân dân",
    "Chủ tịch UBND", "Chủ tịch HĐND", "Thường trực Hội đồng nhân dân", "Ủy ban nhân dân",
    "Hội đồng nhân dân", "Ủy ban Dân tộc", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc", "Thủ tướng Chính phủ", "Phó Thủ tướng", "Phủ Thủ tướng",
    "Văn phòng Chính phủ", "Văn phòng Quốc hội", "Thanh tra Chính phủ", "Chính phủ", "Quốc hội",
    "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Thường vụ", "Tỉnh ủy",
    "Thành ủy", "Huyện ủy", "Trung ương Đảng", "Trung ương", "Ban Chỉ đạo", "Ban Chỉ huy",
    "Kiểm toán Nhà nước", "Ngân hàng Nhà nước", "Tòa án nhân dân", "Viện kiểm sát nhân dân",
    "Bảo hiểm xã hội Việt Nam", "Việt Nam", "Đông Nam Bộ", "Bắc Trung Bộ", "Nam Trung Bộ",
    "Bắc Bộ", "Trung Bộ", "Nam Bộ", "Tây Nguyên", "Tây Bắc", "Biển Đông",
    *(f"{head} {sector}" for sector in _SECTORS for head in ("Bộ", "Sở")),
)  # fmt: skip
_PROPER_PATTERNS = sorted(
    (
        (
            re.compile(
                r"(?<!\w)" + re.escape(fold(name).lower()).replace(r"\ ", r"\s+") + r"(?!\w)"
            ),
            name,
        )
        for name in _PROPER_NAMES
    ),
    key=lambda pair: -len(pair[1]),
)
# A document cited by its number: "nghị định số 120/2020/NĐ-CP" → "Nghị định số …".
_CITED_FORM = re.compile(
    r"(?<!\w)(?:bo luat|luat|phap lenh|nghi dinh|nghi quyet|quyet dinh|chi thi|thong tu|"
    r"ke hoach|cong van|cong dien|thong bao|ket luan|huong dan)\s+so\s+\S*\d"
)
# The head of government named with the title: "Phó Thủ tướng Ngô Xuân Lộc".
_PREMIER = re.compile(r"(?<!\w)(?:pho )?thu tuong(?: chinh phu)?\s+(?!chinh phu(?!\w))")
# A person's name starts with a family name.
_SURNAMES = {
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "trịnh", "đinh", "lâm", "mai", "tô", "đoàn", "trương", "hà",
    "lưu", "cao", "vương", "tạ", "lương", "chu", "đào", "thái", "kiều", "quách", "triệu", "phùng",
}  # fmt: skip
_NOT_A_NAME = _STOP_WORDS | {"đã", "chỉ", "yêu", "ký", "đối", "giao", "các", "ủy", "bộ", "ban"}
_ABBREVIATIONS_KEPT = {"UBND", "HĐND", "UBMTTQ", "ĐBSCL", "OCOP", "COVID"}
_VOWELS = set("aeiouy")


def _capitalize_at(text: str, positions) -> str:
    chars = list(text)
    for pos in positions:
        chars[pos] = chars[pos].upper()
    return "".join(chars)


def _proper_names(text: str) -> str:
    """Give the names of bodies, ministries, departments, regions, cited documents and
    the head of government the capitals running text writes them with."""
    shadow = _shadow(text)
    starts: list[int] = []
    for pattern, name in _PROPER_PATTERNS:
        capitals = [word[:1].isupper() for word in name.split()]
        for found in pattern.finditer(shadow):
            words = list(re.finditer(r"\S+", text[found.start() : found.end()]))
            starts += [
                found.start() + w.start() for w, cap in zip(words, capitals, strict=False) if cap
            ]
    starts += [found.start() for found in _CITED_FORM.finditer(shadow)]
    for found in _PREMIER.finditer(shadow):
        following = list(re.finditer(r"\S+", text[found.end() :]))[:3]
        name: list[int] = []
        for word in following:
            if word[0].strip(",.;:()").lower() in _NOT_A_NAME or any(c.isdigit() for c in word[0]):
                break
            name.append(found.end() + word.start())
            if word[0].endswith((",", ".", ";", ":")):
                break
        if len(name) >= 2 and following[0][0].lower() in _SURNAMES:
            starts += name
    return _capitalize_at(text, starts)


def _kept_upper(original: str, previous: str) -> bool:
    """Whether a word of an upper-case title keeps its capitals: an abbreviation
    ("UBND", "TTHC", "(OCOP)": no Vietnamese syllable is without a vowel) or a
    session's Roman numeral ("KHÓA XVIII")."""
    core = original.strip(",.;:()“”\"'")
    if len(core) < 2 or not core.isupper() or "/" in core:
        return False
    if core in _ABBREVIATIONS_KEPT or (
        original.startswith("(") and original.rstrip(",.;:").endswith(")")
    ):
        return True
    if fold(previous).lower() == "khoa" and re.fullmatch(r"[IVXLC]+", core):
        return True
    return not (set(fold(core).lower()) & _VOWELS)


def _symbol_case(word: str) -> str:
    """A number keeps its capitals, but the Prime Minister's symbol is "TTg"."""
    return re.sub(r"(?<=[-/])TTG(?![A-Z])", "TTg", word)


def sentence_case(text: str) -> str:
    """Turn an upper-case title into a sentence, keeping the capitals of names."""
    if not is_upper(text):
        return text
    original = text.split()
    words = _capitalize_names(text.lower().split())
    kept = []
    for k, (o, w) in enumerate(zip(original, words, strict=False)):
        if any(c.isdigit() for c in o):
            kept.append(_symbol_case(o))  # "05/2014/QĐ-UBND", "COVID-19"
        elif _kept_upper(o, original[k - 1] if k else ""):
            kept.append(o)
        else:
            kept.append(w)
    result = _proper_names(" ".join(kept))
    return result[:1].upper() + result[1:]


def issuer_case(text: str) -> str:
    """Write an issuing body's upper-case name as it is written in running text.

    "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH" → "Ủy ban nhân dân tỉnh Thái Bình";
    "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Bộ Văn hóa, Thể thao và Du lịch".
    """
    if not is_upper(text):
        return text
    words = _capitalize_names(text.lower().split())
    # The proper part of a ministry's, department's or office's name.
    first = {"sở": 1, "bộ": 1, "ban": 1, "cục": 1, "vụ": 1, "tổng": 2, "chi": 2, "trung": 2}
    start = first.get(words[0]) if words else None
    if start is not None and not (words[0] == "ban" and len(words) > 1 and words[1] == "nhân"):
        for i in range(start, len(words)):
            if words[i] == "về":
                break  # "Ban Chỉ đạo … về phòng, chống thiên tai": its subject, not a name
            previous = words[i - 1]
            if i == start or previous in ("và", "-", "–") or previous.endswith(","):
                if fold(words[i]) not in _LOCAL_UNITS_WORDS:
                    words[i] = words[i][:1].upper() + words[i][1:]
    result = " ".join(words)
    for phrase in ("Chính phủ", "Quốc hội", "Thường vụ", "Việt Nam", "Nhà nước Việt Nam"):
        result = re.sub(rf"\b{phrase.lower()}\b", phrase, result)
    result = _proper_names(result)
    return result[:1].upper() + result[1:]


_LOCAL_UNITS_WORDS = {"tinh", "huyen", "quan", "xa", "phuong"}


_OLD_TONES = re.compile(r"(?<![qQ])([oOuU])([áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸýỳỷỹỵÝỲỶỸỴ])(?![\wÀ-ỹ])")
_BASE = {
    **dict.fromkeys("áàảãạ", "a"),
    **dict.fromkeys("éèẻẽẹ", "e"),
    **dict.fromkeys("ýỳỷỹỵ", "y"),
}


def modern_tones(text: str) -> str:
    """Put the tone mark where current writing puts it: "hoá" → "hóa", "thuỷ" →
    "thủy" (so that "Bộ Văn hoá" and "Bộ Văn hóa" are one issuer)."""

    def move(match: re.Match) -> str:
        vowel, marked = match[1], match[2]
        lower = marked.lower()
        if vowel in "uU" and lower in "éèẻẽẹáàảãạ":
            return match[0]  # "uá", "uế": the mark belongs where it is
        if vowel in "oO" and lower in "ýỳỷỹỵ":
            return match[0]
        new_vowel = {"o": "óòỏõọ", "u": "úùủũụ"}[vowel.lower()]["áàảãạéèẻẽẹýỳỷỹỵ".index(lower) % 5]
        new_vowel = new_vowel.upper() if vowel.isupper() else new_vowel
        base = _BASE[lower]
        base = base.upper() if marked.isupper() else base
        return new_vowel + base

    return _OLD_TONES.sub(move, text)


def issuer_from_heading(lines: list[str]) -> str:
    """The issuing body of the heading's upper-case lines: "BỘ NỘI VỤ" → "Bộ Nội vụ";
    "UBND TỈNH THÁI BÌNH / SỞ TƯ PHÁP" → "Sở Tư pháp tỉnh Thái Bình"; a joint
    heading "BỘ TÀI CHÍNH - BỘ NỘI VỤ" → "Bộ Tài chính - Bộ Nội vụ"."""
    text = " ".join(line.strip(" -–") for line in lines if line)
    for short, full in _ABBREVIATIONS:
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    text = re.sub(r"\s+", " ", text).strip(" -–,")
    if not text:
        return ""
    shadow = _shadow(text)
    starts = [m.start() for m in _ORG_HEAD.finditer(shadow)]
    if not starts or starts[0] != 0:
        starts = [0] + starts
    segments = [
        text[a:b].strip(" -–,") for a, b in zip(starts, starts[1:] + [len(text)], strict=True)
    ]
    segments = [seg for seg in segments if seg]
    # "ỦY BAN NHÂN DÂN" then "TỈNH …": one body, not two.
    merged: list[str] = []
    for seg in segments:
        if merged and fold(seg).startswith(_LOCAL_UNITS):
            merged[-1] = f"{merged[-1]} {seg}"
        else:
            merged.append(seg)
    if len(merged) == 1:
        return issuer_case(merged[0])
    joint = re.search(r"\s[-–]\s", text) and all(
        fold(seg).startswith(("bo ", "uy ban", "hoi dong", "chinh phu", "toa an", "vien kiem sat"))
        for seg in merged
    )
    if joint:
        return " - ".join(issuer_case(seg) for seg in merged)
    parent, child = merged[-2], merged[-1]
    child_folded, parent_folded = fold(child), fold(parent)
    if child_folded.startswith("van phong") and len(child_folded.split()) <= 2:
        return issuer_case(f"{child} {parent}")
    locality = next(
        (
            parent[parent_folded.index(unit) :]
            for unit in _LOCAL_UNITS
            if unit in parent_folded + " "
        ),
        "",
    )
    if (
        child_folded.startswith(_SUBUNITS)
        and locality
        and not any(unit in child_folded + " " for unit in _LOCAL_UNITS)
    ):
        return (
            f"{issuer_case(child)} {issuer_case(locality)[:1].lower()}{issuer_case(locality)[1:]}"
        )
    return issuer_case(child)


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


_WHOLE_DOCUMENT = (
    r"(?:toàn\s+bộ\s+|cho\s+|các\s+)?(?P<form>Hiến pháp|Bộ luật|Luật|Pháp lệnh|Lệnh|Nghị định|"
    r"Nghị quyết liên tịch|Nghị quyết|Quyết định|Chỉ thị|Thông tư liên tịch|Thông tư|Kế hoạch|"
    r"Hướng dẫn|Thông báo|Công văn|Văn bản|Công điện)\b"
)
_ACTS = {
    "replaces": re.compile(r"(?<!được\s)(?<!bị\s)thay\s+thế\s+" + _WHOLE_DOCUMENT, re.IGNORECASE),
    "repeals": re.compile(r"bãi\s+bỏ\s+" + _WHOLE_DOCUMENT, re.IGNORECASE),
    "amends": re.compile(
        r"sửa\s+đổi,?\s*(?:bổ\s+sung\s+)?(?:một\s+số\s+điều\s+)?(?:của\s+)?" + _WHOLE_DOCUMENT,
        re.IGNORECASE,
    ),
}
# After the act, the clause names whole documents until it goes on to something else.
_CLAUSE_END = re.compile(r"[.;:]\s|\s(?:và\s+)?(?:quy\s+định|kể\s+từ|có\s+hiệu\s+lực)\s", re.I)


def acts_on(text: str, act: str, own_key: str) -> list[Reference]:
    """Documents that ``text`` replaces, repeals or amends as a whole: "… thay thế
    Quyết định số 12/2009/QĐ-UBND …", never "thay thế cụm từ …" or "Điều 3"."""
    refs: list[Reference] = []
    seen = {own_key}
    for match in _ACTS[act].finditer(text):
        tail = text[match.start("form") :]
        end = _CLAUSE_END.search(tail)
        clause = tail[: end.start() if end else 300]
        # "thay thế Quyết định số A và Quyết định số B": each one named in the clause
        for part in re.split(r",\s*|\s+và\s+", clause):
            numbers = find_numbers(part)
            if not numbers or re.match(r"\s*(điều|khoản|điểm|mục|chương)\b", part, re.I):
                continue
            number = numbers[0]
            key = number_key(number)
            if key in seen:
                continue
            seen.add(key)
            form = form_from_name(re.sub(r"^(toàn bộ|cho|các)\s+", "", part.strip(), flags=re.I))
            form = form or form_from_name(match["form"])
            text_ = f"{_form_display(form)} số {number}" if form else number
            refs.append(Reference(text=text_, number=number, form=form, issued=find_date(part)))
    return refs


def _form_display(code: str) -> str:
    from eportal.legal.numbers import FORM_NAMES

    return FORM_NAMES.get(code, "")


_EFFECT_AFTER = re.compile(
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?sau\s+(?P<n>\d+)\s+ngày,?\s+(?:kể\s+)?từ\s+ngày\s+"
    r"(?:ký|ban\s+hành)",
    re.IGNORECASE,
)
_EFFECT_SIGNING = re.compile(
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?(?:từ|tính\s+từ)\s+ngày\s+(?:ký|ban\s+hành)",
    re.IGNORECASE,
)
_EFFECT_DATE = re.compile(
    r"có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+(?P<date>ngày\s+\d[^.;]*)", re.IGNORECASE
)
_EXECUTED_FROM_SIGNING = re.compile(
    r"thi\s+hành\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị)\s+này,?\s+kể\s+từ\s+ngày\s+(?:ký|ban\s+hành)",
    re.IGNORECASE,
)
_OWN_EFFECT = re.compile(r"(?:này|văn\s+bản\s+này)[^.;]{0,40}?có\s+hiệu\s+lực", re.IGNORECASE)


def effective_date(text: str, issued: date | None) -> tuple[date | None, str]:
    """Find the effective-date rule in a text and resolve it against the issue date.

    Return (date or None, the rule's words). "có hiệu lực sau 10 ngày kể từ
    ngày ký" → issued + 10 days; "có hiệu lực kể từ ngày ký" → issued;
    "có hiệu lực từ ngày 01/7/2014" → that date. The document's own rule
    ("Quyết định này có hiệu lực …") is preferred to any other sentence.
    """
    sentences = _sentences_with(text, r"có\s+hiệu\s+lực")
    own = [s for s in sentences if _OWN_EFFECT.search(s)]
    for sentence in own or sentences:
        if match := _EFFECT_AFTER.search(sentence):
            when = issued + timedelta(days=int(match["n"])) if issued else None
            return when, match.group(0)
        if match := _EFFECT_SIGNING.search(sentence):
            return issued, match.group(0)
        if match := _EFFECT_DATE.search(sentence):
            when = find_date(match["date"])
            if when:
                return when, match.group(0).strip()
    if match := _EXECUTED_FROM_SIGNING.search(text):
        return issued, match.group(0)  # "… chịu trách nhiệm thi hành Quyết định này, kể từ ngày ký"
    return None, ""


_SIGN_START = re.compile(
    r"^(TM\.?|T/M|KT\.?|K/T|Q\.|TL\.?|T/L|TUQ\.?|CHỦ TỊCH|PHÓ CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|"
    r"THỦ TƯỚNG|PHÓ THỦ TƯỚNG|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|"
    r"CHỦ NHIỆM|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG BAN|CHÁNH THANH TRA|TỔNG THƯ KÝ|"
    r"TỔNG KIỂM TOÁN|THỐNG ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG)\b"
)
_SIGNED_NOTES = re.compile(r"^\(?\s*(đã\s+ký|ký|ký\s+tên|ký,?\s+đóng\s+dấu|signed)[^)]*\)?$", re.I)


def _person_case(name: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def signer_of(lines: list[str]) -> str:
    """The name under the first signature block after the title."""
    for i, line in enumerate(lines):
        if not (_SIGN_START.match(line) and is_upper(line.split("(")[0])):
            continue
        for candidate in lines[i + 1 : i + 14]:
            candidate = candidate.strip(" .")
            if not candidate or _SIGNED_NOTES.match(candidate) or _SIGN_START.match(candidate):
                continue
            if is_name(candidate):
                return _person_case(candidate) if is_upper(candidate) else candidate
            if fold(candidate).startswith(("noi nhan", "- ")) or candidate.startswith("-"):
                continue
    return ""


_STATUS_WORDS = [
    ("het hieu luc mot phan", STATUS_PARTLY_EXPIRED),
    ("het hieu luc", STATUS_EXPIRED),
    ("chua co hieu luc", STATUS_NOT_YET),
    ("chua xac dinh", ""),
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

_TITLE_STOP = re.compile(
    r"^(Căn\s+cứ|Xét|Theo\s+đề\s+nghị|Thực\s+hiện|Kính\s+gửi|Điều\s+\d|Chương\s|CHƯƠNG\s|Phần\s|"
    r"PHẦN\s|[IVX]+\.\s|[A-H]\.\s|Trong\s+(thời|những)|Thời\s+gian|Ngày\s+\d)",
)
_TITLE_START = re.compile(
    r"^(VỀ VIỆC|V/V|BAN HÀNH|QUY ĐỊNH|PHÊ DUYỆT|CÔNG BỐ|SỬA ĐỔI|HƯỚNG DẪN|THÀNH LẬP|"
    r"ĐIỀU CHỈNH|TRIỂN KHAI|TĂNG CƯỜNG|GIAO|BÃI BỎ|KIỆN TOÀN)\b"
)
_AUTHORITY_LINE = re.compile(
    r"^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|"
    r"ỦY BAN THƯỜNG VỤ|GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|"
    r"THỐNG ĐỐC|TỔNG KIỂM TOÁN|CHÁNH ÁN|VIỆN TRƯỞNG)\b"
)
_ENACTS = re.compile(
    r"\bban\s+hành\s+(?P<form>Thông tư liên tịch|Thông tư|Nghị định|Quyết định|Chỉ thị|Nghị quyết)"
    r"\s+(?P<title>(?:quy\s+định|hướng\s+dẫn|về|sửa\s+đổi|ban\s+hành)\b.{10,})$",
    re.IGNORECASE,
)
_PASSED_ON = re.compile(
    r"thông\s+qua\s+(?P<date>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})", re.I
)


@dataclass
class _Heading:
    start: int = 0  # first line of the document proper
    number: str = ""
    number_at: int = -1
    place: str = ""
    issued: date | None = None
    date_at: int = -1
    issuer_lines: list[str] = field(default_factory=list)
    subject: str = ""  # "V/v …" of a letter


_PLACE_WORD = re.compile(rf"^(?:[{UPPER}][{LOWER}]*(?:-[{UPPER}][{LOWER}]*)*\.?|TP\.?|Tp\.?)$")


def _place(before: str) -> str:
    """The place of "…Vị Thanh, ngày …": the capitalised words before the comma
    ("Phan Rang-Tháp Chàm", "TP Hồ Chí Minh"); a cell that holds only the place
    may write it carelessly ("Lào cai")."""
    words = before.replace("|", " ").split()
    if 2 <= len(words) <= 4 and _PLACE_WORD.match(words[0]) and fold(words[0]) not in ("so",):
        if all(w.isalpha() for w in words[1:]) and not any(is_upper(w) for w in words[1:]):
            return " ".join(w[:1].upper() + w[1:] for w in words)
    taken: list[str] = []
    for word in reversed(words):
        if not _PLACE_WORD.match(word) or len(taken) >= 5:
            break
        taken.insert(0, word)
    if taken and fold(taken[0]) in ("so", "ngay"):
        taken = taken[1:]
    return " ".join(taken)


def _find_heading(lines: list[str]) -> _Heading:
    head = _Heading()
    motto = next((i for i, line in enumerate(lines) if _NATIONAL_MOTTO in fold(line)), -1)
    window_end = min(len(lines), (motto if motto >= 0 else 0) + 40)
    for i in range(0, window_end):
        match = _NUMBER_LINE.match(lines[i])
        if match and head.number_at < 0 and not fold(lines[i]).startswith("so hieu"):
            numbers = find_numbers(match["rest"])
            head.number = numbers[0] if numbers else clean_number(match["rest"].split()[0])
            head.number_at = i
            # "Số: 224/CĐ-TTg Hà Nội, ngày …" in one line once the cells are joined
            rest = match["rest"]
            if (place_date := _PLACE_DATE.search(rest)) and find_date(place_date["date"]):
                head.place = _place(rest[: place_date.start("date")].rstrip(" ,"))
                head.issued = find_date(place_date["date"])
                head.date_at = i
    anchors = [i for i in (motto, head.number_at) if i >= 0]
    anchor = min(anchors) if anchors else 0
    if head.issued is None:
        lo = max(0, anchor - 2)
        for i in range(lo, min(len(lines), max(anchors or [0]) + 8)):
            match = _PLACE_DATE.search(lines[i])
            if match and (when := find_date(match["date"])):
                place = _place(lines[i][: match.start("date")].rstrip(" ,"))
                head.place, head.issued, head.date_at = place, when, i
                break
    # The issuing body: the upper-case lines just above the motto or the number.
    i = anchor - 1
    lines_above: list[str] = []
    while i >= 0 and len(lines_above) < 4:
        line = lines[i].strip(" |")
        if not line:
            if lines_above:
                # A blank between the body's lines and the site's menu above.
                j = i - 1
                while j >= 0 and not lines[j]:
                    j -= 1
                if j < 0 or not is_upper(lines[j]) or is_boilerplate(lines[j]):
                    break
            i -= 1
            continue
        if not is_upper(line) or is_boilerplate(line) or _NATIONAL_MOTTO in fold(line):
            break
        lines_above.insert(0, line)
        i -= 1
    head.start = i + 1 if lines_above else anchor
    if motto >= 0 and motto < head.number_at:
        # "ỦY BAN NHÂN DÂN | CỘNG HÒA …" then "TỈNH HẬU GIANG | Độc lập …": the
        # issuer's second line comes after the motto's first.
        for line in lines[motto + 1 : head.number_at]:
            folded = fold(line)
            if not line or folded.startswith("doc lap") or not is_upper(line):
                continue
            if folded.startswith(_LOCAL_UNITS) or (lines_above and _ORG_HEAD.match(folded)):
                lines_above.append(line)
    head.issuer_lines = lines_above
    if not lines_above and motto >= 0 and head.number_at > motto:
        # Motto first, then the issuer's lines before "Số:" (some sites' layout).
        between = [
            line
            for line in lines[motto + 1 : head.number_at]
            if line and is_upper(line) and not fold(line).startswith("doc lap")
        ]
        head.issuer_lines = between
        head.start = motto
    for line in lines[anchor : anchor + 12]:
        if re.match(r"^(V/v|Về việc)\b", line) and (head.number_at >= 0):
            head.subject = re.sub(r"^V/v\.?\s*:?\s*", "", line).strip().rstrip(" .")
            break
    return head


# A locality's name in capitals after its unit: "TỈNH ĐẮK LẮK", "HUYỆN BÌNH CHÁNH" (a
# session line "KHÓA XV" or a term "NHIỆM KỲ …" that follows is not part of it).
_LOCALITY = rf"((?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)(?:\s+(?!KHÓA\b|KHOÁ\b|NHIỆM\b)[{UPPER}][{UPPER}\-]*){{1,4}})"
_AUTHORITY_WITH_LOCALITY = re.compile(
    rf"^(?:CHỦ TỊCH\s+)?(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+{_LOCALITY}(?:\s+(?:KH|NHIỆM)\S*\b.*)?$"
)
_BODY_AT_END = re.compile(rf"(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+{_LOCALITY}$")


def _issuer_with_locality(lines: list[str], issuer: str) -> str:
    """A heading that lost its locality ("ỦY BAN NHÂN DÂN" alone): the enacting
    authority's line names it ("ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH"), or else the
    title that ends with the body's full name."""
    upper = [line for line in lines if line and is_upper(line)]
    for pattern in (_AUTHORITY_WITH_LOCALITY.match, _BODY_AT_END.search):
        for line in upper:
            found = pattern(line)
            if found and fold(found[1]) == fold(issuer):
                return issuer_case(f"{found[1]} {found[2]}")
    return issuer


# A text that names its author as it enacts: "Bộ Tài chính - Bộ Lao động - Thương binh
# và Xã hội hướng dẫn …", "Sở Giáo dục và Đào tạo hướng dẫn việc thực hiện …".
_ENACTING_BODY = re.compile(
    r"^(?P<body>(?:Bộ|Sở)\s[^.;:]{3,120}?)\s+(?:hướng\s+dẫn|ban\s+hành|quy\s+định)\s"
)


def _enacting_body(lines: list[str], issuer: str, number: str) -> str:
    """The issuer as the enacting sentence names it, when the heading shows only a
    cut part of it: a column cut at a comma ("BỘ TÀI CHÍNH-BỘ LAO ĐỘNG,") or a
    department's document whose heading kept only "ỦY BAN NHÂN DÂN"."""
    parsed = parse_number(number) if number else None
    symbol = fold(parsed.issuer_abbr).upper() if parsed else ""
    # A joint document ("84/2005/TTLT-BTC-BLĐTBXH") whose heading shows one body only.
    joint_cut = bool(parsed and parsed.form_abbr and "-" in symbol and " - " not in issuer)
    bare_parent = fold(issuer) == "uy ban nhan dan" and symbol.startswith("S")
    if not (joint_cut or bare_parent):
        return ""
    for line in lines:
        found = _ENACTING_BODY.match(line)
        if not found:
            continue
        body = found["body"].strip()
        if bare_parent and body.startswith("Sở "):
            return body
        if joint_cut and " - " in body and fold(issuer) in fold(body):
            return body
    return ""


def _locality_of(place: str, text: str) -> str:
    """ "tỉnh …" or "thành phố …" of the place named on the date line, as the text writes it."""
    if not place:
        return ""
    found = re.search(rf"\b(tỉnh|thành phố)\s+{re.escape(place)}\b", text)
    return f"{found[1]} {place}" if found else ""


def _first_capital(title: str) -> str:
    """A trích yếu starts with a capital, also after "V/v" ("V/v tiếp tục …" → "Tiếp tục …")."""
    return title[:1].upper() + title[1:]


def _title(lines: list[str], after: int, issuer: str) -> tuple[str, str, int]:
    """(form code, trích yếu, index after the title) from the lines after the heading."""
    form = ""
    title_lines: list[str] = []
    i = after
    issuer_folded = fold(issuer)
    while i < len(lines) and i < after + 25:
        line = lines[i].strip(" |")
        if not line:
            if title_lines:
                break
            i += 1
            continue
        folded = fold(line)
        if _PLACE_DATE.search(line) and find_date(line) and not title_lines:
            i += 1
            continue
        if _NATIONAL_MOTTO in folded or folded.startswith("doc lap") or is_boilerplate(line):
            i += 1
            continue
        if not form and is_form_line(line):
            form = form_from_name(line.strip(" :."))
            i += 1
            continue
        if not form and is_upper(line) and _TITLE_START.match(line):
            form = "?"  # the site dropped the form line: the title is still there

        if _TITLE_STOP.match(line) or _ENACTING.match(line) or re.search(r"\bđiện\s*:\s*$", line):
            break
        if (
            form
            and title_lines
            and ((_AUTHORITY_LINE.match(line) and is_upper(line)) or fold(line) == issuer_folded)
        ):
            break
        if form and not title_lines and _AUTHORITY_LINE.match(line) and fold(line) == issuer_folded:
            break
        if not form:
            i += 1
            continue
        if title_lines and is_upper(title_lines[0]) != is_upper(line):
            break
        title_lines.append(line)
        i += 1
    title = " ".join(title_lines).strip()
    if issuer_folded and fold(title).endswith(" " + issuer_folded):
        head = title[: len(title) - len(issuer)].rstrip()
        if head and not head[-1].isalnum():  # "…MỚI” ỦY BAN NHÂN DÂN TỈNH …": glued on
            title = head
    # An old form line names its author before the subject: "QUYẾT ĐỊNH / CỦA ỦY BAN
    # NHÂN DÂN THÀNH PHỐ V/V PHÊ DUYỆT …": the trích yếu is what follows.
    title = re.sub(r"^CỦA\s+[^/]{4,80}?\s+(?=V/V\b|VỀ VIỆC\b)", "", title)
    title = sentence_case(title) if is_upper(title) else title
    form = "" if form == "?" else form
    title = _first_capital(re.sub(r"^V/v\.?\s*:?\s*", "", title).strip(" ."))
    if not form and not title:
        return "", "", after  # no form line (a letter): the text starts after the heading
    return form, title, i


def _enacting_end(lines: list[str], start: int) -> int:
    """Index of the first line of an attached regulation (or the end)."""
    seen_article = False
    for i in range(start, len(lines)):
        line = lines[i]
        if re.match(r"^Điều\s+\d", line):
            seen_article = True
        elif seen_article and _ATTACHMENT.match(line) and is_upper(line):
            return i
    return len(lines)


def parse_text(text: str) -> ParsedDocument:
    """Extract every field that a legal document's text gives, as pasted from a
    website, a PDF or a Word file (see ``layout``)."""
    raw = clean_lines(text)
    raw, metadata = split_metadata(raw)
    lines = logical_lines(raw)
    doc = ParsedDocument(metadata=metadata)
    head = _find_heading(lines)
    doc.number, doc.place, doc.issued = head.number, head.place, head.issued
    doc.issuer = modern_tones(issuer_from_heading(head.issuer_lines))
    if fold(doc.issuer) in ("uy ban nhan dan", "hoi dong nhan dan"):
        doc.issuer = _issuer_with_locality(lines[head.start : head.start + 30], doc.issuer)
    if enacting := _enacting_body(lines[head.start : head.start + 40], doc.issuer, head.number):
        doc.issuer = enacting
        if enacting.startswith("Sở ") and (city := _locality_of(head.place, "\n".join(lines))):
            doc.issuer = f"{enacting} {city}"

    after = max(head.number_at, head.date_at) + 1 if max(head.number_at, head.date_at) >= 0 else 0
    form, title, title_end = _title(lines, after, doc.issuer)
    if form == "luat" or form == "bo-luat":
        title = f"{_form_display(form)} {title}" if title else ""
    if not form and head.subject:
        title = _first_capital(head.subject)
    if not title:
        # No form line (a site that dropped it): "Bộ trưởng … ban hành Thông tư quy định …".
        for line in lines[title_end : title_end + 40]:
            enacts = _ENACTS.search(line)
            if enacts and not re.search(r"kèm\s+theo", line[: enacts.start()]):
                form = form or form_from_name(enacts["form"])
                title = enacts["title"].strip(" .;:")
                title = title[:1].upper() + title[1:]
                break
    doc.form = form
    doc.title = title
    untitled = not title

    # The document proper: from its heading to the last line that is not the site's.
    end = len(lines)
    while end > head.start and (not lines[end - 1] or is_boilerplate(lines[end - 1])):
        end -= 1
    proper = [line for line in lines[head.start : end]]
    doc.body = "\n".join(line for line in proper if line).strip()
    decision = lines[title_end : _enacting_end(lines, title_end)]
    decision_text = "\n".join(line for line in decision if line)

    # Bases: the preamble's "Căn cứ …" lines, before the first article.
    preamble = []
    for line in lines[title_end:end]:
        if re.match(r"^(Điều\s+\d|Chương\s|CHƯƠNG\s|[IVX]+\.\s)", line) or _ENACTING.match(line):
            break
        preamble.append(line)
    doc.bases = _bases([line for line in preamble if line])
    doc.signer = signer_of([line for line in lines[title_end:end] if line])

    if doc.issued is None and (passed := _PASSED_ON.search(decision_text or doc.body)):
        doc.issued = find_date(passed["date"])  # a law: the day the National Assembly passed it

    if doc.form == "thong-tu" and re.search(r"/TTLT\b", doc.number):
        doc.form = "thong-tu-lien-tich"  # the form line says only "THÔNG TƯ"
    # Form from the symbol when there is no form line: a letter, a telegram.
    if not doc.form and doc.number:
        parsed = parse_number(doc.number)
        doc.form = parsed.form if parsed and parsed.form else ""
        if not doc.form and parsed and not parsed.form_abbr:
            doc.form = "cong-van"  # a letter: "1234/UBND-VP", no form line

    doc.effective, doc.effective_rule = effective_date(decision_text or doc.body, doc.issued)
    own_key = number_key(doc.number) if doc.number else ""
    doc.replaces = acts_on(decision_text, "replaces", own_key)
    doc.repeals = acts_on(decision_text, "repeals", own_key)
    amends = acts_on(f"{doc.title}.\n{decision_text}", "amends", own_key)
    folded_title = fold(doc.title)
    title_refs = [
        Reference(text=n, number=n) for n in find_numbers(doc.title) if number_key(n) != own_key
    ]
    if "sua doi" in folded_title or "bo sung" in folded_title:
        doc.amends = amends or title_refs
    elif folded_title.startswith(("huong dan", "quy dinh chi tiet")):
        doc.guides = title_refs
    _check_against_metadata(doc)
    if untitled and doc.form and doc.number and not doc.title:
        # A letter with no "V/v" line: named by its number, to be checked by eye.
        doc.title = f"{_form_display(doc.form)} số {doc.number}"
        doc.confidence["title"] = 0.3
        doc.warnings.append("Trích yếu: văn bản không ghi trích yếu, đã đặt theo số ký hiệu.")
    return doc


def _check_against_metadata(doc: ParsedDocument) -> None:
    """A site's metadata list fills what the text did not give, and where the
    two disagree the text wins and the field is marked unsure."""
    meta = doc.metadata
    confidence = dict.fromkeys(("number", "form", "issuer", "issued", "title", "signer"), 0.9)
    confidence |= {"place": 0.9, "effective": 0.8 if doc.effective_rule else 0.0}
    text_values = {
        "number": doc.number,
        "form": doc.form,
        "issuer": doc.issuer,
        "issued": doc.issued,
        "signer": doc.signer,
        "title": doc.title,
        "effective": doc.effective,
    }
    meta_values = {
        "number": clean_number(meta["number"]) if meta.get("number") else "",
        "form": form_from_name(meta.get("form", "")),
        "issuer": meta.get("issuer", "").strip(),
        "issued": find_date(meta.get("issued", "")),
        "signer": meta.get("signer", "").strip(" ."),
        "title": meta.get("title", "").strip(),
        "effective": find_date(meta.get("effective", "")),
    }
    if fold(meta_values["signer"]) in ("", "dang cap nhat", "khong xac dinh"):
        meta_values["signer"] = ""
    for name, from_text in text_values.items():
        from_meta = meta_values[name]
        if not from_text and from_meta:
            setattr(doc, name, from_meta)
            confidence[name] = 0.6
            doc.warnings.append(f"{_FIELD_LABELS[name]}: lấy từ phần thông tin của trang web.")
        elif from_text and from_meta:
            same = (
                number_key(str(from_text)) == number_key(str(from_meta))
                if name == "number"
                else fold(str(from_text)) == fold(str(from_meta))
                or (name == "issuer" and fold(str(from_meta)) in fold(str(from_text)))
            )
            if same:
                confidence[name] = 1.0
            elif name in ("number", "issued", "form", "signer"):
                confidence[name] = 0.5
                doc.warnings.append(
                    f"{_FIELD_LABELS[name]}: văn bản ghi “{_shown(from_text)}”, "
                    f"trang web ghi “{_shown(from_meta)}”."
                )
        elif not from_text:
            confidence[name] = 0.0
    if not doc.place:
        confidence["place"] = 0.0
    if doc.title and (len(doc.title) < 12 or len(doc.title) > 600):
        confidence["title"] = min(confidence["title"], 0.5)
    doc.status = parse_status(meta.get("status", ""))
    doc.sector = meta.get("field", "").strip()
    doc.confidence = confidence


def _shown(value) -> str:
    return f"{value:%d/%m/%Y}" if isinstance(value, date) else str(value)


_FIELD_LABELS = {
    "number": "Số, ký hiệu",
    "form": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "issued": "Ngày ban hành",
    "signer": "Người ký",
    "title": "Trích yếu",
    "effective": "Ngày hiệu lực",
    "place": "Nơi ban hành",
}
UNSURE_BELOW = 0.8


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
            if is_upper(line) and not _ARTICLE.match(line):
                pending_title.title = sentence_case(line)
                pending_title = None
                continue
            pending_title = None
        prefix = f"van-ban-kem-{attachment}-" if attachment else ""
        if seen_article and _ATTACHMENT.match(line) and is_upper(line):
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
