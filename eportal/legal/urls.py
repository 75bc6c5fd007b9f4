"""Public URLs of this app, served under every portal (by host or /p/<slug>/)."""

from django.urls import path

from eportal.legal import feeds

app_name = "legal"
urlpatterns = [
    path("feeds/van-ban/rss/", feeds.document_rss, name="feed"),
    path("feeds/van-ban/atom/", feeds.document_atom, name="feed_atom"),
    path("feeds/van-ban/cong-bao/rss/", feeds.gazette_rss, name="gazette_feed"),
    path("feeds/van-ban/cong-bao/atom/", feeds.gazette_atom, name="gazette_feed_atom"),
]
