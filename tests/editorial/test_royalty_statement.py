"""The monthly royalty statement per portal and per author, in XLSX and PDF, with
totals; a scale change never changes a month already recorded."""

import io
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from eportal.editorial.models import RoyaltyEntry, RoyaltyRate
from eportal.editorial.services import royalty_statement
from tests.news.helpers import publish


def scale(portal, point_value=100000):
    RoyaltyRate.objects.update_or_create(
        portal=portal,
        kind="news",
        defaults={"unit": RoyaltyRate.Unit.POINTS, "point_value": Decimal(point_value)},
    )


def test_it_records_the_rate_that_applied_when_approved(province):
    portal = province["sotttt"]
    scale(portal, 100000)
    article = publish(portal, "Tin có nhuận bút", royalty_points=Decimal(3), author_name="Hoa")
    scale(portal, 150000)
    publish(portal, "Tin sau khi đổi khung", royalty_points=Decimal(2), author_name="Hoa")

    entry = RoyaltyEntry.objects.get(article=article)
    assert entry.point_value == 100000 and entry.amount == 300000
    statement = royalty_statement(portal, timezone.localdate())
    assert statement.amount == 300000 + 300000
    assert [a.author_name for a in statement.authors] == ["Hoa"]


def test_it_exports_the_month_as_xlsx_and_pdf(client, province, board):
    portal = province["sotttt"]
    scale(portal)
    publish(portal, "Tin một", royalty_points=Decimal(3), author_name="Nguyễn Thị Hoa")
    publish(portal, "Tin hai", royalty_points=Decimal(2), author_name="Trần Văn Minh")
    publish(province["quynhphu"], "Tin của huyện", royalty_points=Decimal(9), author_name="Khác")
    month = timezone.localdate().strftime("%m/%Y")
    client.force_login(board["sotttt"]["administrator"])

    page = client.get("/admin/nhuan-but/", {"portal": portal.pk, "month": month})
    assert "Nguyễn Thị Hoa" in page.text and "Tin của huyện" not in page.text

    xlsx = client.get("/admin/nhuan-but/", {"portal": portal.pk, "month": month, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[-1][1] == "Tổng cộng" and rows[-1][6] == 500000
    assert any(row[1] == "Cộng: Trần Văn Minh" and row[6] == 200000 for row in rows)

    pdf = client.get("/admin/nhuan-but/", {"portal": portal.pk, "month": month, "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")

    one = client.get(
        "/admin/nhuan-but/", {"portal": portal.pk, "month": month, "author": "Trần Văn Minh"}
    )
    assert "Tin hai" in one.text and "Tin một" not in one.text


def test_it_refuses_another_portals_statement_and_bad_months(client, province, board):
    client.force_login(board["sotttt"]["administrator"])
    other = client.get("/admin/nhuan-but/", {"portal": province["quynhphu"].pk, "month": "11/2026"})
    assert other.status_code == 200 and "Huyện Quỳnh Phụ" not in other.text
    bad = client.get("/admin/nhuan-but/", {"portal": province["sotttt"].pk, "month": "13/20x"})
    assert "Tháng không hợp lệ" in bad.text
    client.force_login(board["sotttt"]["contributor"])
    assert client.get("/admin/nhuan-but/").status_code in (302, 403)


def test_it_lets_only_approvers_score_in_the_article_form(client, province, board):
    article = publish(province["sotttt"], "Tin chấm điểm")
    client.force_login(board["sotttt"]["approver"])
    assert 'name="royalty_points"' in client.get(f"/admin/pages/{article.pk}/edit/").text
    client.force_login(board["sotttt"]["editor"])
    assert 'name="royalty_points"' not in client.get(f"/admin/pages/{article.pk}/edit/").text
