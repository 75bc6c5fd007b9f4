"""Public URLs of this app, served under every portal (by host or /p/<slug>/)."""

from django.urls import path

from eportal.organisation import feeds

app_name = "organisation"
urlpatterns = [
    path("feeds/lich-cong-tac/rss/", feeds.rss, name="feed"),
    path("feeds/lich-cong-tac/atom/", feeds.atom, name="feed_atom"),
]
