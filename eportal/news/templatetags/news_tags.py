from django import template

from eportal.news import queries
from eportal.news.models import NewsIndexPage

register = template.Library()


@register.inclusion_tag("news/latest_news.html", takes_context=True)
def latest_news(context, count=6):
    """The portal's latest articles (on the main portal with syndicated ones)."""
    request = context.get("request")
    portal = getattr(request, "portal", None)
    if portal is None:
        return {"articles": [], "portal": None}
    index = NewsIndexPage.objects.live().child_of(portal.site.root_page).first()
    articles = list(queries.latest_articles(portal, within=index)[:count])
    return {
        "articles": articles,
        "portal": portal,
        "request": request,
        "index_url": index.get_url(request) if index else "",
    }
