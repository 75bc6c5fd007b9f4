"""Demo legal documents: the regulation itself and the documents around it.

- Quyết định 05/2014/QĐ-UBND (UBND tỉnh Thái Bình), which replaces
  Quyết định 12/2009/QĐ-UBND (so that one shows as expired, and by which),
  is based on Nghị định 43/2011/NĐ-CP (in the database, linked) and on the
  Luật Giao dịch điện tử (not in the database, kept as text);
- Nghị định 42/2022/NĐ-CP, which replaces Nghị định 43/2011/NĐ-CP;
- Kế hoạch 86/KH-STTTT of the Department of Information and Communications,
  on its own portal, based on the regulation;
- a Gazette issue listing the regulation;
- for each document its original file to download: a PDF laid out as the
  issuer signs one, made from its text (``legal_originals``);
- an import batch waiting for review on the Department's portal: a list of
  two documents its contributor imported (the review screen at
  /admin/legal/import/, "Các lô nhập gần đây"; the notice gives no signer and
  no effective date, so both are highlighted for checking).

Idempotent: a document that exists (same number and issuer on the portal) is
left as it is, so an edit made in the admin is never overwritten.
"""

from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model

from eportal.demo import legal_originals
from eportal.legal import importers, services
from eportal.legal.models import GazetteEntry, GazetteIssue, ImportBatch, LegalDocumentPage
from eportal.legal.parser import parse_text
from eportal.portals import access
from eportal.portals.models import Portal

TEXTS = Path(__file__).parent / "legal_texts"

# (portal slug, text file, portal slugs the document governs)
DOCUMENTS = [
    ("www", "12-2009-qd-ubnd.txt", []),
    ("www", "43-2011-nd-cp.txt", []),
    ("www", "05-2014-qd-ubnd.txt", ["sotttt", "sokhdt", "quynhphu"]),
    ("www", "42-2022-nd-cp.txt", []),
    ("sotttt", "86-kh-stttt.txt", []),
]


def load(report) -> None:
    admin = get_user_model().objects.filter(username="admin").first()
    portals = {p.slug: p for p in Portal.objects.all()}
    for portal in portals.values():
        existed = services.index_for(portal) is not None
        services.ensure_index(portal, by=admin)
        report.count(created=not existed)
    for slug, name, governed in DOCUMENTS:
        portal = portals.get(slug)
        if portal is None:
            continue
        parsed = parse_text((TEXTS / name).read_text(encoding="utf-8"))
        if services.existing_document(parsed, portal) is not None:
            report.count(created=False)
            continue
        services.import_document(
            parsed,
            portal=portal,
            by=admin,
            publish=True,
            governed=[portals[g] for g in governed if g in portals],
            attachments=[legal_originals.original_of(parsed)],
        )
        report.count(created=True)
    _gazette(portals.get("www"), report)
    _pending_batch(portals.get("sotttt"), report)


PENDING = TEXTS / "pending" / "danh-muc-van-ban-2026.csv"


def _pending_batch(portal, report) -> None:
    if portal is None:
        return
    contributor = access.users_with(portal, access.CONTRIBUTOR).order_by("pk").first()
    if contributor is None:
        return
    if ImportBatch.objects.filter(portal=portal, source=PENDING.name).exists():
        report.count(created=False)
        return
    rows = importers.read_file(PENDING)
    for row in rows:
        if row.parsed is not None and not row.errors:
            row.attachments.append(legal_originals.original_of(row.parsed))
    done = importers.import_rows(rows, portal=portal, by=contributor, publish=False)
    services.record_batch(portal, contributor, PENDING.name, done.imported)
    report.count(created=True)


def _gazette(portal, report) -> None:
    if portal is None:
        return
    if GazetteIssue.objects.filter(
        portal=portal, number="15", published_on=date(2014, 7, 10)
    ).exists():
        report.count(created=False)
        return
    regulation = LegalDocumentPage.objects.filter(number_key="5/2014/QD-UBND").first()
    issue = GazetteIssue(
        portal=portal,
        number="15",
        published_on=date(2014, 7, 10),
        note="Công báo tỉnh Thái Bình phát hành định kỳ.",
    )
    issue.entries = [
        GazetteEntry(
            document=regulation,
            number="05/2014/QĐ-UBND",
            summary=regulation.summary if regulation else "",
            pages="3-18",
        ),
        GazetteEntry(
            number="06/2014/QĐ-UBND",
            summary="Quy định mức thu học phí đối với các cơ sở giáo dục công lập năm học 2014-2015.",
            pages="19-24",
        ),
    ]
    issue.save()
    report.count(created=True)
