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


class PortalCacheNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        vary = [part.resolve(context) for part in self.vary]
        if any(part is None for part in vary):  # the view says: not this one
            return self.nodelist.render(context)
        return caching.content_html(
            context.get("request"),
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
            vary,
        )


@register.tag
def portal_cache(parser, token):
    """``{% portal_cache "name" [vary …] %}…{% endportal_cache %}``: the enclosed
    list of the portal's content, rendered once until the portal's content
    changes (``caching.content_html``). A ``vary`` that resolves to None
    renders the block uncached (a filtered list, a page far down)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("portal_cache needs a name")
    nodelist = parser.parse(("endportal_cache",))
    parser.delete_first_token()
    return PortalCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The ancestors of ``page`` below Wagtail's root, as ``caching.Crumb``s
    (kept with the portal's content: titles and paths change on publish)."""
    request = context.get("request")
    if request is None or not hasattr(page, "get_ancestors"):
        return []
    return caching.breadcrumbs(request, page)
