"""A full text is split into chapters (Roman numerals), sections, articles, clauses, points."""

from eportal.legal.parser import outline, parse_structure, roman_to_int

TEXT = """QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

QUY CHẾ
QUẢN LÝ CỔNG THÔNG TIN

CHƯƠNG I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
1. Quy chế này quy định việc quản lý.
a) Cổng chính;
b) Cổng thành phần.
Chương IV: TỔ CHỨC THỰC HIỆN
Mục 1
TRÁCH NHIỆM CỦA CÁC CƠ QUAN
Điều 24. Trách nhiệm thi hành
Chương XIX
ĐIỀU KHOẢN CUỐI
Điều 90. Hiệu lực
"""


def test_it_reads_roman_numerals():
    assert [roman_to_int(n) for n in ["I", "IV", "IX", "XIV", "XIX", "XL", "ABC", ""]] == [
        1,
        4,
        9,
        14,
        19,
        40,
        None,
        None,
    ]


def test_it_outlines_chapters_and_articles():
    items = [(n.kind, n.label, n.title, n.anchor) for n in outline(parse_structure(TEXT))]
    assert items == [
        ("article", "Điều 1", "Ban hành kèm theo Quyết định này Quy chế.", "dieu-1"),
        ("article", "Điều 2", "Quyết định này có hiệu lực kể từ ngày ký.", "dieu-2"),
        ("attachment", "", "Quy chế", "van-ban-kem-1"),
        ("chapter", "Chương I", "Quy định chung", "van-ban-kem-1-chuong-1"),
        ("article", "Điều 1", "Phạm vi điều chỉnh", "van-ban-kem-1-dieu-1"),
        ("chapter", "Chương IV", "Tổ chức thực hiện", "van-ban-kem-1-chuong-4"),
        ("section", "Mục 1", "Trách nhiệm của các cơ quan", "van-ban-kem-1-chuong-4-muc-1"),
        ("article", "Điều 24", "Trách nhiệm thi hành", "van-ban-kem-1-dieu-24"),
        ("chapter", "Chương XIX", "Điều khoản cuối", "van-ban-kem-1-chuong-19"),
        ("article", "Điều 90", "Hiệu lực", "van-ban-kem-1-dieu-90"),
    ]


def test_it_keeps_clauses_and_points():
    nodes = parse_structure(TEXT)
    clauses = [(n.kind, n.label, n.text) for n in nodes if n.kind in ("clause", "point")]
    assert clauses == [
        ("clause", "1.", "Quy chế này quy định việc quản lý."),
        ("point", "a)", "Cổng chính;"),
        ("point", "b)", "Cổng thành phần."),
    ]


def test_it_gives_every_anchor_once():
    anchors = [n.anchor for n in parse_structure(TEXT) if n.anchor]
    assert len(anchors) == len(set(anchors))
