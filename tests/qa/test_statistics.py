"""Statistics per portal, agency and month, in the admin and as XLSX."""

import io
from datetime import date

from openpyxl import load_workbook

from eportal.qa import services, stats
from eportal.qa.models import Question
from tests.qa.conftest import at


def test_it_counts_received_refused_on_time_late_open_and_overdue(ask, answered, qa, board):
    on_time = answered("main", "sotttt", now=at(2026, 3, 2, 9))
    late = answered("main", "sotttt", now=at(2026, 3, 3, 9))
    Question.objects.filter(pk=on_time.pk).update(answered_at=at(2026, 3, 10, 9))
    Question.objects.filter(pk=late.pk).update(answered_at=at(2026, 4, 20, 9))
    refused = ask("main", now=at(2026, 3, 4, 9))
    services.refuse_as_complaint(refused, by=board["main"]["editor"])
    overdue = ask("main", now=at(2026, 3, 5, 9))
    services.route_question(overdue, qa["sotttt"].agency, by=board["main"]["editor"])
    ask("main", now=at(2026, 3, 6, 9))  # open, not yet routed

    rows = stats.compute(Question.objects.all(), today=date(2026, 4, 30))

    by_agency = {row.agency: row.counts for row in rows}
    assert by_agency[qa["sotttt"].agency.name] == {
        "received": 3,
        "refused": 0,
        "on_time": 1,
        "late": 1,
        "open": 1,
        "overdue": 1,
    }
    assert by_agency["—"]["refused"] == 1 and by_agency["—"]["open"] == 1
    assert {row.month for row in rows} == {"2026-03"}
    assert on_time.status == "answered"


def test_the_board_exports_its_statistics_as_xlsx(client, ask, board):
    ask("main")
    ask("sotttt")
    client.force_login(board["sotttt"]["editor"])

    response = client.get("/admin/hoi-dap/thong-ke/", {"format": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Tháng", "Cổng tiếp nhận", "Cơ quan trả lời", "Tiếp nhận")
    assert rows[-1][0] == "Tổng cộng" and rows[-1][3] == 1  # only its own portal's question


def test_the_statistics_page_shows_the_table(client, ask, board):
    ask("main")
    client.force_login(board["main"]["editor"])
    html = client.get("/admin/hoi-dap/thong-ke/").content.decode()
    assert "Trả lời đúng hạn" in html and "Tổng cộng" in html
