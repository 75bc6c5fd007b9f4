"""The one XLSX writer: heading, bold frozen header, bold totals, and citizens'
text that looks like a formula kept as text."""

import io

from openpyxl import load_workbook

from eportal.core import xlsx


def test_it_writes_a_heading_a_frozen_header_and_bold_totals():
    content = xlsx.workbook(
        "Thống kê hỏi đáp theo tháng của năm 2026",
        ["Tháng", "Số câu hỏi"],
        [["01/2026", 12], xlsx.Bold(["Tổng cộng", 12])],
        heading=["BẢNG THỐNG KÊ"],
        widths=(10, 14),
    )
    sheet = load_workbook(io.BytesIO(content)).active

    assert sheet.title == "Thống kê hỏi đáp theo tháng của"  # Excel's 31 characters
    assert [c.value for c in sheet[3]] == ["Tháng", "Số câu hỏi"]
    assert sheet.freeze_panes == "A4"
    assert sheet["A3"].font.bold and sheet["A5"].font.bold and not sheet["A4"].font.bold
    assert sheet["B4"].value == 12
    assert sheet.column_dimensions["B"].width == 14


def test_it_never_turns_a_comment_into_a_formula():
    content = xlsx.workbook("Góp ý", ["Nội dung"], [['=HYPERLINK("http://x")'], ["@SUM(1)"]])
    sheet = load_workbook(io.BytesIO(content)).active

    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("'=")
    assert sheet["A3"].value == "'@SUM(1)"


def test_its_download_is_an_attachment():
    response = xlsx.response(b"PK", "thong-ke.xlsx")

    assert response["Content-Disposition"] == 'attachment; filename="thong-ke.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
