"""Fixtures for the legal-documents tests: real-format texts and an import helper."""

from pathlib import Path

import pytest

from eportal.legal import services
from eportal.legal.parser import parse_text

TEXTS = Path(__file__).parent / "texts"
DEMO_TEXTS = Path(__file__).resolve().parents[2] / "eportal" / "demo" / "legal_texts"


def text(name: str) -> str:
    path = TEXTS / name if (TEXTS / name).exists() else DEMO_TEXTS / name
    return path.read_text(encoding="utf-8")


@pytest.fixture
def import_text(province):
    """Import a text file into a portal (published by the operator), return the page."""

    def do_import(name, portal="main", **kwargs):
        parsed = parse_text(text(name))
        kwargs.setdefault("publish", True)
        return services.import_document(parsed, portal=province[portal], **kwargs).page

    return do_import
