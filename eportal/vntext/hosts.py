"""Host labels of portals by the Art. 6.3 rule (Quyết định 05/2014/QĐ-UBND)."""

import re

from .detect import to_unicode
from .fold import fold

KINDS = ("department", "district", "main", "other")

_WORD = re.compile(r"[^\W_]+")
# Administrative prefixes that a district's label drops ("Huyện Quỳnh Phụ"
# → quynhphu). "Thành phố" and "Thị xã" are kept, as in the regulation's
# example "Thành phố Thái Bình" → thanhphothaibinh.
_DROPPED_PREFIXES = (("uy", "ban", "nhan", "dan"), ("ubnd",), ("huyen",), ("quan",))
_MAX_LABEL = 63


def portal_host(agency_name: str | None, kind: str) -> str:
    """Return the proposed host label of an agency's portal.

    - department: "Sở" → "so", then the initials of the other words,
      skipping "và": "Sở Thông tin và Truyền thông" → "sotttt"; other
      departments (a "Ban" …) take the initials of all words:
      "Ban Quản lý các khu công nghiệp" → "bqlckcn";
    - district: the full unaccented name written together, without
      "Huyện"/"Quận" or a leading "Ủy ban nhân dân": "Huyện Quỳnh Phụ" →
      "quynhphu", "Thành phố Thái Bình" → "thanhphothaibinh";
    - main: "www";
    - other: initials, as for a department.

    The label is a valid DNS label ([a-z0-9-], at most 63 characters).
    Raise ValueError for an empty name or an unknown kind.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown portal kind {kind!r}: use one of {', '.join(KINDS)}.")
    if kind == "main":
        return "www"
    words = _WORD.findall((to_unicode(agency_name) or "").lower())
    if not words:
        raise ValueError("The agency's name is empty: a host name cannot be proposed from it.")
    if kind == "district":
        label = "".join(fold(word) for word in _strip_district_prefix(words))
    else:
        label = _initials(words)
    label = re.sub(r"[^a-z0-9]", "", label)[:_MAX_LABEL]
    if not label:
        raise ValueError(f"A host name cannot be proposed from the name {agency_name!r}.")
    return label


def _initials(words: list[str]) -> str:
    words = [word for word in words if word != "và"]
    head = ""
    if words and words[0] == "sở" and len(words) > 1:
        head, words = "so", words[1:]
    # A number is kept whole ("Ban Quản lý dự án 2" → "bqlda2").
    return head + "".join(fold(word) if word.isdigit() else fold(word[0]) for word in words)


def _strip_district_prefix(words: list[str]) -> list[str]:
    folded = [fold(word) for word in words]
    for prefix in _DROPPED_PREFIXES:
        rest = folded[len(prefix) :]
        if tuple(folded[: len(prefix)]) == prefix and rest:
            # "Quận 1" keeps its prefix: "1" alone says nothing.
            if prefix == ("quan",) and all(word.isdigit() for word in rest):
                continue
            words, folded = words[len(prefix) :], rest
    return words
