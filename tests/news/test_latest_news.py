"""`{% latest_news %}` shows the portal's latest articles; on the main portal with
the component portals' ones, labelled."""

from django.template import Context, Template
from django.test import RequestFactory

from tests.news.helpers import publish


def render(portal):
    request = RequestFactory().get("/")
    request.portal, request.portal_mode = portal, "host"
    return Template("{% load news_tags %}{% latest_news %}").render(
        Context({"request": request, "portal": portal})
    )


def test_it_shows_main_and_syndicated_news_on_the_main_home(province):
    publish(province["main"], "Tin của tỉnh")
    publish(province["quynhphu"], "Tin của huyện")
    html = render(province["main"])
    assert "Tin của tỉnh" in html and "Tin của huyện" in html
    assert "Nguồn: Cổng thông tin điện tử huyện Quỳnh Phụ" in html
    component = render(province["sotttt"])
    assert "Tin của huyện" not in component
