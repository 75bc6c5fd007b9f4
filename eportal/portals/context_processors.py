from django.conf import settings


def portal(request):
    """The request's portal and its agency, for the base templates."""
    portal = getattr(request, "portal", None)
    return {
        "portal": portal,
        "agency": portal.agency if portal else None,
        "portal_prefix": getattr(request, "portal_prefix", ""),
        "EPORTAL_DOMAIN": settings.EPORTAL_DOMAIN,
    }
