from django import template
from django.utils.translation import get_language

from eportal.translations import queries

register = template.Library()


@register.inclusion_tag("translations/language_switch.html", takes_context=True)
def language_switch(context):
    """The link to this page in the other language; never a 404 (see queries.language_switch)."""
    request = context.get("request")
    other = "vi" if get_language() == "en" else "en"
    switch = queries.language_switch(request, context.get("page"), other)
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
    update = queries.open_update(page) if page is not None else None
    return {"missing": missing, "update": update, "request": request}
