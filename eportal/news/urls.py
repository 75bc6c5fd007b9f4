"""Public URLs of this app, served under every portal (by host or /p/<slug>/)."""

from django.urls import path

from eportal.news import feeds

app_name = "news"
urlpatterns = [
    path("feeds/tin-tuc/rss/", feeds.rss, name="feed"),
    path("feeds/tin-tuc/atom/", feeds.atom, name="feed_atom"),
    path("feeds/tin-tuc/<slug:category>/rss/", feeds.rss, name="category_feed"),
    path("feeds/tin-tuc/<slug:category>/atom/", feeds.atom, name="category_feed_atom"),
]
