from django import template
from django.utils.translation import get_language

from eportal.portals import caching
from eportal.translations import queries

register = template.Library()


@register.inclusion_tag("translations/language_switch.html", takes_context=True)
def language_switch(context):
    """The link to this page in the other language; never a 404 (see queries.language_switch).

    Kept with the portal's content (a publish anywhere in the portal drops it),
    so that a cached page is still served without the database."""
    request = context.get("request")
    page = context.get("page")
    other = "vi" if get_language() == "en" else "en"
    if getattr(page, "pk", None) is None:
        # Not a page: no database needed, and nothing kept for made-up paths.
        switch = queries.language_switch(request, None, other)
    else:
        path = request.path_info if request is not None else ""
        switch = caching.content_value(
            request,
            "language-switch",
            lambda: queries.language_switch(request, page, other),
            (page.pk, path, other),
        )
    return {"other": other, "url": switch.url}


@register.inclusion_tag("translations/notice.html", takes_context=True)
def translation_notice(context):
    """ "No English version yet" after a switch, or "older than the Vietnamese"."""
    request = context.get("request")
    page = context.get("page")
    missing = (
        request is not None
        and request.GET.get(queries.NO_TRANSLATION_PARAM) == queries.NO_TRANSLATION_VALUE
    )
    update = None
    if getattr(page, "pk", None) and getattr(page, "locale_id", None):
        update = caching.content_value(
            request, "translation-update", lambda: queries.open_update(page), (page.pk,)
        )
    return {"missing": missing, "update": update, "request": request}
