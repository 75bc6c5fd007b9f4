"""`eportal search reindex` rebuilds the index from what is published."""

from io import StringIO

from django.core.management import call_command

from eportal.core.models import ContentPage
from eportal.search.models import SearchEntry


def test_it_rebuilds_the_index_with_a_progress_bar(province, superuser):
    page = ContentPage(title="Giới thiệu Sở", slug="gioi-thieu-so", body="<p>Lịch sử.</p>")
    province["sotttt"].home_page.add_child(instance=page)
    page.save_revision(user=superuser).publish()
    draft = ContentPage(title="Bản nháp", slug="ban-nhap", live=False)
    province["sotttt"].home_page.add_child(instance=draft)
    SearchEntry.objects.all().delete()

    out = StringIO()
    call_command("search", "reindex", stdout=out)
    assert "100%" in out.getvalue()
    assert "Đã lập chỉ mục" in out.getvalue()
    titles = set(SearchEntry.objects.values_list("title", flat=True))
    assert "Giới thiệu Sở" in titles
    assert "Bản nháp" not in titles
    assert SearchEntry.objects.get(title="Giới thiệu Sở").kind == "page"
