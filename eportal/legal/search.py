"""The legal-document search tool: one filter form and one query for pages and the API."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
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
from eportal.vntext import fold

PAGE_SIZE = 20
# Lists count at most this many matches ("hơn 1.000 văn bản"): an exact
# count of a broad search reads every matching row on every request. Measured
# at 100,000 documents on PostgreSQL (tests/bench/bench_legal_lists.py),
# counting to 10,000 cost 40-80 ms per broad keyword search, to 1,000 under
# 20 ms. Relevance ranks at most as many matches (see find()).
COUNT_LIMIT = 1_000
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
    # The matches counted up to COUNT_LIMIT + 1 when ranking had to know it
    # (for the pager, which then does not count them again); None otherwise.
    counted: int | None = None


def filter_documents(documents, data: dict):
    """Apply cleaned filters to a queryset of documents and order it."""
    return find(documents, data).documents


def find(documents, data: dict) -> Found:
    """Apply cleaned filters to a queryset of documents and order it.

    Relevance ranks at most COUNT_LIMIT matches: ranking reads every match,
    so with more (a common word alone) the newest come first, with a note.
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
    folded = fold(query)
    if folded:
        key = number_key(query)
        terms = folded.split()
        matches = Q(number_key=key)
        term_match = Q()
        for term in terms:
            term_match &= Q(search_text__contains=term)
        # On PostgreSQL each LIKE reads the trigram index on search_text.
        documents = documents.filter(matches | term_match)
        if data.get("sort") == "relevance":
            # One bounded count serves the decision and the pager's count.
            counted = documents.order_by().values("pk")[: COUNT_LIMIT + 1].count()
            if counted > COUNT_LIMIT:
                note = _(
                    "Có hơn %(n)s văn bản phù hợp nên kết quả được xếp theo ngày ban hành; "
                    "hãy thêm điều kiện tra cứu để xếp theo mức độ phù hợp."
                ) % {"n": group_thousands(COUNT_LIMIT)}
            else:
                # Exact number first, then accents matched exactly in the
                # title or summary, then the phrase folded in the trích yếu
                # (name_key). The full text is not read again: every match
                # holds every word, and reading a thousand full texts a
                # second time cost more than the rest of the page.
                documents = documents.annotate(
                    relevance=Case(When(number_key=key, then=Value(100)), default=Value(0))
                    + Case(When(title__icontains=query, then=Value(20)), default=Value(0))
                    + Case(When(summary__icontains=query, then=Value(10)), default=Value(0))
                    + Case(When(name_key__contains=folded, then=Value(5)), default=Value(0)),
                )
                return Found(
                    documents.order_by("-relevance", "-issued", "-page_ptr_id"),
                    "relevance",
                    counted=counted,
                )
            return Found(documents.order_by("-issued", "-page_ptr_id"), "date", note, counted)
    # page_ptr_id, not pk: "pk" sorts by wagtailcore_page.id, which no index of
    # this table is in, so the database would sort every match.
    return Found(documents.order_by("-issued", "-page_ptr_id"), "date", note)


def for_listing(documents):
    """Fetch what a list shows in one query (the full text stays in the database)."""
    return documents.select_related("portal", "sector").defer("body", "search_text")
