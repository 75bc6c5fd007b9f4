from django import template
from django.utils.translation import get_language

from eportal.portals import caching

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_menu(context):
    """The live sections of the current portal's home that are shown in menus (cached)."""
    request = context.get("request")
    return caching.menu(request) if request is not None else []


@register.simple_tag(takes_context=True)
def portal_home_url(context):
    request = context.get("request")
    prefix = getattr(request, "portal_prefix", "") if request else ""
    return f"{prefix}/en/" if get_language() == "en" else f"{prefix}/"


@register.simple_tag(takes_context=True)
def switch_language_url(context, language):
    """The current page in ``language``: ``/en/…`` for English, unprefixed for Vietnamese."""
    request = context.get("request")
    if request is None:
        return "/" if language == "vi" else "/en/"
    prefix = getattr(request, "portal_prefix", "")
    path = request.path_info
    if path.startswith("/en/") or path == "/en":
        path = path[3:] or "/"
    if language == "en":
        path = "/en" + path
    return prefix + path
