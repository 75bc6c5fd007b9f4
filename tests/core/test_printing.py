"""Every content page has a print view and a PDF made on the server."""

from eportal.core.models import ContentPage


def test_it_prints_a_page_and_saves_it_as_pdf(client, province):
    home = province["sotttt"].home_page
    page = ContentPage(
        title="Quy chế quản lý Cổng thông tin điện tử",
        slug="quy-che",
        body="<p>Điều 1. Phạm vi điều chỉnh – Ủy ban nhân dân tỉnh.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    printed = client.get("/p/sotttt/quy-che/ban-in/")
    assert printed.status_code == 200
    assert "Điều 1. Phạm vi điều chỉnh" in printed.text
    assert "https://sotttt.thaibinh.gov.vn/quy-che/" in printed.text

    pdf = client.get("/p/sotttt/quy-che/ban-in/pdf/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
