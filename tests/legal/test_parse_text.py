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


def test_it_reads_a_letter_whose_rules_and_signer_are_glued_on():
    doc = parse_text(
        "UỶ BAN NHÂN DÂN TỈNH AN GIANG******\n\n"
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc********\n\n"
        "Số: 554/UBND-KT\nV/v Treo cờ tổ quốc\n\nLong Xuyên, ngày 22 tháng 02 năm 2006\n\n"
        "Kính gửi: UBND huyện, thị, thành phố.\n\nỦy ban nhân dân tỉnh yêu cầu thực hiện.\n\n"
        "Nơi nhận:\n- Lưu VP.\n\nTL. CHỦ TỊCH ỦY\nBAN NHÂN DÂN TỈNH\nCHÁNH VĂN PHÒNGThái Hữu Phép"
    )
    assert doc.issuer == "Ủy ban nhân dân tỉnh An Giang"
    assert (doc.number, doc.form, doc.title) == ("554/UBND-KT", "cong-van", "Treo cờ tổ quốc")
    assert doc.signer == "Thái Hữu Phép"


def test_it_reads_a_document_flattened_onto_one_line():
    preamble = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; " * 4
    doc = parse_text(
        "CÁC NGHỊ QUYẾT THÔNG QUA TẠI KỲ HỌP HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI CỘNG HÒA XÃ HỘI "
        "CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 76/2016/NQ-HĐND Lào Cai, ngày 15 "
        "tháng 12 năm 2016 NGHỊ QUYẾT Ban hành quy chế hoạt động của Hội đồng nhân dân tỉnh "
        "Lào Cai Khóa XV, nhiệm kỳ 2016 - 2021 HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI KHOÁ XV - KỲ "
        f"HỌP THỨ 3 {preamble}QUYẾT NGHỊ: Điều 1. Ban hành Quy chế. Điều 2. Nghị quyết này có "
        "hiệu lực kể từ ngày 01 tháng 01 năm 2017."
    )
    assert (doc.number, doc.issued) == ("76/2016/NQ-HĐND", date(2016, 12, 15))
    assert doc.issuer == "Hội đồng nhân dân tỉnh Lào Cai"
    assert doc.title == (
        "Ban hành quy chế hoạt động của Hội đồng nhân dân tỉnh Lào Cai Khóa XV, nhiệm kỳ 2016 - 2021"
    )
    assert doc.effective == date(2017, 1, 1)


@pytest.mark.parametrize(
    "heading,issuer",
    [
        # The session line under the enacting council is not part of its name.
        (
            "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
            "Số: 34/2016/NQ-HĐND | Vĩnh Phúc, ngày 21 tháng 7 năm 2016 |\n"
            "HỘI ĐỒNG NHÂN DÂN TỈNH VĨNH PHÚC\nKHÓA XVI, KỲ HỌP THỨ HAI\n",
            "Hội đồng nhân dân tỉnh Vĩnh Phúc",
        ),
        # The district's authority line, not the title that names it with its term.
        (
            "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 03/2017/QĐ-UBND |\n"
            "Bình Chánh, ngày 25 tháng 02 năm 2017 |\n"
            "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH NHIỆM KỲ 2016 - 2021\n"
            "ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH\n",
            "Ủy ban nhân dân huyện Bình Chánh",
        ),
        # No authority line: the title ends with the council's full name.
        (
            "HỘI ĐỒNG NHÂN\nDÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 05/2025/NQ-HĐND |\n"
            "Đắk Lắk, ngày 15 tháng 9 năm 2025 |\nNGHỊ QUYẾT\nBAN HÀNH QUY CHẾ LÀM VIỆC CỦA HỘI "
            "ĐỒNG NHÂN DÂN TỈNH, CÁC BAN CỦA HỘI ĐỒNG NHÂN DÂN TỈNH VÀ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN "
            "TỈNH ĐẮK LẮK\n",
            "Hội đồng nhân dân tỉnh Đắk Lắk",
        ),
    ],
)
def test_a_heading_that_lost_its_locality_takes_it_from_the_authority(heading, issuer):
    doc = parse_text(heading + "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT NGHỊ:\n")
    assert doc.issuer == issuer


@pytest.mark.parametrize(
    "date_line,place",
    [
        ("Phan Rang-Tháp Chàm, ngày 05 tháng 3 năm 2007", "Phan Rang-Tháp Chàm"),
        ("TP Hồ Chí\nMinh, ngày 17 tháng 7 năm 2003", "TP Hồ Chí Minh"),
        ("Lào cai, Ngày 30\ntháng 12 năm 2016", "Lào Cai"),
    ],
)
def test_it_reads_the_place_as_the_date_line_writes_it(date_line, place):
    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
        f"Số: 55/2007/QĐ-UBND\n|\n{date_line}\n|\nQUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH\n"
    )
    assert doc.place == place


@pytest.mark.parametrize(
    "title_lines,title",
    [
        # A range cut by the wrap goes on on the next line.
        ("KẾ HOẠCH\nPHÒNG, CHỐNG HẠN HÁN MÙA KHÔ NĂM 2019 -\n2020\n", "mùa khô năm 2019 - 2020"),
        # A part letter starts the plan's text, not the title's next line.
        (
            "KẾ HOẠCH\nTRIỂN KHAI ĐỀ ÁN NĂM 2017\nA. HIỆN TRẠNG\nPHÁT TRIỂN CNTT 2016\n",
            "án năm 2017",
        ),
        # An old form line names its author before the subject.
        (
            "QUYẾT ĐỊNH\nCỦA ỦY BAN NHÂN DÂN THÀNH PHỐ V/V PHÊ DUYỆT ĐỀ CƯƠNG QUY HOẠCH\n",
            "phê duyệt đề cương quy hoạch",
        ),
    ],
)
def test_it_finds_where_the_title_ends(title_lines, title):
    doc = parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
        f"Số: 07/KH-UBND\n|\nLạng Sơn, ngày 13 tháng 01 năm 2020\n|\n{title_lines}"
        "Thực hiện Chỉ thị số 8008/CT-TCTL.\n"
    )
    assert doc.title.lower().endswith(title.lower())
    assert not doc.title.lower().startswith("của")


def test_a_cut_joint_heading_takes_its_issuers_from_the_enacting_sentence():
    doc = parse_text(
        "BỘ TÀI CHÍNH-BỘ LAO ĐỘNG, | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 84/2005/TTLT-BTC-BLĐTBXH | Hà Nội, ngày 23 tháng 09 năm 2005 |\n"
        "Căn cứ Nghị định số 60/2003/NĐ-CP ngày 06/6/2003 của Chính phủ;\n"
        "Bộ Tài chính - Bộ Lao động - Thương binh và Xã hội hướng dẫn cấp phát kinh phí như sau:\n"
    )
    assert doc.issuer == "Bộ Tài chính - Bộ Lao động - Thương binh và Xã hội"
    assert doc.form == "thong-tu-lien-tich"


def test_a_department_under_a_bare_heading_is_named_by_its_enacting_sentence():
    doc = parse_text(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 681/HD-SGDĐT | Cần Thơ, ngày 18 tháng 04 năm 2013 |\n"
        "HƯỚNG DẪN\nTHỰC HIỆN QUY ĐỊNH QUẢN LÝ DẠY THÊM, HỌC THÊM\n"
        "Căn cứ Quyết định số 06/2013/QĐ-UBND của Ủy ban nhân dân thành phố Cần Thơ;\n"
        "Sở Giáo dục và Đào tạo hướng dẫn việc thực hiện như sau:\n"
    )
    assert doc.issuer == "Sở Giáo dục và Đào tạo thành phố Cần Thơ"
    assert doc.form == "huong-dan"


def test_it_reads_a_flattened_letter_whose_heading_columns_are_interleaved():
    body = "Vừa qua, tỉnh bị ảnh hưởng của không khí lạnh tăng cường mạnh xuống phía Nam. " * 4
    doc = parse_text(
        "1. UBND TỈNH NINH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ ĐÀO TẠO "
        "Độc lập - Tự do - Hạnh phúc Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày 05 tháng11 "
        "năm 2010 V/v báo cáo nhanh tình hình thiệt hại do lũ lụt. Kính gửi: - Ủy ban nhân dân "
        f"tỉnh Ninh Thuận; - Bộ Giáo dục và Đào tạo. {body}"
    )
    assert (doc.number, doc.form) == ("2917/SGDĐT-VP", "cong-van")
    # The department's name, glued after the motto, is the left column's second line.
    assert doc.issuer == "Sở Giáo dục và Đào tạo tỉnh Ninh Thuận"
    assert (doc.place, doc.issued) == ("Phan Rang-Tháp Chàm", date(2010, 11, 5))
    assert doc.title == "Báo cáo nhanh tình hình thiệt hại do lũ lụt"


def test_it_reads_a_date_whose_spaces_were_lost():
    assert find_date("ngày 05 tháng11 năm 2010") == date(2010, 11, 5)


@pytest.mark.parametrize(
    "signature,signer",
    [
        ("K/T THỦ TƯỚNG CHÍNH PHỦ PHÓ THỦ TƯỚNG Tố Hữu", "Tố Hữu"),
        ("KT.CHỦ TỊCH PHÓ CHỦ TỊCH Vũ Thị Bích Việt", "Vũ Thị Bích Việt"),
        # run onto the last line of the list of recipients, after the drafter's initials
        ("- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng", "Mai Tiến Dũng"),
    ],
)
def test_it_finds_the_signer_in_a_signature_block_run_into_one_line(signature, signer):
    doc = parse_text(
        "VĂN PHÒNG CHÍNH PHỦ -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        "Số: 2739/VPCP-ĐMDN V/v quy định về quản trị doanh nghiệp\n"
        "Hà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.\n"
        "Văn phòng Chính phủ thông báo để Bộ Kế hoạch và Đầu tư biết, thực hiện./.\n"
        f"Nơi nhận:\n- Như trên;\n{signature}"
    )
    assert doc.title == "Quy định về quản trị doanh nghiệp"
    assert doc.signer == signer


def test_it_splits_a_crawlers_number_line_into_its_items():
    doc = parse_text(
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ ----------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        "Hạnh phúc ---------------\nSố: 3397/BKHĐT-QLKTTW V/v hướng dẫn áp dụng Điều 162 Luật DN "
        "2014 Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: Tổng công ty Khí Việt Nam-CTCP (PV GAS) "
        "Phúc đáp Công văn số 615/KVN-PC, Bộ Kế hoạch và Đầu tư có ý kiến như sau:\n"
    )
    assert (doc.number, doc.issuer) == ("3397/BKHĐT-QLKTTW", "Bộ Kế hoạch và Đầu tư")
    assert (doc.place, doc.issued) == ("Hà Nội", date(2019, 5, 23))
    assert doc.title == "Hướng dẫn áp dụng Điều 162 Luật DN 2014"


@pytest.mark.parametrize(
    "run_on,title",
    [
        (
            "CHỈ THỊ VỀ CÔNG TÁC ĐO ĐẠC RUỘNG ĐẤT TRONG CẢ NƯỚC Ngày 24 tháng 6 năm 1977 Hội đồng "
            "Chính phủ đã ra Quyết định số 169-CP.",
            "Về công tác đo đạc ruộng đất trong cả nước",
        ),
        (
            "QUYẾT ĐỊNH BAN HÀNH MỨC TRỢ GIÚP CHO CÁC ĐỐI TƯỢNG BẢO TRỢ XÃ HỘI TRÊN ĐỊA BÀN TỈNH "
            "TUYÊN QUANG CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH",
            "Ban hành mức trợ giúp cho các đối tượng bảo trợ xã hội trên địa bàn tỉnh Tuyên Quang",
        ),
    ],
)
def test_a_title_run_onto_one_line_ends_where_the_text_or_the_authority_starts(run_on, title):
    doc = parse_text(
        "UỶ BAN NHÂN DÂN TỈNH TUYÊN QUANG --------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        f"Số: 1056/QĐ-CT Tuyên Quang, ngày 16 tháng 8 năm 2010 {run_on}\n"
        "Căn cứ Luật Ngân sách nhà nước ngày 16 tháng 12 năm 2002;\n"
    )
    assert doc.title == title


def test_the_signer_stops_where_the_attached_plans_title_starts():
    doc = parse_text(
        "BỘ TƯ PHÁP --------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        "Số: 173/QĐ-BTP\nHà Nội, ngày 29 tháng 01 năm 2015 QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH PHỐI HỢP "
        "CÔNG TÁC NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP\nCăn cứ Nghị định số 22/2013/NĐ-CP;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành Kế hoạch.\nNơi nhận:\n- Lưu: VT.\n"
        "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH PHỐI HỢP CÔNG TÁC NĂM 2015\n"
    )
    assert doc.title == "Ban hành kế hoạch phối hợp công tác năm 2015"
    assert doc.signer == "Đinh Trung Tụng"


def test_an_authority_line_does_not_continue_a_title_ending_on_a_name():
    doc = parse_text(
        "ỦY BAN NHÂN DÂN TỈNH TÂY NINH -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        "Số: 3745/QĐ-UBND Tây Ninh, ngày 30 tháng 12 năm 2021 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ "
        "HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN CHÂU THÀNH ỦY BAN NHÂN DÂN TỈNH TÂY NINH\n"
        "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;\nQUYẾT ĐỊNH:\n"
        "Điều 3. Giám đốc các Sở chịu trách nhiệm thi hành Quyết định này, kể từ ngày ký./.\n"
    )
    assert doc.title == "Về việc phê duyệt kế hoạch sử dụng đất năm 2022 huyện Châu Thành"
    # Executed "from the day it is signed": in effect from then.
    assert doc.effective == doc.issued == date(2021, 12, 30)


# --- Case: names keep their capitals, character classes are real case checks --------


def _corpus_parse(name: str):
    from tests.legal.real_corpus import ROOT

    return parse_text((ROOT / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "field", "expected"),
    [
        (
            "c-30-173-qd-btp-2015",
            "title",
            "Ban hành kế hoạch triển khai thực hiện chương trình phối hợp công tác giữa "
            "Ủy ban Dân tộc và Bộ Tư pháp năm 2015",
        ),
        ("c-29-299-ttg-1980", "issuer", "Phủ Thủ tướng"),
        ("c-02-2646-qd-bct-2025", "issuer", "Bộ Công Thương"),
        (
            "c-16-68-2013-ttlt-btc-bldtbxh",
            "issuer",
            "Bộ Tài chính - Bộ Lao động - Thương binh và Xã hội",
        ),
        ("c-31-121-cd-ttg-2020", "issuer", "Thủ tướng Chính phủ"),
        ("c-32-15-cd-tw-2016", "issuer", "Ban Chỉ đạo Trung ương về phòng, chống thiên tai"),
        (
            "c-17-31-tb-vpcp-1999",
            "title",
            "Kết luận của Phó Thủ tướng Ngô Xuân Lộc tại hội nghị triển khai nghị quyết của "
            "Quốc hội về kế hoạch năm 1999 khu vực 15 tỉnh, thành phố đồng bằng Bắc Bộ và khu 4 cũ",
        ),
        (
            "c-14-16-2017-tt-btc",
            "title",
            "Quy định chi tiết một số điều của Quyết định số 20/2016/QĐ-TTg ngày 11 tháng 5 năm "
            "2016 của Thủ tướng Chính phủ quy định hỗ trợ kinh phí cho hoạt động chống buôn lậu, "
            "gian lận thương mại, hàng giả và thanh toán chi phí quản lý, xử lý tài sản bị tịch "
            "thu theo quy định pháp luật trong lĩnh vực chống buôn lậu, gian lận thương mại, hàng giả",
        ),
        (
            "c-11-445-qd-ttg-2016",
            "title",
            "Phê duyệt đề án “thí điểm hoàn thiện, nhân rộng mô hình hợp tác xã kiểu mới tại vùng "
            "đồng bằng sông Cửu Long giai đoạn 2016 - 2020”",
        ),
        (
            "p-07-616-nq-hdnd-thanh-hoa",
            "title",
            "Kỳ họp thứ 24, Hội đồng nhân dân tỉnh Thanh Hóa khóa XVIII",
        ),
        (
            "p-12-1556-kh-ubnd-lai-chau",
            "title",
            "Thực hiện chương trình mỗi xã một sản phẩm (OCOP) trên địa bàn tỉnh Lai Châu năm 2024",
        ),
        (
            "p-27-03-2017-qd-ubnd-huyen-binh-chanh",
            "title",
            "Ban hành quy chế làm việc của Ủy ban nhân dân huyện Bình Chánh nhiệm kỳ 2016 - 2021",
        ),
        (
            "p-51-3745-qd-ubnd-tay-ninh-2021",
            "title",
            "Về việc phê duyệt kế hoạch sử dụng đất năm 2022 huyện Châu Thành",
        ),
        (
            "p-01-454-ubnd-ncth-hau-giang",
            "title",
            "Tiếp tục phối hợp tuyên truyền và tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên "
            "nhiên thế giới",
        ),
    ],
)
def test_titles_and_issuers_keep_the_capitals_of_names(name, field, expected):
    assert getattr(_corpus_parse(name), field) == expected


def test_sentence_case_keeps_agencies_places_and_abbreviations():
    from eportal.legal.parser import issuer_case, sentence_case

    assert sentence_case(
        "VỀ VIỆC THÀNH LẬP BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 TỈNH THÁI BÌNH"
    ) == ("Về việc thành lập Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Thái Bình")
    assert sentence_case("GIAO DỰ TOÁN CHO SỞ TÀI CHÍNH VÀ UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ") == (
        "Giao dự toán cho Sở Tài chính và UBND các huyện, thị xã, thành phố"
    )
    assert sentence_case("TRIỂN KHAI NGHỊ QUYẾT SỐ 05/2024/NQ-HĐND CỦA HỘI ĐỒNG NHÂN DÂN TỈNH") == (
        "Triển khai Nghị quyết số 05/2024/NQ-HĐND của Hội đồng nhân dân tỉnh"
    )
    assert sentence_case("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ CÔNG TÁC CÁN BỘ") == (
        "Kết luận của Ban Thường vụ Tỉnh ủy về công tác cán bộ"
    )
    assert issuer_case("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH") == "Ủy ban nhân dân tỉnh Thái Bình"
    assert issuer_case("PHỦ THỦ TƯỚNG") == "Phủ Thủ tướng"
    assert issuer_case("BỘ TƯ PHÁP") == "Bộ Tư pháp"


def test_name_and_place_patterns_check_case_letter_by_letter():
    """ "À-Ỹ" is no upper-case class: "ở", "ấ", "ủ" lie in that range too."""
    from eportal.legal.layout import LOWER, UPPER, is_name
    from eportal.legal.parser import _PLACE_WORD

    assert all(c.isupper() for c in UPPER.replace("-", ""))
    assert all(c.islower() for c in LOWER.replace("-", ""))
    assert not is_name("ở ấp ủy")  # lower-case words are no signer's name
    assert is_name("Phạm Văn Xuyên") and is_name("ĐẶNG ĐỨC ANH")
    assert not _PLACE_WORD.match("ấp") and _PLACE_WORD.match("Ấp")
