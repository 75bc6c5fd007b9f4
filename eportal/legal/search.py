"""The legal-document search tool: one filter form and one query for pages and the API."""

from __future__ import annotations

from django import forms
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from eportal.legal.models import FORM_CHOICES, LegalDocumentPage, LegalField, Status
from eportal.legal.numbers import number_key
from eportal.vntext import fold

PAGE_SIZE = 20
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
            issuers = (
                LegalDocumentPage.objects.live()
                .order_by("issuer_key")
                .values_list("issuer_key", "issuer")
                .distinct()
            )
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


def scope(portal):
    """Documents that a portal lists: all on the main portal; its own and those that govern it."""
    documents = LegalDocumentPage.objects.live()
    if portal is None or portal.is_main:
        return documents
    return documents.filter(Q(portal=portal) | Q(governed_portals__portal=portal)).distinct()


def filter_documents(documents, data: dict):
    """Apply cleaned filters to a queryset of documents and order it."""
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
    query = (data.get("q") or "").strip()
    folded = fold(query)
    if folded:
        key = number_key(query)
        terms = folded.split()
        matches = Q(number_key=key)
        term_match = Q()
        for term in terms:
            term_match &= Q(search_text__contains=term)
        documents = documents.filter(matches | term_match)
        documents = documents.annotate(
            relevance=Case(When(number_key=key, then=Value(100)), default=Value(0))
            + Case(When(title__icontains=query, then=Value(20)), default=Value(0))
            + Case(When(summary__icontains=query, then=Value(10)), default=Value(0))
            + Case(When(search_text__contains=folded, then=Value(5)), default=Value(0))
            + Case(When(body__icontains=query, then=Value(2)), default=Value(0)),
        )
        # relevance: exact number first, then accents matched exactly, then folded matches.
        if data.get("sort") == "relevance":
            return documents.order_by("-relevance", "-issued", "-pk")
    return documents.order_by("-issued", "-pk")


def for_listing(documents):
    """Fetch what a list shows in one query (the full text stays in the database)."""
    return documents.select_related("portal", "sector").defer("body", "search_text")
