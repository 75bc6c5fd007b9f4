from django import template
from django.conf import settings

from eportal.portals import access

register = template.Library()


@register.filter
def portal_name(obj) -> str:
    """Return the name of the portal that owns ``obj`` (a page, or anything
    with a portal), or the site's name when no portal owns it: staff e-mails
    say which portal an item belongs to, as a board member may sit on two."""
    portal = access.portal_of(obj)
    return portal.name if portal else settings.WAGTAIL_SITE_NAME
