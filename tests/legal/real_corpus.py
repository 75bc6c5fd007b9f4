"""The corpus of real legal texts (tests/legal/real/) and how the parser reads
it: each ``*.txt`` as a website or portal gave it, beside a ``*.json`` of the
fields a person read from that text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eportal.legal.numbers import number_key
from eportal.legal.parser import ParsedDocument, parse_text
from eportal.vntext import normalize

ROOT = Path(__file__).parent / "real"
FIELDS = ("number", "form", "issuer", "place", "issued", "effective", "signer", "title")


@dataclass
class Case:
    name: str
    text: str
    expected: dict

    @property
    def partial(self) -> bool:
        return bool(self.expected.get("partial") or self.expected.get("truncated"))


def cases() -> list[Case]:
    found = []
    for path in sorted(ROOT.glob("*.json")):
        text_path = path.with_suffix(".txt")
        if text_path.exists():
            found.append(
                Case(path.stem, text_path.read_text(encoding="utf-8"), json.loads(path.read_text()))
            )
    return found


def _plain(value) -> str:
    """Compare words, not typography: NFC, case, spacing and end punctuation aside."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = normalize(str(value)).replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    text = re.sub(r"[“”\"]", "", text)
    text = re.sub(r"^v/v\.?\s*", "", text.casefold())
    return re.sub(r"\s+", " ", text).strip(" .;,")


def compare(case: Case, doc: ParsedDocument) -> dict[str, bool | None]:
    """Field → right (True), wrong (False) or not judged (None: the text shown
    is partial and does not hold that field)."""
    result: dict[str, bool | None] = {}
    for name in FIELDS:
        expected = case.expected.get(name)
        got = getattr(doc, name)
        if expected is None and case.partial:
            result[name] = None
            continue
        if name == "number":
            result[name] = bool(expected) and number_key(got or "") == number_key(expected)
            result[name] = result[name] and (got or "") == expected
        elif name == "title":  # words glued or split by the source's typing aside
            result[name] = _plain(got).replace(" ", "") == _plain(expected).replace(" ", "")
        else:
            result[name] = _plain(got) == _plain(expected)
    return result


def run() -> list[tuple[Case, ParsedDocument, dict]]:
    return [(case, doc, compare(case, doc)) for case in cases() for doc in [parse_text(case.text)]]


def table(rows) -> str:
    lines = [f"{'document':44} " + " ".join(f"{f[:7]:>7}" for f in FIELDS)]
    for case, _doc, result in rows:
        marks = {True: "ok", False: "WRONG", None: "·"}
        lines.append(f"{case.name[:44]:44} " + " ".join(f"{marks[result[f]]:>7}" for f in FIELDS))
    totals = []
    for name in FIELDS:
        judged = [r[name] for _c, _d, r in rows if r[name] is not None]
        totals.append(f"{(100 * sum(judged) / len(judged)) if judged else 100:6.1f}%")
    lines.append(f"{'right, per field':44} " + " ".join(f"{t:>7}" for t in totals))
    return "\n".join(lines)


def accuracy(rows) -> dict[str, float]:
    out = {}
    for name in FIELDS:
        judged = [r[name] for _c, _d, r in rows if r[name] is not None]
        out[name] = sum(judged) / len(judged) if judged else 1.0
    return out


if __name__ == "__main__":  # .venv/bin/python -m tests.legal.real_corpus [name]
    import sys

    rows = run()
    print(table(rows))
    for case, doc, result in rows:
        if len(sys.argv) > 1 and sys.argv[1] not in case.name:
            continue
        for name in FIELDS:
            if result[name] is False:
                print(
                    f"{case.name}: {name}: got {getattr(doc, name)!r}, want {case.expected.get(name)!r}"
                )
