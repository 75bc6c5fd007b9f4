"""`eportal import-procedures` reads CSV, JSON and XLSX, reports every bad row
and imports nothing when any row is bad; imported procedures are drafts."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from eportal.procedures.models import ProcedurePage

ROW = {
    "ma": "1.009999",
    "ten": "Cấp phép thử nghiệm",
    "linh_vuc": "Viễn thông",
    "cap": "tỉnh",
    "trinh_tu": "Nộp hồ sơ\nTrả kết quả",
    "thoi_han": "7",
    "doi_tuong": "Doanh nghiệp",
    "ket_qua": "Giấy phép",
    "muc_do_truc_tuyen": "toàn trình",
    "thanh_phan": "Đơn đề nghị|1|0|x; Bản sao giấy phép kinh doanh|0|1|x",
}


def test_it_imports_a_csv_catalogue_as_drafts(province, tmp_path, capsys):
    path = tmp_path / "thu-tuc.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROW))
        writer.writeheader()
        writer.writerow(ROW)
        writer.writerow(ROW | {"ma": "1.009998", "ten": "Thủ tục thứ hai", "muc_do_truc_tuyen": ""})
    call_command("import-procedures", str(path), portal=province["sotttt"].slug)
    out = capsys.readouterr().out
    assert "2/2" in out and "2 mới" in out
    page = ProcedurePage.objects.get(code="1.009999")
    assert not page.live and page.service_level == 4 and page.online_level == "toan-trinh"
    assert page.get_latest_revision() is not None
    assert [c.name for c in page.components.all()] == [
        "Đơn đề nghị",
        "Bản sao giấy phép kinh doanh",
    ]
    assert page.get_parent().slug == "thu-tuc"


def test_it_imports_nothing_when_a_row_is_bad(province, tmp_path, capsys):
    path = tmp_path / "thu-tuc.json"
    rows = [ROW, ROW | {"ma": "1.009997", "thoi_han": "bảy", "cap": "vũ trụ"}, ROW]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import-procedures", str(path), portal=province["sotttt"].slug)
    err = capsys.readouterr().err
    assert "Dòng 2" in err and "thoi_han" in err.replace("processing_days", "thoi_han")
    assert "Dòng 3" in err and "trùng" in err
    assert not ProcedurePage.objects.filter(code__startswith="1.0099").exists()


def test_it_reads_xlsx_and_updates_an_existing_code_as_a_draft(province, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(list(ROW))
    book.active.append(list(ROW.values()))
    path = tmp_path / "thu-tuc.xlsx"
    book.save(path)
    call_command("import-procedures", str(path), portal=province["sotttt"].slug)
    book.active.cell(row=2, column=2, value="Tên mới")
    book.save(path)
    call_command("import-procedures", str(path), portal=province["sotttt"].slug)
    page = ProcedurePage.objects.get(code="1.009999")
    assert page.get_latest_revision_as_object().title == "Tên mới"
    assert ProcedurePage.objects.filter(code="1.009999").count() == 1


def test_it_rejects_an_unknown_portal_or_format(province, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("x")
    with pytest.raises(CommandError):
        call_command("import-procedures", str(path), portal="khong-co")
    with pytest.raises(CommandError, match=r"\.csv"):
        call_command("import-procedures", str(path), portal=province["sotttt"].slug)
