"""One way to page a public list: ``?trang=N`` on every page.

``Pager`` reads the page number from the request (``trang``; ``page``, the
name some wave-1 pages used, still answers so old links keep working), never
fails on a bad number — it shows page 1 with a message, and a page past the end
is empty with a message — and builds the links to the previous and next pages
keeping the other parameters (filters, search words). Templates render it with
``{% include "includes/pagination.html" with pager=… %}``.

A list that can be very long passes ``count_limit=N``: the pager then counts
at most N + 1 rows (``SELECT COUNT(*) FROM (… LIMIT N + 1)``) instead of all
of them. When more match, ``count_exact`` is False, ``count`` is N ("more than
N") and ``num_pages`` the pages those N fill; every page up to there, and the
ones after it (the limit grows to cover the page asked for), still answer.
"""

from math import ceil

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

PAGE_PARAM = "trang"
LEGACY_PAGE_PARAMS = ("page",)
# The first pages of a plain list are what most visitors open; those are kept
# rendered (``shared_page_number``), the rest are rendered for each request.
SHARED_PAGES = 5


def page_param(query) -> str:
    """The page number asked for in a query dict (``trang``, else a legacy name)."""
    for name in (PAGE_PARAM, *LEGACY_PAGE_PARAMS):
        value = query.get(name)
        if value not in (None, ""):
            return value
    return ""


def shared_page_number(query) -> int | None:
    """The page number of a plain list request, one that many visitors make
    alike: no parameter but the page number, one of the first SHARED_PAGES.
    None for a filtered or searched list, a page far down or a bad number."""
    names = set(query.keys())
    if not names:
        return 1
    if len(names) > 1 or not names <= {PAGE_PARAM, *LEGACY_PAGE_PARAMS}:
        return None
    raw = page_param(query)
    if not raw.isdigit() or not 1 <= int(raw) <= SHARED_PAGES:
        return None
    return int(raw)


class Pager:
    """A page of ``items`` for the number in ``raw_number`` (a string from the URL)."""

    def __init__(
        self, items, raw_number, per_page: int, *, query=None, count_limit=None, counted=None
    ):
        """``counted``: the caller already counted ``items`` up to ``count_limit`` + 1
        (a search that had to know whether there are more): it is not counted again."""
        self.paginator = Paginator(items, per_page)
        self.message = ""
        self._query = query
        invalid = _("Số trang không hợp lệ; đang hiển thị trang 1.")
        try:
            number = int(raw_number or 1)
        except (TypeError, ValueError):
            number, self.message = 1, str(invalid)
        if number < 1:
            number, self.message = 1, str(invalid)
        self.number = number
        self.count_exact = True
        if count_limit is not None:
            limit = max(count_limit, number * per_page)
            if counted is not None and limit == count_limit:
                self.count_exact = counted <= limit
                self.paginator.count = counted
            else:
                self._count_at_most(items, limit, per_page)
        self.count = self.paginator.count
        self.num_pages = self.paginator.num_pages
        if not self.count_exact:
            # paginator.count is limit + 1 (so that the page after is there);
            # what is shown is "more than limit".
            self.count = self.paginator.count - 1
            self.num_pages = max(ceil(self.count / per_page), 1)
        if number > max(self.num_pages, 1):
            self.page = None
            self.items = []
            self.message = _("Không có trang %(n)s: kết quả chỉ có %(pages)s trang.") % {
                "n": number,
                "pages": self.num_pages,
            }
        else:
            self.page = self.paginator.page(number)
            self.items = list(self.page.object_list)

    def _count_at_most(self, items, limit: int, per_page: int) -> None:
        """Count up to ``limit`` + 1 items and give the paginator that count."""
        if isinstance(items, QuerySet) and not items.query.combinator and items._fields is None:
            # The order, the joins and the computed columns for display do not
            # change how many rows there are; without them the database can
            # stop at limit + 1 without computing or sorting anything.
            items = items.order_by().select_related(None).values("pk")
        first = items[: limit + 1]
        counted = first.count() if isinstance(first, QuerySet) else len(first)
        self.count_exact = counted <= limit
        self.paginator.count = counted  # a cached_property: set it, do not count again

    @classmethod
    def for_request(cls, request, items, per_page: int, *, count_limit=None, counted=None):
        return cls(
            items,
            page_param(request.GET),
            per_page,
            query=request.GET,
            count_limit=count_limit,
            counted=counted,
        )

    @classmethod
    def lazy_for_request(cls, request, build_items, per_page: int, **kwargs):
        """``for_request`` on what ``build_items()`` returns, built, counted and
        fetched only when a template first uses it: not at all when the list
        is served already rendered (even building a queryset takes a while)."""
        return SimpleLazyObject(lambda: cls.for_request(request, build_items(), per_page, **kwargs))

    @property
    def count_display(self) -> str:
        """The count in thousands with the language's separator ("10.000" in Vietnamese)."""
        return group_thousands(self.count)

    def __iter__(self):
        return iter(self.items)

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    @property
    def has_previous(self) -> bool:
        return self.page is not None and self.page.has_previous()

    @property
    def has_next(self) -> bool:
        return self.page is not None and self.page.has_next()

    def url_for(self, number: int) -> str:
        """``?…&trang=number`` with the request's other parameters kept."""
        query = self._query.copy() if self._query is not None else None
        if query is None:
            return f"?{PAGE_PARAM}={number}"
        for name in (PAGE_PARAM, *LEGACY_PAGE_PARAMS):
            query.pop(name, None)
        if number > 1:
            query[PAGE_PARAM] = str(number)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def previous_url(self) -> str:
        return self.url_for(self.number - 1) if self.has_previous else ""

    @property
    def next_url(self) -> str:
        return self.url_for(self.number + 1) if self.has_next else ""


def group_thousands(number: int) -> str:
    """``10000`` → "10.000" in Vietnamese, "10,000" in English (Django's
    ``number_format`` groups only where a language sets ``NUMBER_GROUPING``)."""
    return numberformat.format(
        number,
        get_format("DECIMAL_SEPARATOR"),
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
