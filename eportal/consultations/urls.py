"""Public URLs of this app, served under every portal (by host or /p/<slug>/)."""

from django.urls import path

from eportal.consultations import feeds

app_name = "consultations"
urlpatterns = [
    path("feeds/gop-y/rss/", feeds.rss, name="feed"),
    path("feeds/gop-y/atom/", feeds.atom, name="feed_atom"),
]
