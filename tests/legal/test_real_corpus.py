"""Real legal texts, as websites and portals gave them (tests/legal/real/), are
read field by field as a person reads them, and every one of them imports."""

import pytest

from eportal.legal import services
from eportal.legal.models import LegalDocumentPage
from tests.legal.real_corpus import FIELDS, accuracy, cases, run, table

TARGET = 0.95


def test_the_corpus_is_real_and_varied():
    found = cases()
    assert len(found) >= 65
    assert len({c.expected["form"] for c in found}) >= 8
    assert len({c.expected["issuer"] for c in found}) >= 20
    for case in found:
        assert case.expected.get("source"), case.name


def test_it_reads_every_field_right_for_95_percent_of_documents(capsys):
    rows = run()
    with capsys.disabled():
        print("\n" + table(rows))
    scores = accuracy(rows)
    assert {f: s for f, s in scores.items() if s < TARGET} == {}
    assert set(scores) == set(FIELDS)


@pytest.mark.django_db
def test_every_document_imports_once_and_again_without_a_copy(province, admin_user):
    from eportal.legal.parser import parse_text

    portal = province["main"]
    for case in cases():
        parsed = parse_text(case.text)
        first = services.import_document(parsed, portal=portal, by=admin_user, publish=True)
        again = services.import_document(
            parse_text(case.text), portal=province["sotttt"], by=admin_user, publish=True
        )
        assert first.created and not again.created, case.name
        assert again.page.pk == first.page.pk
    assert LegalDocumentPage.objects.count() == len(cases())
