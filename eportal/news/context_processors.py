from django.utils.functional import SimpleLazyObject

from eportal.news.queries import alert_for


def site_alert(request):
    """The hot-news alert of the request's portal, for the alert slot of base.html."""
    portal = getattr(request, "portal", None)
    return {"site_alert": SimpleLazyObject(lambda: alert_for(portal))}
