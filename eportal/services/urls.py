"""Public URLs of this app, served under every portal (by host or /p/<slug>/)."""

app_name = "services"
urlpatterns = []
