"""One way to page an API list: ``?page=N&page_size=M`` (django-ninja's
page-number names), the same rules and the same envelope fields everywhere.

A list endpoint takes ``PageQuery`` (or a filter schema derived from it) and
returns ``page_of(items, query)``: ``count`` (all matches), ``page``,
``pages``, ``page_size``, ``message`` (why a page is empty, in Vietnamese)
and ``items`` (that page only). Out-of-range values of ``page_size`` or a
``page`` below 1 are refused with 422 like every other bad parameter; a page
past the end is an empty list with a message, never an error.

A long list may pass ``count_limit=N`` (see ``core.pagination.Pager``): then
``count`` is exact up to N and N ("at least N") beyond, ``pages`` likewise,
and ``count_exact`` says which; an endpoint that does so declares
``count_exact`` in its schema and says it in its description.
"""

from ninja import Field, Schema

from eportal.core.pagination import Pager

MAX_PAGE = 10**9


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="số trang, từ 1")
    page_size: int = Field(20, ge=1, le=100, description="số mục mỗi trang (1–100)")


class PageMeta(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    message: str = ""


def page_of(
    items, query: PageQuery, convert=lambda item: item, *, count_limit=None, counted=None
) -> dict:
    """The page ``query`` asks for of ``items`` (a queryset or a list), each item
    passed through ``convert``; counts once (at most ``count_limit`` + 1 rows if
    given, or not at all when the caller already counted: ``counted``, see
    ``Pager``), fetches only that page."""
    pager = Pager(items, query.page, query.page_size, count_limit=count_limit, counted=counted)
    return {
        "count": pager.count,
        "count_exact": pager.count_exact,
        "page": pager.number,
        "pages": pager.num_pages,
        "page_size": query.page_size,
        "message": pager.message,
        "items": [convert(item) for item in pager.items],
    }
