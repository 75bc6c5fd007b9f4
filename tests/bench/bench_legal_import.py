"""Legal documents benchmark: a province's archive through `eportal import-legal`.

    .venv/bin/python tests/bench/bench_legal_import.py [--size 10000] [--texts]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/eportal_bench_import …

Uses a fresh SQLite file (or BENCH_DATABASE_URL, which must name an empty
database: it is migrated first). ``--size`` documents are generated in the
shape of real ones — number and symbol, form, issuer, dates, a Vietnamese
trích yếu, a preamble whose "Căn cứ" lines cite earlier documents of the
archive, chapters and articles, the signature block — and written as one CSV
file (the export of an old system), or with ``--texts`` as a folder of .txt
files (one text each, as copied from a website).

Measured, as the operator runs it:
1. reading: the files parsed into rows (documents/second);
2. import: ``importers.import_rows(bulk=True)``, the code behind the command,
   in chunks of 500 new documents per transaction — documents/second over the
   whole run, and the median and p95 of the chunks' rates;
3. indexing after: the background task the import queued (search indexes,
   reference index, relations linked), run by the real worker
   (``db_worker --batch``) — seconds and documents/second;
4. updates: ``--updates`` documents imported again with a change (one by one,
   each a new revision) — documents/second.
Lists at 10,000 and 100,000 documents: tests/bench/bench_legal_lists.py.
"""

import argparse
import csv
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import legal_fill  # sets Django up on BENCH_DATABASE_URL
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from eportal.legal import importers
from eportal.legal.models import LegalDocumentPage, LegalRelation
from eportal.portals import services as portal_services
from eportal.portals.models import Agency
from eportal.search.models import SearchEntry

FORMS = [("QUYẾT ĐỊNH", "QĐ"), ("CHỈ THỊ", "CT"), ("NGHỊ QUYẾT", "NQ"), ("KẾ HOẠCH", "KH")]
ISSUERS = [
    ("UỶ BAN NHÂN DÂN\nTỈNH THÁI BÌNH", "UBND", "Thái Bình", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
    ("HỘI ĐỒNG NHÂN DÂN\nTỈNH THÁI BÌNH", "HĐND", "Thái Bình", "CHỦ TỊCH"),
    ("UBND TỈNH THÁI BÌNH\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG", "STTTT", "Thái Bình", "GIÁM ĐỐC"),
    (
        "UBND TỈNH THÁI BÌNH\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ",
        "SKHĐT",
        "Thái Bình",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    ),
    ("UỶ BAN NHÂN DÂN\nHUYỆN QUỲNH PHỤ", "UBND", "Quỳnh Phụ", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
]
SIGNERS = ["Phạm Văn Xuyên", "Nguyễn Hồng Diên", "Đặng Trọng Thăng", "Nguyễn Khắc Thận"]


def generate(n: int, seed: int = 5) -> list[dict]:
    """``n`` documents, each with its full text; some cite an earlier one."""
    rng = random.Random(seed)
    documents = []
    for i in range(n):
        form, abbr = rng.choice(FORMS)
        heading, issuer_abbr, place, title_line = rng.choice(ISSUERS)
        issued = date(2008, 1, 1) + timedelta(days=rng.randrange(18 * 365))
        number = f"{i + 1}/{issued.year}/{abbr}-{issuer_abbr}"
        topic = rng.choice(legal_fill.TOPICS)
        bases = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"]
        if documents and rng.random() < 0.3:
            cited = rng.choice(documents)
            bases.append(f"Căn cứ Quyết định số {cited['number']} của Ủy ban nhân dân tỉnh;")
        articles = "\n".join(
            f"Điều {a}. Quy định về {rng.choice(legal_fill.TOPICS)}\n"
            f"1. Các cơ quan, đơn vị thực hiện đúng quy định về {rng.choice(legal_fill.TOPICS)}.\n"
            "2. Việc tổ chức thực hiện bảo đảm công khai, minh bạch, đúng thời hạn."
            for a in range(1, rng.randint(4, 10))
        )
        text = (
            f"{heading}\n-------\nSố: {number}\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
            f"{place}, ngày {issued.day} tháng {issued.month} năm {issued.year}\n\n"
            f"{form}\nVỀ {topic.upper()}\n\n" + "\n".join(bases) + "\n\n"
            f"{articles}\nĐiều 10. Hiệu lực thi hành\n"
            f"{form.capitalize()} này có hiệu lực kể từ ngày ký.\n\n"
            f"{title_line}\n\n{rng.choice(SIGNERS)}\n"
        )
        documents.append(
            {
                "number": number,
                "field": rng.choice(legal_fill.FIELDS),
                "body": text,
                "issued": issued,
            }
        )
    return documents


def write_sources(documents, folder: Path, as_texts: bool) -> list[Path]:
    if as_texts:
        paths = []
        for i, document in enumerate(documents):
            path = folder / f"{i:06d}.txt"
            path.write_text(document["body"], encoding="utf-8")
            paths.append(path)
        return paths
    path = folder / "luu-tru.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["linh_vuc", "toan_van"])
        writer.writeheader()
        for document in documents:
            writer.writerow({"linh_vuc": document["field"], "toan_van": document["body"]})
    return [path]


def setup_portal():
    call_command("migrate", verbosity=0)
    return portal_services.create_portal(
        portal_services.PortalSpec(
            agency=Agency(name="Ủy ban nhân dân tỉnh Thái Bình", kind=Agency.Kind.MAIN),
            is_main=True,
        )
    )


def percentile(values, q):
    ordered = sorted(values)
    return ordered[max(0, round(len(ordered) * q) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--texts", action="store_true", help="a folder of .txt files")
    parser.add_argument("--updates", type=int, default=200)
    args = parser.parse_args()
    print(f"database: {connection.vendor}; load average {os.getloadavg()}", flush=True)
    portal = setup_portal()
    documents = generate(args.size)
    folder = Path(tempfile.mkdtemp(prefix="legal-archive-"))
    paths = write_sources(documents, folder, args.texts)
    size = sum(p.stat().st_size for p in paths)
    print(f"archive: {args.size} documents, {size / 1e6:.1f} MB in {len(paths)} file(s)")

    start = time.perf_counter()
    rows = [row for path in paths for row in importers.read_file(path)]
    reading = time.perf_counter() - start
    assert len(rows) == args.size and not any(r.errors for r in rows)
    print(f"reading: {reading:.1f} s, {args.size / reading:.0f} documents/s")

    chunk_rates, last = [], [time.perf_counter(), 0]

    def progress(done, total, label):
        now = time.perf_counter()
        if done > last[1]:
            chunk_rates.append((done - last[1]) / (now - last[0]))
        last[:] = [now, done]

    start = time.perf_counter()
    report = importers.import_rows(rows, portal=portal, publish=True, bulk=True, progress=progress)
    writing = time.perf_counter() - start
    if report.failures:
        raise SystemExit(f"import failures: {report.failures[:3]}")
    print(
        f"import: {len(report.imported)} documents in {writing:.1f} s, "
        f"{len(report.imported) / writing:.0f} documents/s; per chunk of 500: "
        f"median {statistics.median(chunk_rates):.0f}/s, "
        f"p95 (slowest 5 %) {percentile(chunk_rates, 0.05):.0f}/s"
    )
    print(
        f"reading + import: {args.size / (reading + writing):.0f} documents/s; "
        f"load average {os.getloadavg()}"
    )

    queued = DBTaskResult.objects.filter(status="READY").count()
    start = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")
    indexing = time.perf_counter() - start
    indexed = SearchEntry.objects.filter(kind="legal").count()
    linked = LegalRelation.objects.filter(target__isnull=False).count()
    print(
        f"indexing after (worker, {queued} tasks): {indexing:.1f} s, "
        f"{args.size / indexing:.0f} documents/s; {indexed} in the site search, "
        f"{linked} relations linked"
    )

    changed = [
        importers.Row(label=r.label, parsed=r.parsed) for r in rows[: args.updates] if r.parsed
    ]
    for row in changed:
        row.parsed.signer = "Nguyễn Quang Hưng"
    start = time.perf_counter()
    again = importers.import_rows(changed, portal=portal, publish=True, bulk=True)
    updating = time.perf_counter() - start
    assert not again.failures and not any(r.created for r in again.imported)
    assert LegalDocumentPage.objects.count() == args.size
    print(f"updates: {len(changed)} documents again, {len(changed) / updating:.1f} documents/s")


if __name__ == "__main__":
    main()
