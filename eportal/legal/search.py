"""The legal-document search tool: one filter form and one query for pages and the API."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from eportal.core.pagination import group_thousands
from eportal.legal.models import (
    FORM_CHOICES,
    GovernedPortal,
    LegalDocumentPage,
    LegalField,
    LegalIssuer,
    Status,
)
from eportal.legal.numbers import number_key
from eportal.search import scoped
from eportal.search.models import Kind

PAGE_SIZE = 20
# Lists count at most this many matches ("hơn 1.000 văn bản"): an exact
# count of a broad search reads every matching row on every request. Measured
# at 100,000 documents on PostgreSQL (tests/bench/bench_legal_lists.py),
# counting to 10,000 cost 40-80 ms per broad keyword search, to 1,000 under
# 20 ms. Relevance ranks at most as many matches (see find()).
COUNT_LIMIT = scoped.RANK_BOUND
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]


class LegalSearchForm(forms.Form):
    """The filters of the search tool; every one is optional."""

    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    form = forms.ChoiceField(label=_("Hình thức"), required=False)
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    year = forms.IntegerField(
        label=_("Năm ban hành"),
        required=False,
        min_value=1945,
        max_value=2100,
        error_messages={"invalid": _("Năm ban hành phải là một số, ví dụ 2014.")},
    )
    status = forms.ChoiceField(label=_("Tình trạng hiệu lực"), required=False)
    issued_from = forms.DateField(
        label=_("Ban hành từ ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
    )
    issued_to = forms.DateField(
        label=_("Ban hành đến ngày"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
    )
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("date", _("Ngày ban hành mới nhất")), ("relevance", _("Phù hợp nhất"))],
    )

    def __init__(self, data=None, *, issuers=None, **kwargs):
        super().__init__(data, **kwargs)
        invalid = _("“%(value)s” không phải là một lựa chọn hợp lệ.")
        self.fields["form"].choices = [("", _("Tất cả"))] + FORM_CHOICES
        self.fields["status"].choices = [("", _("Tất cả"))] + list(Status.choices)
        self.fields["field"].choices = [("", _("Tất cả"))] + list(
            LegalField.objects.values_list("slug", "name")
        )
        if issuers is None:
            issuers = issuer_choices()
        seen = {}
        for key, name in issuers:
            seen.setdefault(key, name)
        self.fields["issuer"].choices = [("", _("Tất cả"))] + list(seen.items())
        for name in ("form", "issuer", "field", "status", "sort"):
            self.fields[name].error_messages["invalid_choice"] = invalid

    def clean(self):
        data = super().clean()
        start, end = data.get("issued_from"), data.get("issued_to")
        if start and end and start > end:
            self.add_error("issued_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


def filter_query(params) -> str:
    """The "?…" of the search tool's filters given in ``params`` (a feed's address), or ""."""
    given = {k: v for k, v in params.items() if k in LegalSearchForm.base_fields and v}
    return f"?{urlencode(given)}" if given else ""


def issuer_choices():
    """(key, name) of every issuer with a live document, from the issuer table."""
    return LegalIssuer.objects.filter(document_count__gt=0).values_list("key", "name")


def scope(portal):
    """Documents that a portal lists: all on the main portal; its own and those that govern it."""
    documents = LegalDocumentPage.objects.live()
    if portal is None or portal.is_main:
        return documents
    # EXISTS rather than a join with DISTINCT: the join made PostgreSQL read
    # and de-duplicate every document before it could sort the first page;
    # with EXISTS it walks the date index and stops at the page's last row.
    governs = GovernedPortal.objects.filter(portal=portal, page=OuterRef("pk"))
    return documents.filter(Q(portal=portal) | Exists(governs))


def gazette_scope(portal) -> Q:
    """Gazette issues that a portal lists: every portal's on the main portal, else its own."""
    if portal is None or portal.is_main:
        return Q()
    return Q(portal=portal)


@dataclass
class Found:
    """Documents that match, in the order shown, and why that is not the one asked for."""

    documents: QuerySet
    sorted_by: str = "date"
    note: str = ""
    # The keyword as the reader probably meant it, when what was typed found
    # (almost) nothing and its correction finds more.
    corrected: str = ""
    # How many documents were ranked (the pager need not count them again).
    counted: int | None = None


def filter_documents(documents, data: dict):
    """Apply cleaned filters to a queryset of documents and order it."""
    return find(documents, data).documents


def find(documents, data: dict) -> Found:
    """Apply cleaned filters to a queryset of documents and order it.

    The keyword is matched by the search engine (``search.scoped``).
    Relevance ranks at most COUNT_LIMIT matches: with more (a common word
    alone) the newest come first, with a note.
    """
    if data.get("form"):
        documents = documents.filter(form=data["form"])
    if data.get("issuer"):
        documents = documents.filter(issuer_key=data["issuer"])
    if data.get("field"):
        documents = documents.filter(sector__slug=data["field"])
    if data.get("year"):
        documents = documents.filter(year=data["year"])
    if data.get("status"):
        documents = documents.filter(status=data["status"])
    if data.get("issued_from"):
        documents = documents.filter(issued__gte=data["issued_from"])
    if data.get("issued_to"):
        documents = documents.filter(issued__lte=data["issued_to"])
    note = ""
    query = (data.get("q") or "").strip()
    matches = scoped.search(query, kind=Kind.LEGAL)
    if not matches.is_empty:
        # The site search's matching (accents, synonyms, spellings, typos;
        # a number's words, its leading zero optional); by relevance the
        # document with the very number typed comes first.
        exact = Q(number_key=number_key(query))
        documents = matches.restrict(documents)
        if data.get("sort") == "relevance":
            ranked = matches.ranked(documents, first=exact, limit=COUNT_LIMIT)
            if ranked is not None:
                return Found(ranked.rows, "relevance", "", matches.corrected, ranked.count)
            note = _(
                "Có hơn %(n)s văn bản phù hợp nên kết quả được xếp theo ngày ban hành; "
                "hãy thêm điều kiện tra cứu để xếp theo mức độ phù hợp."
            ) % {"n": group_thousands(COUNT_LIMIT)}
        return Found(
            matches.in_order(documents, "-issued", "-page_ptr_id"), "date", note, matches.corrected
        )
    # page_ptr_id, not pk: "pk" sorts by wagtailcore_page.id, which no index of
    # this table is in, so the database would sort every match.
    return Found(documents.order_by("-issued", "-page_ptr_id"), "date", note)


def for_listing(documents):
    """Fetch what a list shows in one query (the full text stays in the database)."""
    return documents.select_related("portal", "sector").defer("body")
