"""A legal document's plain text is read into its fields, whatever the site around it."""

from datetime import date

import pytest

from eportal.legal.parser import effective_date, find_date, parse_text
from tests.legal.conftest import text


@pytest.fixture(scope="module")
def regulation():
    return parse_text(text("05-2014-qd-ubnd.txt"))


def test_it_reads_the_heading_of_the_regulation(regulation):
    assert regulation.number == "05/2014/QĐ-UBND"
    assert regulation.form == "quyet-dinh"
    assert regulation.issuer == "Ủy ban nhân dân tỉnh Thái Bình"
    assert regulation.place == "Thái Bình"
    assert regulation.issued == date(2014, 6, 26)
    assert regulation.title == (
        "Ban hành quy chế quản lý, vận hành và cung cấp thông tin trên cổng thông tin "
        "điện tử tỉnh Thái Bình"
    )


def test_it_resolves_the_effective_date_rule(regulation):
    assert regulation.effective_rule == "có hiệu lực thi hành sau 10 ngày kể từ ngày ký"
    assert regulation.effective == date(2014, 7, 6)


def test_it_finds_the_signer_and_the_metadata_list(regulation):
    assert regulation.signer == "Phạm Văn Xuyên"
    assert regulation.status == "in_force"
    assert regulation.sector == "Công nghệ thông tin"


def test_it_reads_the_legal_bases(regulation):
    bases = [(r.form, r.number, r.name, r.issued) for r in regulation.bases]
    assert bases == [
        (
            "luat",
            "",
            "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
            date(2003, 11, 26),
        ),
        ("luat", "", "Luật Công nghệ thông tin", date(2006, 6, 29)),
        ("luat", "", "Luật Giao dịch điện tử", date(2005, 11, 29)),
        ("nghi-dinh", "43/2011/NĐ-CP", "Nghị định", date(2011, 6, 13)),
    ]


def test_it_finds_the_document_it_replaces(regulation):
    assert [(r.form, r.number, r.text) for r in regulation.replaces] == [
        ("quyet-dinh", "12/2009/QĐ-UBND", "Quyết định số 12/2009/QĐ-UBND")
    ]


def test_it_drops_the_site_boilerplate(regulation):
    # The heading's wrapped lines are joined back; the site's banner is gone.
    assert regulation.body.startswith("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH\nCỘNG HÒA XÃ HỘI")
    assert regulation.body.endswith("kiểm tra việc thực hiện Quy chế này./.")
    for noise in ("Đăng nhập", "Facebook", "Bản quyền", "- Số hiệu:"):
        assert noise not in regulation.body


def test_it_keeps_the_attached_regulation_with_its_roman_chapters(regulation):
    assert "Chương IV\nĐIỀU KHOẢN THI HÀNH" in regulation.body
    assert "Điều 25. Tổ chức thực hiện" in regulation.body


def test_it_copes_with_odd_spacing_and_slash_dates():
    doc = parse_text(text("odd-spacing.txt"))
    assert doc.number == "07/2015/QĐ-UBND"
    assert doc.issuer == "Ủy ban nhân dân huyện Quỳnh Phụ"
    assert (doc.place, doc.issued) == ("Quỳnh Phụ", date(2015, 2, 3))
    assert doc.effective == date(2015, 3, 1)
    assert doc.signer == "Trần Văn Quyết"
    assert doc.title.startswith("Về việc sửa đổi, bổ sung một số điều")
    assert [r.number for r in doc.amends] == ["02/2013/QĐ-UBND"]
    assert [r.number for r in doc.bases if r.number] == ["05/2014/QĐ-UBND"]
    assert "Bài viết liên quan" not in doc.body and "Facebook" not in doc.body


def test_it_reads_a_law_with_its_number_line():
    doc = parse_text(text("luat-giao-dich-dien-tu.txt"))
    assert (doc.number, doc.form, doc.issuer) == ("51/2005/QH11", "luat", "Quốc hội")
    assert doc.title == "Luật Giao dịch điện tử"
    assert doc.issued == date(2005, 11, 29)
    assert doc.effective == date(2006, 3, 1)
    assert [r.form for r in doc.bases] == ["hien-phap"]


def test_it_reads_a_plan_of_a_department():
    doc = parse_text(text("86-kh-stttt.txt"))
    assert (doc.number, doc.form) == ("86/KH-STTTT", "ke-hoach")
    # A department under its province's heading is named with the province.
    assert doc.issuer == "Sở Thông tin và Truyền thông tỉnh Thái Bình"
    assert doc.effective == doc.issued == date(2014, 7, 15)


def test_the_text_wins_over_the_sites_metadata_list_and_says_so():
    doc = parse_text(
        text("43-2011-nd-cp.txt").replace("- Người ký: Nguyễn Tấn Dũng", "- Người ký: Ng. T. Dũng")
    )
    assert doc.signer == "Nguyễn Tấn Dũng"
    assert "signer" in doc.unsure()
    assert any("Ng. T. Dũng" in warning for warning in doc.warnings)
    assert doc.effective == date(2011, 8, 1)
    assert doc.confidence["number"] == 1.0  # the text and the list agree


@pytest.mark.parametrize(
    "words,expected",
    [
        ("ngày 26 tháng 06 năm 2014", date(2014, 6, 26)),
        ("ngày 26/6/2014", date(2014, 6, 26)),
        ("ngày 26-06-2014", date(2014, 6, 26)),
        ("Ngày  1  tháng 7 năm 2015", date(2015, 7, 1)),
        ("ngày 31/02/2014", None),
        ("không có ngày", None),
    ],
)
def test_it_reads_both_date_styles(words, expected):
    assert find_date(words) == expected


def test_it_resolves_each_effective_date_rule():
    issued = date(2014, 6, 26)
    assert effective_date("Quyết định này có hiệu lực kể từ ngày ký.", issued)[0] == issued
    assert effective_date("có hiệu lực sau 15 ngày kể từ ngày ký.", issued)[0] == date(2014, 7, 11)
    assert effective_date("có hiệu lực từ ngày 01 tháng 8 năm 2014.", issued)[0] == date(2014, 8, 1)
    assert effective_date("Không có quy định.", issued) == (None, "")


def test_it_says_what_it_could_not_read():
    doc = parse_text("Một đoạn văn bản không có số, không có ngày.")
    assert set(doc.missing()) >= {"số ký hiệu", "ngày ban hành", "loại văn bản"}
