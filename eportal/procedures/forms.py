"""The catalogue's filter: one form behind the ``/thu-tuc/`` page and the
``/api/v1/procedures`` list, so both accept and refuse the same values."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from eportal.portals.models import Agency
from eportal.procedures.models import Level, OnlineLevel
from eportal.search import scoped
from eportal.search.models import Kind

# Values of ``online``: any online service, none, or one level of Nghị định 42/2022.
ONLINE_ANY = ("co", "true", "1")
ONLINE_NONE = ("khong", "false", "0")

# The page's query names (public URLs, Vietnamese) → the form's fields (the API's names).
PAGE_PARAMS = {
    "q": "q",
    "linh_vuc": "sector",
    "co_quan": "agency",
    "cap": "level",
    "truc_tuyen": "online",
}


class ProcedureFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    sector = forms.CharField(label=_("Lĩnh vực"), required=False, max_length=255)
    agency = forms.CharField(label=_("Cơ quan thực hiện"), required=False, max_length=255)
    level = forms.CharField(label=_("Cấp thực hiện"), required=False, max_length=20)
    online = forms.CharField(label=_("Dịch vụ trực tuyến"), required=False, max_length=20)

    @classmethod
    def from_page(cls, params) -> ProcedureFilterForm:
        """The form of the public page's query (``?linh_vuc=…&co_quan=…``)."""
        return cls({field: params.get(name, "") for name, field in PAGE_PARAMS.items()})

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def clean_sector(self):
        return self.cleaned_data["sector"].strip()

    def clean_agency(self):
        """An agency by its number, or (in the API) by its exact name."""
        value = self.cleaned_data["agency"].strip()
        if not value:
            return None
        agencies = Agency.objects.filter(pk=int(value)) if value.isdigit() else None
        if agencies is None:
            agencies = Agency.objects.filter(name=value)
        agency = agencies.only("pk").first()
        if agency is None:
            raise forms.ValidationError(_("Không có cơ quan này."), code="unknown_agency")
        return agency.pk

    def clean_level(self):
        value = self.cleaned_data["level"].strip()
        if value and value not in Level.values:
            raise forms.ValidationError(_("Cấp thực hiện không hợp lệ."), code="invalid_level")
        return value

    def clean_online(self):
        value = self.cleaned_data["online"].strip().lower()
        allowed = set(ONLINE_ANY) | set(ONLINE_NONE) | {v for v in OnlineLevel.values if v}
        if value and value not in allowed:
            raise forms.ValidationError(
                _("Giá trị dịch vụ trực tuyến không hợp lệ."), code="invalid_online"
            )
        return value

    def apply(self, procedures):
        """Narrow ``procedures`` by every filter that is valid (a page shows the
        errors of the others; the API refuses them)."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("sector"):
            procedures = procedures.filter(sector=data["sector"])
        if data.get("agency"):
            procedures = procedures.filter(agency_id=data["agency"])
        if data.get("level"):
            procedures = procedures.filter(level=data["level"])
        online = data.get("online")
        if online in ONLINE_ANY:
            procedures = procedures.exclude(online_level="")
        elif online in ONLINE_NONE:
            procedures = procedures.filter(online_level="")
        elif online:
            procedures = procedures.filter(online_level=online)
        procedures = procedures.order_by("sector", "title")
        # The keyword as the site search reads it (accents, abbreviations such
        # as GPXD, spellings, typos), best first.
        matches = scoped.search(data.get("q", ""), kind=Kind.PROCEDURE)
        if matches.is_empty:
            return procedures
        procedures = matches.restrict(procedures)
        ranked = matches.ranked(procedures)
        return procedures if ranked is None else ranked.rows
