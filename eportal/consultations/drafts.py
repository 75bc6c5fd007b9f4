"""Split the pasted text of a draft into chapters, articles, clauses and points.

Pure Python (no Django). A Vietnamese draft legal document is laid out as::

    Chương I
    QUY ĐỊNH CHUNG
    Điều 1. Phạm vi điều chỉnh
    1. Khoản một …
    a) điểm a …
    Điều 2. …

Each article (*Điều*) gets a stable ``key`` (``"dieu-5"``) by which comments
refer to it, so that re-pasting a corrected text keeps comments on the
article with the same number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

CHAPTER_RE = re.compile(r"^chương\s+([ivxlcdm]+|\d+)\b\s*[.:\-–—]?\s*(.*)$", re.IGNORECASE)
SECTION_RE = re.compile(r"^mục\s+(\d+|[ivxlcdm]+)\b\s*[.:\-–—]?\s*(.*)$", re.IGNORECASE)
ARTICLE_RE = re.compile(r"^điều\s+(\d+[a-zđ]?)\s*[.:\-–—]?\s*(.*)$", re.IGNORECASE)
CLAUSE_RE = re.compile(r"^(\d+)\s*[.)]\s+(.*)$")
POINT_RE = re.compile(r"^([a-zđ])\s*\)\s*(.*)$")


@dataclass
class Point:
    letter: str
    text: str


@dataclass
class Clause:
    number: str
    text: str
    points: list[Point] = field(default_factory=list)


@dataclass
class Article:
    key: str
    number: str
    heading: str
    chapter: str = ""
    section: str = ""
    intro: list[str] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Return "Điều 5. Heading" (or "Điều 5" without a heading)."""
        return f"Điều {self.number}. {self.heading}" if self.heading else f"Điều {self.number}"

    @property
    def text(self) -> str:
        """Return the article's body as plain text, one paragraph a line."""
        lines = list(self.intro)
        for clause in self.clauses:
            lines.append(f"{clause.number}. {clause.text}")
            lines.extend(f"{point.letter}) {point.text}" for point in clause.points)
        return "\n".join(lines)


@dataclass
class Chapter:
    number: str
    title: str

    @property
    def label(self) -> str:
        return f"Chương {self.number}. {self.title}" if self.title else f"Chương {self.number}"


@dataclass
class Draft:
    preamble: list[str] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)

    def article(self, key: str) -> Article | None:
        return next((a for a in self.articles if a.key == key), None)

    def keys(self) -> list[str]:
        return [a.key for a in self.articles]


def _lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(line.split()) for line in text.split("\n")]


def parse_draft(text: str) -> Draft:
    """Return the structure of a draft's text (see the module docstring)."""
    draft = Draft()
    chapter_label = section_label = ""
    article: Article | None = None
    pending_title: Chapter | None = None
    used: dict[str, int] = {}

    for line in _lines(text):
        if not line:
            continue
        if match := CHAPTER_RE.match(line):
            chapter = Chapter(number=match[1].upper(), title=match[2].strip())
            draft.chapters.append(chapter)
            pending_title = None if chapter.title else chapter
            chapter_label, section_label, article = chapter.label, "", None
            continue
        if match := SECTION_RE.match(line):
            section_label = f"Mục {match[1].upper()}. {match[2]}".rstrip(". ")
            article = None
            continue
        if match := ARTICLE_RE.match(line):
            number = match[1].lower()
            used[number] = used.get(number, 0) + 1
            key = f"dieu-{number}" + (f"-{used[number]}" if used[number] > 1 else "")
            article = Article(
                key=key,
                number=number,
                heading=match[2].strip().rstrip("."),
                chapter=chapter_label,
                section=section_label,
            )
            draft.articles.append(article)
            pending_title = None
            continue
        if pending_title is not None:
            # A chapter's title is often on the line after "Chương I".
            pending_title.title = line
            chapter_label = pending_title.label
            pending_title = None
            continue
        if article is None:
            if not draft.chapters:
                draft.preamble.append(line)
            continue
        if match := CLAUSE_RE.match(line):
            article.clauses.append(Clause(number=match[1], text=match[2]))
        elif (match := POINT_RE.match(line)) and article.clauses:
            article.clauses[-1].points.append(Point(letter=match[1], text=match[2]))
        elif article.clauses:
            last = article.clauses[-1]
            if last.points:
                last.points[-1].text += "\n" + line
            else:
                last.text += "\n" + line
        else:
            article.intro.append(line)
    return draft
