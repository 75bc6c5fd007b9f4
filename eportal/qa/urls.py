"""Public URLs of this app, served under every portal (by host or /p/<slug>/)."""

from django.urls import path

from eportal.qa import feeds

app_name = "qa"
urlpatterns = [
    path("feeds/hoi-dap/rss/", feeds.rss, name="feed"),
    path("feeds/hoi-dap/atom/", feeds.atom, name="feed_atom"),
]
