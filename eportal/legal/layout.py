"""Turn a legal text as people paste it back into its logical lines.

Pure Python: no Django. Texts copied from legal-document websites, the
Government's portals or a PDF come hard-wrapped ("Căn cứ Nghị định số\\n
171/2004/NĐ-CP …"), laid out in table cells ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI
…", one cell per line between "|" lines), with headings split over lines
("ỦY\\nBAN NHÂN DÂN\\nTỈNH QUẢNG NAM"), "Số:" on one line and the number on the
next, and the website around them: menus, banners, copyright lines, "Lưu trữ /
Ghi chú / Tải về" blocks and a metadata list ("Số hiệu:", "Loại văn bản:", …)
before or after the text.

``logical_lines`` returns one line per heading item, paragraph, article,
clause or signature line; ``split_metadata`` takes a site's metadata list off
(wherever it is) and returns it as a dict.
"""

from __future__ import annotations

import re
from itertools import pairwise

from eportal.legal.numbers import form_from_name
from eportal.vntext import fold, normalize

BREAK = ""  # between cells, paragraphs and blocks

# The letters of Vietnamese, for character classes: a range such as "À-Ỹ" is no case
# class (its code points alternate upper and lower case: "Ạạ", "Ảả" …), so the
# upper-case and lower-case letters are listed one by one.
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER = LOWER.upper()

_SEPARATOR = re.compile(r"^[\s\-_=*–—.~•]{3,}$")
_CELL_SPLIT = re.compile(r"\s*\|\s*")

# Lines of legal-document websites around the text (matched on the folded line).
_BOILERPLATE = [
    re.compile(p)
    for p in (
        r"^(dang nhap|dang ky|dang xuat|tro giup|lien he|gioi thieu|trang chu|tim kiem)\b",
        r"^(luu tru|ghi chu|y kien|facebook|zalo|email|in|chia se|tai ve|tai van ban|"
        r"tai file|download|in van ban|gui loi nhan|theo doi hieu luc|so sanh)\b.{0,30}$",
        r"^(thuoc tinh|noi dung|van ban goc|van ban tieng anh|tieng anh|luoc do|toan van)$",
        r"^(van ban lien quan|lien quan hieu luc|lien quan noi dung|van ban duoc huong dan)",
        r"^(van ban moi|van ban cung linh vuc|xem them|bai viet|tin) ",
        r"^ban (chua|da) dang nhap",
        r"^(c|\(c\)|©|copyright|ban quyen)\b",
        r"^(bai viet|tin) (lien quan|khac)",
        r"thu vien phap luat|luatvietnam|thuvienphapluat|vbpl\.vn|www\.|https?://|\.vn\b",
        r"^(chu de|tu khoa|tags?|nguon)\s*:",
        r"^(hien thi|mo rong|thu gon|xem chi tiet|xem toan van|xem them)\b.{0,20}$",
    )
]

_META_LABELS = {
    "so hieu": "number",
    "so ky hieu": "number",
    "so, ky hieu": "number",
    "loai van ban": "form",
    "ngay ban hanh": "issued",
    "noi ban hanh": "issuer",
    "co quan ban hanh": "issuer",
    "nguoi ky": "signer",
    "ngay hieu luc": "effective",
    "ngay co hieu luc": "effective",
    "ngay ap dung": "effective",
    "tinh trang hieu luc": "status",
    "tinh trang": "status",
    "linh vuc": "field",
    "linh vuc, nganh": "field",
    "trich yeu": "title",
    "ngay cong bao": "gazette_date",
    "so cong bao": "gazette_number",
    "ngay dang": "gazette_date",
    "ngay het hieu luc": "expired",
}
_META_LINE = re.compile(r"^\s*[-•*+]?\s*(?P<label>[^:]{2,30}?)\s*:\s*(?P<value>.*)$")

MOTTO = "cong hoa xa hoi chu nghia viet nam"  # the national motto, folded
# A line that starts a new item: it never continues the line before it.
_STRUCTURAL = re.compile(
    r"^(Điều\s+\d|Chương\s+[IVXLC\d]|CHƯƠNG\s|Mục\s+\d|MỤC\s|Phần\s+(thứ|[IVXLC\d])|PHẦN\s|"
    rf"\d{{1,3}}[.)]\s|\d{{1,2}}\.\d{{1,2}}\.?\s|[a-zđ]\)\s|[IVXLC]{{1,5}}\.\s|[A-H]\.\s[{UPPER}]{{2}}|"
    r"[-–•+*]\s?\S|KH(?:OÁ|ÓA)\s+[IVXLC]+\b|"
    r"Căn\s+cứ\s|Xét\s|Theo\s+đề\s+nghị|Kính\s+gửi|Nơi\s+nhận|Số\s*:|V/v\b|"
    r"(TM|T/M|KT|K/T|TL|T/L|TUQ|Q)\.?\s+[A-ZĐ]|\(Đã\s+ký\)|\(đã\s+ký\)|Đã\s+ký|/\.)"
)
_AUTHORITY = re.compile(
    r"^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|CHÍNH PHỦ|"
    r"QUỐC HỘI|ỦY BAN THƯỜNG VỤ|GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|"
    r"TRƯỞNG BAN|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG GIÁM ĐỐC)\b"
)
# Words a wrapped line may end on: the sentence goes on in the next line.
_CONNECTIVES = {
    "số", "của", "và", "ngày", "về", "các", "tại", "theo", "với", "cho", "từ", "đến", "trong",
    "là", "được", "có", "tháng", "năm", "thuộc", "đối", "do", "bởi", "hoặc", "để", "khi",
    "như", "những", "một", "trên", "dưới", "giữa", "qua", "sau", "trước", "nhằm", "mà", "thì",
    "hay", "cùng", "bị", "đã", "sẽ", "đang", "việc", "quy", "ban", "nhân", "dân", "tỉnh",
    "huyện", "xã", "thành", "phố", "bộ", "sở", "luật", "nghị", "định", "quyết", "thông", "tư",
}  # fmt: skip
# The connectives that are words of a sentence, not the first half of a name wrapped
# over lines ("THÀNH" then "PHỐ"): an enacting authority never follows those halves.
_NAME_HALVES = {
    "quy", "ban", "nhân", "dân", "tỉnh", "huyện", "xã", "thành", "phố", "bộ", "sở", "luật",
    "nghị", "định", "quyết", "thông", "tư",
}  # fmt: skip
_FUNCTION_WORDS = _CONNECTIVES - _NAME_HALVES
_NAME = re.compile(rf"^[{UPPER}][{LOWER}]*(?: [{UPPER}][{LOWER}]*){{1,4}}$")
_UPPER_NAME = re.compile(rf"^[{UPPER}]+(?: [{UPPER}]+){{1,4}}$")
_END_PUNCT = (".", ";", ":", "!", "?", ")", "./.", "”", '"')


def is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_boilerplate(line: str) -> bool:
    folded = fold(line)
    return any(p.search(folded) for p in _BOILERPLATE)


def is_name(line: str) -> bool:
    """A person's full name as it is signed: "Phạm Văn Xuyên" (or in capitals)."""
    line = line.strip()
    if not (_NAME.match(line) or _UPPER_NAME.match(line)):
        return False
    words = line.split()
    return 2 <= len(words) <= 5 and not form_from_name(line) and not _AUTHORITY.match(line.upper())


def is_form_line(line: str) -> bool:
    """A line that is only a form's name in capitals: "QUYẾT ĐỊNH", "CÔNG ĐIỆN"."""
    stripped = line.strip(" :.")
    code = form_from_name(stripped)
    return bool(code) and is_upper(stripped) and fold(stripped) == fold(_form_name(code))


def _form_name(code: str) -> str:
    from eportal.legal.numbers import FORM_NAMES

    return FORM_NAMES.get(code, "")


def _signer_on_its_line(match: re.Match) -> str:
    """The signature block, then the name under it, then what followed (an attached
    regulation's title in capitals: "… Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI …")."""
    words = match[2].split()
    rest: list[str] = []
    while words and is_upper(words[-1]):
        rest.insert(0, words.pop())
    if len(words) < 2:
        return match[0]
    tail = " ".join(rest) + " " if rest else ""
    return f"{match[1]}\n{' '.join(words)}\n{tail}"


def clean_lines(text: str) -> list[str]:
    """Return the text's lines, NFC, with odd spacing tidied (tabs, no-break spaces)."""
    text = normalize(text or "").replace("\r\n", "\n").replace("\r", "\n")
    for odd, plain in (("\u00a0", " "), ("\u200b", ""), ("\ufeff", ""), ("\t", " ")):
        text = text.replace(odd, plain)
    text = re.sub(r"Uỷ(?= ban)", "Ủy", re.sub(r"UỶ(?= BAN)", "ỦY", text))
    # A PDF's text layer that lost the first letter: "Y BAN NHÂN DÂN".
    text = re.sub(r"(?m)^\s*Y BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN", text)
    lines = []
    pending = text.split("\n")
    pending.reverse()
    while pending:
        line = re.sub(r" {2,}", " ", pending.pop()).strip()
        # A rule of asterisks or dashes glued to the heading: "TỈNH AN GIANG******".
        line = re.sub(r"(?<=[^\s*\-_=])[*\-_=]{4,}$", "", line)
        # A signer's name glued to the title above it: "CHÁNH VĂN PHÒNGThái Hữu Phép".
        line = re.sub(
            rf"^([{UPPER}][{UPPER} .,]*?(?:TỊCH|ĐỐC|TRƯỞNG|PHÒNG|TƯỚNG|NHIỆM|THƯ KÝ))"
            rf"([{UPPER}][{LOWER}]+(?: [{UPPER}][{LOWER}]+){{1,4}})$",
            "\\1\n\\2",
            line,
        )
        if len(line) > 400 and (MOTTO in fold(line) or re.search(r"\sSố\s*:", line)):
            if len(pieces := _unflatten(line).split("\n")) > 1:
                pending.extend(reversed(pieces))
                continue
        # The right column's motto with the left column's second line glued on:
        # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - …".
        glued = re.match(
            rf"^(CỘNG HO?[ÒÀ]A? XÃ HỘI CHỦ NGHĨA VIỆT NAM)\s+([{UPPER}]{{2,}}\s.*)$", line
        )
        if glued and is_upper(glued[2].split("Độc")[0]):
            pending.extend([glued[2], glued[1]])
            continue
        # Two heading columns on one line without a "|": "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …",
        # "TỈNH HẬU GIANG Độc lập - Tự do - Hạnh phúc".
        # A crawler's flattened lines: the form line after the date, the signer after
        # the signature block ("… KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp").
        line = re.sub(
            r"(năm \d{4})\s+(QUYẾT ĐỊNH|NGHỊ ĐỊNH|NGHỊ QUYẾT|THÔNG TƯ|CHỈ THỊ|KẾ HOẠCH|CÔNG ĐIỆN)\s+",
            r"\1\n\2\n",
            line,
        )
        line = re.sub(
            rf"^((?:TM|KT|TL|Q|TUQ)\.\s[{UPPER} .,]*[A-ZĐ]{{2,}})\s+"
            rf"([{UPPER}][{LOWER}]+(?: [{UPPER}][{LOWER}]+){{1,4}})(?:\s+(?=[{UPPER}]{{2,}}\s)|$)",
            _signer_on_its_line,
            line,
        ).rstrip("\n")
        # A signature block run into one line, or onto the line above it: "K/T THỦ TƯỚNG
        # CHÍNH PHỦ PHÓ THỦ TƯỚNG Tố Hữu", "- Lưu: VT. Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng".
        line = _SIGNATURE_RUN.sub("\n\\1\n\\2", line).lstrip("\n")
        if re.match(r"^Số\s*:?\s*\d", line) and " V/v " in line:
            # A crawler's heading: "Số: 3397/BKHĐT-QLKTTW V/v … Hà Nội, ngày … Kính gửi: …".
            line = _NUMBER_LINE_BREAKS.sub("\n", line)
        if "\n" in line:
            pieces = line.split("\n")
            for n, piece in enumerate(pieces):
                if n and is_form_line(pieces[n - 1]):
                    # the title after a crawler's form line, up to the text or the authority
                    lines.extend(_split_run_on_title(piece))
                else:
                    lines.append(piece)
            continue
        match = re.search(r"\s(CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc [Ll]ập\s*[-–]?\s*Tự)", line)
        if match and is_upper(line[: match.start()]) and "|" not in line:
            lines.extend([line[: match.start()].strip(), BREAK])
            pending.append(line[match.start() :].strip())
        else:
            lines.append(line)
    return lines


_SIGN_TITLE = r"(?:TỊCH|ĐỐC|TRƯỞNG|PHÒNG|TƯỚNG|NHIỆM|THƯ KÝ)"
_SIGNATURE_RUN = re.compile(
    rf"(?:^|\s)((?:(?:TM|KT|TL|Q|TUQ)\.\s?|K/T\s|T/M\s)?(?:[{UPPER}]+[ ,]+)+?"
    rf"[{UPPER}]*{_SIGN_TITLE})\s+([{UPPER}][{LOWER}]+(?: [{UPPER}][{LOWER}]+){{1,4}})$"
)
_NUMBER_LINE_BREAKS = re.compile(
    r"\s+(?=V/v\s|Kính\s+gửi\s*:)"
    rf"|(?<=\S)\s+(?=(?:[{UPPER}][{LOWER}]*\s){{0,3}}[{UPPER}][{LOWER}]*,\s*ngày\s*\d)"
)
# The enacting authority at the end of an upper-case title run onto its line:
# "… TỈNH TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH", "… NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP".
_AUTHORITY_AT_END = re.compile(
    r"(?<!\sCỦA)(?<!\sVÀ)(?<!\sTHUỘC)\s+(?=(?:(?:CHỦ TỊCH\s+)?(?:ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)"
    r"(?:\s+(?:TỈNH|THÀNH PHỐ|HUYỆN)(?:\s+\S+){0,4})?|BỘ TRƯỞNG\s+BỘ(?:\s+\S+){1,8}|"
    r"THỦ TƯỚNG CHÍNH PHỦ)$)"
)


def _split_run_on_title(piece: str) -> list[str]:
    """An upper-case title run onto one line with what follows it, cut where the
    text's first sentence starts ("… TRONG CẢ NƯỚC Ngày 24 tháng 6 …") and before
    the enacting authority at its end."""
    words = piece.split(" ")
    for k in range(2, len(words) - 1):
        word, after = words[k], words[k + 1]
        if (
            word[:1].isupper()
            and not is_upper(word)
            and (after[:1].islower() or after[:1].isdigit())
            and is_upper(" ".join(words[:k]))
        ):
            return [" ".join(words[:k]), " ".join(words[k:])]
    return _AUTHORITY_AT_END.sub("\n", piece).split("\n") if is_upper(piece) else [piece]


# Where a document flattened onto one line (a scanned book, a crawler) starts a new
# line: the number, the preamble, the enacting word, each article, the signature.
_FLAT_BREAKS = re.compile(
    r"\s(?=Số\s*:\s*\d|V/v\s|Kính\s+gửi\s*:|Căn\s+cứ\s|Xét\s|Theo\s+đề\s+nghị\s|"
    r"(?:QUYẾT NGHỊ|QUYẾT ĐỊNH)\s*:|"
    r"Điều\s+\d+[.:]\s|Nơi\s+nhận\s*:|(?:TM|KT|TL)\.\s)"
    # the enacting authority after a title in sentence case: "… 2016 - 2021 HỘI ĐỒNG NHÂN DÂN TỈNH"
    rf"|(?<=[{LOWER}0-9])\s(?=(?:ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN) (?:TỈNH|THÀNH PHỐ|HUYỆN) )"
)


def _unflatten(line: str) -> str:
    """Break a whole document written on one line back at its items."""
    return _FLAT_BREAKS.sub("\n", line)


def cells(lines: list[str]) -> list[str]:
    """One line per table cell and per text line; ``BREAK`` between blocks."""
    out: list[str] = []
    for line in lines:
        if "|" in line and not re.search(r"https?://", line):
            parts = _CELL_SPLIT.split(line)
            for n, part in enumerate(parts):
                if n:
                    out.append(BREAK)
                out.append(BREAK if _SEPARATOR.match(part) else part)
            continue
        out.append(BREAK if not line or _SEPARATOR.match(line) else line)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether the text breaks its sentences over lines (copied from a PDF or an
    old website): many lines go on, in lower case, on the next line."""
    pairs = continued = 0
    for cur, nxt in pairwise(lines):
        if cur and nxt:
            pairs += 1
            if not cur.endswith(_END_PUNCT) and nxt[:1].islower():
                continued += 1
    return pairs > 0 and continued / pairs > 0.12


def _joins(cur: str, nxt: str, wrapped: bool) -> bool:
    if not cur or not nxt:
        return False
    folded = fold(cur)
    if re.fullmatch(r"(luat |bo luat |phap lenh |nghi quyet |quyet dinh )?so( hieu)?:?", folded):
        return True  # "Số:" then the number on the next line
    if cur in ("ỦY", "UỶ", "HỘI", "HỘI ĐỒNG"):
        return True
    if cur.endswith(("-", "–")) and nxt[:1].isdigit():
        return True  # "… NĂM 2019 -" then "2020": a range cut by the wrap
    if re.fullmatch(rf"(?:T[Pp]\.? )?(?:[{UPPER}][{LOWER}]*\.? ?){{1,3}}", cur) and re.match(
        r"^[A-ZĐÀ-Ỹ]?[\wÀ-ỹ ]{0,30}, ngày\s*\d", nxt
    ):
        return True  # "Tam" then "Kỳ, ngày 19 tháng 6 năm 2007": a place split over lines
    if (
        MOTTO in folded
        or folded.startswith("doc lap")
        or fold(nxt).startswith(("cong hoa xa hoi", "doc lap"))
    ):
        return False
    if is_form_line(cur) or is_form_line(nxt):
        return False
    if _NAME.match(nxt) and is_name(nxt) and (is_upper(cur) or cur.endswith(")")):
        return False  # the signer's name under the signature block
    if _STRUCTURAL.match(nxt):
        return False
    if cur.endswith(_END_PUNCT):
        return False
    if re.fullmatch(r"(CHƯƠNG|Chương|MỤC|Mục|PHẦN|Phần)\s+(THỨ\s+|thứ\s+)?\S+", cur):
        return False  # "Chương I", its title on the next line
    last_word = cur.split()[-1].lower().strip(",")
    cur_upper, nxt_upper = is_upper(cur), is_upper(nxt)
    if cur_upper and nxt_upper:
        if _AUTHORITY.match(nxt) and last_word not in _FUNCTION_WORDS and not cur.endswith(","):
            return False  # the enacting authority after an upper-case title
        return True
    if cur_upper != nxt_upper:
        return nxt[:1].islower()
    if nxt[:1].islower() or nxt[:1].isdigit():
        return True
    if re.match(r"^(Điều|Chương|Mục|Phần)\s", cur):
        return False  # an article's title, then its text
    return wrapped and (cur.endswith(",") or last_word in _CONNECTIVES or len(cur) > 55)


def logical_lines(lines: list[str]) -> list[str]:
    """Join wrapped lines back into their items; keep ``BREAK`` between blocks."""
    items = cells(lines)
    wrapped = _hard_wrapped(items)
    out: list[str] = []
    for item in items:
        if out and out[-1] and _joins(out[-1], item, wrapped):
            glue = "" if out[-1].endswith(("/", "-")) and not out[-1].endswith(" -") else " "
            out[-1] = f"{out[-1]}{glue}{item}"
        else:
            out.append(item)
    return out


def _next_value(lines: list[str], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j]:
        j += 1
    if j < len(lines) and not _META_LINE.match(lines[j]) and j - i <= 3:
        return j
    return None


def split_metadata(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Take a site's metadata list ("Số hiệu: …", "Loại văn bản: …", in a list or
    in table cells, before or after the text) off the lines."""
    found: list[tuple[int, str, str, list[int]]] = []  # (line, key, value, lines used)
    for i, line in enumerate(lines):
        match = _META_LINE.match(line)
        if match is None:
            continue
        key = _META_LABELS.get(fold(match["label"]))
        if key is None:
            continue
        value, used = match["value"].strip(), [i]
        if not value and (j := _next_value(lines, i)) is not None:
            value, used = lines[j].strip(), [i, j]
        if key == "number" and not re.search(r"\d", value):
            continue
        found.append((i, key, value, used))
    # The site's list is the longest run of labelled lines close together.
    best: list = []
    run: list = []
    for item in found:
        if run and item[0] - run[-1][3][-1] > 4:
            run = []
        run.append(item)
        if len(run) > len(best):
            best = list(run)
    if len({key for _i, key, _v, _u in best}) < 2:
        return lines, {}
    metadata: dict[str, str] = {}
    dropped = set()
    for _i, key, value, used in best:
        metadata.setdefault(key, value)
        dropped.update(used)
    return [line for n, line in enumerate(lines) if n not in dropped], metadata
