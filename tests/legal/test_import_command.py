"""`eportal import-legal`: text, CSV and JSON files, errors reported, nothing half-imported."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry

from eportal.legal.models import ImportBatch, LegalDocumentPage, LegalRelation, Status
from eportal.vntext import encode_legacy
from tests.legal.conftest import text
from tests.sample_files import pdf_bytes


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("import-legal", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return str(path)


@pytest.mark.django_db
def test_it_imports_and_publishes_a_real_format_text(province, tmp_path):
    path = write(tmp_path, "qd.txt", text("05-2014-qd-ubnd.txt"))
    out, _err = run("--portal", "www", path)
    assert "Đã nhập 1 văn bản" in out and "(1 mới, 0 cập nhật); lỗi: 0" in out
    page = LegalDocumentPage.objects.get()
    assert page.live and page.url_path.endswith("/van-ban/05-2014-qd-ubnd/")
    assert (page.title, page.issuer, page.signer) == (
        "Quyết định 05/2014/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Thái Bình",
        "Phạm Văn Xuyên",
    )
    assert page.sector.name == "Công nghệ thông tin"
    assert PageLogEntry.objects.filter(page=page, action="legal.import").exists()


@pytest.mark.django_db
def test_it_updates_instead_of_duplicating_on_reimport(province, tmp_path):
    path = write(tmp_path, "qd.txt", text("05-2014-qd-ubnd.txt"))
    run("--portal", "www", path)
    changed = text("05-2014-qd-ubnd.txt").replace("Phạm Văn Xuyên", "Phạm Văn Ca")
    out, _err = run("--portal", "www", write(tmp_path, "qd2.txt", changed))
    assert "(0 mới, 1 cập nhật)" in out
    page = LegalDocumentPage.objects.get()
    assert page.signer == "Phạm Văn Ca"
    assert LegalRelation.objects.filter(source=page).count() == 5


@pytest.mark.django_db
def test_a_failed_file_imports_nothing_and_says_why(province, tmp_path):
    good = write(tmp_path, "good.txt", text("12-2009-qd-ubnd.txt"))
    bad = write(tmp_path, "bad.txt", "Thông báo nghỉ Tết.\nKhông có số ký hiệu.")
    out, err = run("--portal", "www", good, bad)
    assert "Đã nhập 1 văn bản" in out
    assert "bad.txt: Không đọc được: số ký hiệu" in err
    assert "1 văn bản không nhập được" in err
    assert list(LegalDocumentPage.objects.values_list("number", flat=True)) == ["12/2009/QĐ-UBND"]


@pytest.mark.django_db
def test_it_imports_csv_rows_and_reports_bad_ones(province, tmp_path):
    csv_text = (
        "number,form,issuer,issued,summary,field,status,based_on\n"
        "15/2020/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh Thái Bình,2020-05-04,"
        "Quy định về quản lý chợ,Công thương,Còn hiệu lực,Luật Thương mại ngày 14/6/2005\n"
        "16/2020/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh Thái Bình,04/05/2020,"
        "Quy định về phí,Tài chính,,\n"
        "17/2020/QĐ-UBND,Tờ trình,Ủy ban nhân dân tỉnh Thái Bình,2020-05-04,Sai loại,,,\n"
        "18/2020/QĐ-UBND,Quyết định,Ủy ban nhân dân tỉnh Thái Bình,ngày mai,Sai ngày,,,\n"
    )
    out, err = run("--portal", "www", write(tmp_path, "ds.csv", csv_text))
    assert "Đã nhập 2 văn bản" in out
    assert "ds.csv, dòng 4: Loại văn bản “Tờ trình” không hợp lệ." in err
    assert "ds.csv, dòng 5: Ngày “ngày mai” không hợp lệ." in err
    first = LegalDocumentPage.objects.get(number="15/2020/QĐ-UBND")
    assert first.sector.name == "Công thương" and first.status == Status.IN_FORCE
    assert first.relations.get().target_text == "Luật Thương mại ngày 14/6/2005"
    assert LegalDocumentPage.objects.get(number="16/2020/QĐ-UBND").issued.isoformat() == (
        "2020-05-04"
    )


@pytest.mark.django_db
def test_it_imports_json_with_attachments(province, tmp_path):
    (tmp_path / "qd.pdf").write_bytes(pdf_bytes())
    rows = [
        {
            "so_ky_hieu": "20/2021/CT-UBND",
            "loai_van_ban": "Chỉ thị",
            "co_quan_ban_hanh": "Ủy ban nhân dân tỉnh Thái Bình",
            "ngay_ban_hanh": "2021-03-01",
            "trich_yeu": "Về tăng cường an toàn thông tin",
            "files": ["qd.pdf"],
            "governed": ["sotttt"],
        }
    ]
    out, err = run("--portal", "www", write(tmp_path, "ds.json", json.dumps(rows)))
    assert "Đã nhập 1 văn bản" in out, err
    page = LegalDocumentPage.objects.get()
    assert page.form == "chi-thi"
    attachment = page.files.get()
    assert attachment.document.file_extension == "pdf"
    assert attachment.document.collection == province["main"].collection
    assert [g.portal for g in page.governed_portals.all()] == [province["sotttt"]]


@pytest.mark.django_db
def test_it_refuses_an_attachment_whose_content_is_not_a_document(province, tmp_path):
    (tmp_path / "virus.pdf").write_bytes(b"MZ\x90\x00 not a pdf")
    rows = [
        {
            "number": "21/2021/CT-UBND",
            "form": "chi-thi",
            "issuer": "Ủy ban nhân dân tỉnh Thái Bình",
            "issued": "2021-03-01",
            "summary": "Tệp giả",
            "files": "virus.pdf",
        }
    ]
    _out, err = run("--portal", "www", write(tmp_path, "ds.json", json.dumps(rows)))
    assert "không phải loại được chấp nhận" in err
    assert not LegalDocumentPage.objects.exists()


@pytest.mark.django_db
def test_it_converts_a_legacy_encoded_file(province, tmp_path):
    original = text("12-2009-qd-ubnd.txt")
    legacy = encode_legacy(original, "tcvn3", errors="replace").encode("latin-1", "replace")
    out, err = run("--portal", "www", write(tmp_path, "tcvn3.txt", legacy))
    assert "Đã nhập 1 văn bản" in out, err
    page = LegalDocumentPage.objects.get()
    assert page.issuer == "Ủy ban nhân dân tỉnh Thái Bình"
    assert page.summary == "Về việc ban hành Quy chế quản lý Cổng thông tin điện tử tỉnh Thái Bình"


@pytest.mark.django_db
def test_it_reports_bad_json_and_unknown_portals(province, tmp_path):
    _out, err = run("--portal", "www", write(tmp_path, "x.json", "{not json"))
    assert "x.json: JSON không hợp lệ" in err
    _out, err = run("--portal", "khong-co", write(tmp_path, "y.json", "[]"))
    assert "Không có cổng “khong-co”" in err


@pytest.mark.django_db
def test_it_can_send_imports_to_the_workflow_instead(province, board, tmp_path):
    path = write(tmp_path, "qd.txt", text("86-kh-stttt.txt"))
    out, err = run("--portal", "sotttt", "--draft", "--user", "sotttt-editor", path)
    assert "Đã nhập 1 văn bản" in out, err
    page = LegalDocumentPage.objects.get()
    assert not page.live
    assert page.current_workflow_state.status == "in_progress"
    batch = ImportBatch.objects.get()
    assert f"/admin/legal/import/lo/{batch.pk}/" in out
    assert [i.page for i in batch.items.all()] == [page]


def test_the_progress_bar_draws_on_a_terminal_only():
    from importlib import import_module

    progress_bar = import_module("eportal.legal.management.commands.import-legal").ProgressBar

    class Terminal(StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    bar = progress_bar(terminal, width=10)
    bar(1, 4, "a.txt")
    bar(4, 4, "b.txt")
    assert "\r[##--------] 1/4 a.txt" in terminal.getvalue()
    assert "\r[##########] 4/4 b.txt" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")
    named = Terminal()
    progress_bar(named, "Nhập ", width=10)(1, 4, "a.txt")
    assert named.getvalue().startswith("\rNhập [##--------] 1/4")
    piped = StringIO()
    progress_bar(piped)(1, 4, "a.txt")
    assert piped.getvalue() == ""
