"""Publishing, unpublishing or moving a page purges every URL that shows it
from the shared cache: the page, its lists up to its portal's home, the main
portal's aggregated lists, the feeds and the sitemaps, by host and by path."""

from unittest import mock

import pytest
from django.test import override_settings

from eportal.core import frontend_cache
from eportal.core.frontend_cache import NginxPurgeBackend
from tests.consultations.conftest import make_consultation  # noqa: F401 (fixture)
from tests.news.helpers import category, publish

CACHE = {
    "WAGTAILFRONTENDCACHE": {
        "nginx": {
            "BACKEND": "eportal.core.frontend_cache.NginxPurgeBackend",
            "LOCATION": "http://127.0.0.1:8081",
        }
    },
    "EPORTAL_FRONTEND_CACHE_ALIAS_HOSTS": ["127.0.0.1:8080"],
}


@pytest.fixture
def purged():
    """Every URL sent to the purge backend during the test (once committed:
    run the change inside ``committed``)."""
    urls = []
    with (
        override_settings(**CACHE),
        mock.patch.object(NginxPurgeBackend, "purge_batch", lambda self, batch: urls.extend(batch)),
    ):
        yield urls


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_it_purges_what_an_article_on_a_component_portal_appears_in(province, purged, committed):
    sotttt, main, quynhphu = province["sotttt"], province["main"], province["quynhphu"]
    with committed():
        article = publish(sotttt, "Khai trương trung tâm dữ liệu")
    own = sotttt.site.root_url
    www = main.site.root_url
    path = "/tin-tuc/su-kien/khai-truong-trung-tam-du-lieu/"

    expected = {
        # The article, its print view and PDF, and its portal's lists.
        f"{own}{path}",
        f"{own}{path}ban-in/",
        f"{own}{path}ban-in/pdf/",
        f"{own}/tin-tuc/su-kien/",
        f"{own}/tin-tuc/",
        f"{own}/",
        f"{own}/sitemap.xml",
        f"{own}/feeds/tin-tuc/rss/",
        f"{own}/feeds/tin-tuc/su-kien/atom/",
        # The main portal gathers every portal's news: its lists, home and feeds.
        f"{www}/tin-tuc/",
        f"{www}/tin-tuc/su-kien/",
        f"{www}/",
        f"{www}/feeds/tin-tuc/rss/",
        f"{www}/feeds/tin-tuc/su-kien/rss/",
        # The same pages by /p/<slug>/, and the main portal as the alias host's fallback.
        f"{www}/p/sotttt{path}",
        f"http://127.0.0.1:8080/p/sotttt{path}",
        "http://127.0.0.1:8080/tin-tuc/",
    }
    assert expected <= set(purged)
    # Another component portal's lists do not show it.
    assert not [url for url in purged if url.startswith(quynhphu.site.root_url)]
    assert article.live


def test_it_purges_the_page_and_its_lists_when_unpublished(province, purged, committed):
    sotttt = province["sotttt"]
    article = publish(sotttt, "Tin sẽ gỡ xuống")

    with committed():
        article.unpublish()

    assert f"{sotttt.site.root_url}/tin-tuc/su-kien/tin-se-go-xuong/" in purged
    assert f"{province['main'].site.root_url}/tin-tuc/" in purged


def test_it_purges_the_old_and_the_new_address_of_a_moved_page(province, purged, committed):
    sotttt = province["sotttt"]
    article = publish(sotttt, "Tin chuyển mục")

    with committed():
        article.move(category(sotttt, "announcement"), pos="last-child")

    own = sotttt.site.root_url
    assert f"{own}/tin-tuc/su-kien/tin-chuyen-muc/" in purged
    assert f"{own}/tin-tuc/su-kien/" in purged
    assert f"{own}/tin-tuc/thong-bao/tin-chuyen-muc/" in purged
    assert f"{own}/tin-tuc/thong-bao/" in purged


def test_it_purges_a_consultation_when_its_comments_or_status_change(
    make_consultation,  # noqa: F811
    superuser,
    purged,
    committed,
):
    from eportal.consultations import services

    consultation = make_consultation(slug="du-thao-quy-che", title="Dự thảo quy chế")
    comment, _ = services.submit_comment(
        consultation, name="Trần Văn An", email="an@example.com", body="Đề nghị bổ sung Điều 3."
    )
    own = f"{consultation.get_site().root_url}/gop-y/du-thao-quy-che/"
    with committed():
        services.approve(comment, by=superuser)
    assert own in purged
    purged.clear()
    with committed():
        services.close(consultation, by=superuser)
    assert own in purged


def test_it_purges_nothing_without_a_cache_in_front(province, committed):
    with mock.patch.object(frontend_cache, "_queue") as queue, committed():
        publish(province["sotttt"], "Tin khi chưa có bộ đệm")
    queue.assert_not_called()


def test_it_sends_one_purge_per_url_over_one_connection():
    backend = NginxPurgeBackend({"LOCATION": "http://127.0.0.1:8081"})
    with mock.patch("http.client.HTTPConnection") as connection_class:
        connection = connection_class.return_value
        connection.getresponse.return_value.status = 404  # not cached: fine
        backend.purge_batch(["https://www.example.org/tin-tuc/", "https://a.example.org/?x=1"])

    connection_class.assert_called_once_with("127.0.0.1:8081", timeout=5)
    assert connection.request.call_args_list == [
        mock.call("PURGE", "/tin-tuc/", headers={"Host": "www.example.org"}),
        mock.call("PURGE", "/?x=1", headers={"Host": "a.example.org"}),
    ]
