"""Public URLs of this app, served under every portal (by host or /p/<slug>/)."""

from django.urls import path

from eportal.procedures import feeds

app_name = "procedures"
urlpatterns = [
    path("feeds/thu-tuc/rss/", feeds.rss, name="feed"),
    path("feeds/thu-tuc/atom/", feeds.atom, name="feed_atom"),
]
