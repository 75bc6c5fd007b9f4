"""What a reader sees on an article: author, source, updated-on, print and PDF."""

from datetime import timedelta

from eportal.news.models import ArticlePage
from tests.news.helpers import publish


def test_it_shows_author_source_and_related_links(client, province):
    publish(
        province["sotttt"],
        "Đăng lại từ báo Thái Bình",
        source_name="Báo Thái Bình",
        source_url="https://baothaibinh.com.vn/tin-goc",
        author_name="Phạm Văn Nam",
    )
    page = client.get("/p/sotttt/tin-tuc/su-kien/dang-lai-tu-bao-thai-binh/").text
    assert "Phạm Văn Nam" in page
    assert 'href="https://baothaibinh.com.vn/tin-goc"' in page
    assert "Báo Thái Bình" in page
    assert "Cập nhật" not in page


def test_it_shows_updated_on_when_a_published_article_changes(client, province):
    article = publish(province["sotttt"], "Tin được sửa")
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=article.first_published_at - timedelta(days=2)
    )
    article.refresh_from_db()
    article.summary = "Tóm tắt đã sửa."
    article.save_revision().publish()
    page = client.get("/p/sotttt/tin-tuc/su-kien/tin-duoc-sua/").text
    assert "Cập nhật" in page and "Tóm tắt đã sửa." in page
    assert article.revisions.count() == 2


def test_it_prints_and_makes_a_pdf(client, province):
    publish(province["sotttt"], "Tin để in", author_name="Lê Thị Mai")
    printed = client.get("/p/sotttt/tin-tuc/su-kien/tin-de-in/ban-in/")
    assert printed.status_code == 200
    assert "Lê Thị Mai" in printed.text
    assert "https://sotttt.thaibinh.gov.vn/tin-tuc/su-kien/tin-de-in/" in printed.text
    pdf = client.get("/p/sotttt/tin-tuc/su-kien/tin-de-in/ban-in/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
