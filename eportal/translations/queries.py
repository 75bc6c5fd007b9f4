"""Reads of the translation workflow: is a page behind its source, and where
the language switch of a page leads."""

from dataclasses import dataclass

from django.urls import Resolver404, resolve
from django.utils import translation as i18n
from wagtail.models import Locale, Page

from eportal.translations.models import TranslationUpdate

# Added to the switch's link when it lands on a section instead of the page.
NO_TRANSLATION_PARAM = "ban-dich"
NO_TRANSLATION_VALUE = "chua-co"


@dataclass(frozen=True)
class Switch:
    url: str
    exact: bool  # False: the page has no version in that language, this is a section


def open_update(page) -> TranslationUpdate | None:
    """The open update of a translated page (its source changed since), or None."""
    if page is None or not getattr(page, "pk", None):
        return None
    return (
        TranslationUpdate.objects.filter(translation_id=page.pk, synced_at=None)
        .select_related("source")
        .first()
    )


def open_updates_for_pages(page_ids) -> dict[int, TranslationUpdate]:
    """Open updates keyed by translation page id (the admin's page listing)."""
    rows = TranslationUpdate.objects.filter(translation_id__in=page_ids, synced_at=None)
    return {row.translation_id: row for row in rows}


def _home_url(request, language: str) -> str:
    prefix = getattr(request, "portal_prefix", "") if request is not None else ""
    return f"{prefix}/en/" if language == "en" else f"{prefix}/"


def _with_notice(url: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}{NO_TRANSLATION_PARAM}={NO_TRANSLATION_VALUE}"


def _live_translation(page, locale):
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.live:
        return translation
    return None


def language_switch(request, page, language: str) -> Switch:
    """Where "English" / "Tiếng Việt" leads from this request: the page's
    translation (with the same sub-route of a routable page) when it is live,
    else its nearest section that has one, else that language's home, with a
    notice; a view that is not a page keeps its path, which both languages route."""
    if isinstance(page, Page) and page.pk:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            return Switch(_home_url(request, language), exact=False)
        if page.locale_id == locale.pk:
            return Switch(page.get_url(request) or _home_url(request, language), exact=True)
        translation = _live_translation(page, locale)
        if translation is not None:
            url = translation.get_url(request)
            if url:
                return Switch(url + _sub_route(request, page), exact=True)
        for ancestor in page.get_ancestors().filter(depth__gte=2).order_by("-depth"):
            translation = _live_translation(ancestor, locale)
            if translation is not None and translation.get_url(request):
                return Switch(_with_notice(translation.get_url(request)), exact=False)
        return Switch(_with_notice(_home_url(request, language)), exact=False)
    return _switch_view(request, language)


def _sub_route(request, page) -> str:
    """The part of the path after a routable page's own URL (``nop-ho-so/``…)."""
    if request is None:
        return ""
    own = page.get_url(request) or ""
    path = request.path
    own_path = own.split("://", 1)[-1]
    own_path = own_path[own_path.find("/") :] if "://" in own else own_path
    return path[len(own_path) :] if own_path and path.startswith(own_path) else ""


def _switch_view(request, language: str) -> Switch:
    if request is None:
        return Switch(_home_url(request, language), exact=False)
    path = request.path_info
    if path.startswith("/en/") or path == "/en":
        path = path[3:] or "/"
    target = "/en" + path if language == "en" else path
    try:
        # i18n_patterns match only the active language's prefix.
        with i18n.override(language):
            match = resolve(target)
    except Resolver404:
        return Switch(_with_notice(_home_url(request, language)), exact=False)
    if match.url_name == "wagtail_serve" or match.func.__module__.startswith("wagtail."):
        # A page path with no page here (a 404 page): the home, not another 404.
        return Switch(_with_notice(_home_url(request, language)), exact=False)
    prefix = getattr(request, "portal_prefix", "")
    return Switch(prefix + target, exact=True)
