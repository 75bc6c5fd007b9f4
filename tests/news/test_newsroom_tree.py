"""Every portal gets /tin-tuc/ with the Art. 9 categories, once."""

from eportal.news import services
from eportal.news.models import CategoryPage, Kind, NewsIndexPage


def test_it_gives_each_new_portal_its_news_categories(client, province):
    portal = province["quynhphu"]
    index = NewsIndexPage.objects.child_of(portal.home_page).get()
    assert index.slug == "tin-tuc" and index.live and index.show_in_menus
    kinds = set(CategoryPage.objects.child_of(index).values_list("kind", flat=True))
    assert kinds == set(Kind.values)
    response = client.get("/p/quynhphu/tin-tuc/")
    assert response.status_code == 200
    assert "Chỉ đạo – Điều hành" in response.text


def test_it_keeps_what_a_board_renamed_when_run_again(province):
    portal = province["sotttt"]
    category = CategoryPage.objects.descendant_of(portal.home_page).get(kind=Kind.ANNOUNCEMENT)
    category.title = "Thông báo của Sở"
    category.save()
    services.ensure_newsroom(portal)
    assert CategoryPage.objects.descendant_of(portal.home_page).count() == len(Kind.values)
    category.refresh_from_db()
    assert category.title == "Thông báo của Sở"
