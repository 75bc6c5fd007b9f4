"""Dossier statistics at a glance on a portal's home (see eportal/portals/home.py)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from eportal.core import clock
from eportal.dossiers import statistics
from eportal.portals import home
from eportal.procedures.models import ProcedureIndexPage


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: object


# (metric, label on the home): the figures a citizen reads at a glance.
FIGURES = [
    ("received", _("Hồ sơ tiếp nhận")),
    ("resolved", _("Hồ sơ đã giải quyết")),
    ("on_time_rate", _("Giải quyết đúng hạn (%)")),
    ("within", _("Đang giải quyết trong hạn")),
]


class DossierStatisticsBlock(home.HomeBlock):
    """This year's dossiers of the portal (of the province on the main portal),
    from the same report as the public statistics page (Art. 13.2)."""

    class Meta:
        label = _("Số liệu hồ sơ")
        icon = "table"
        template = "dossiers/home/statistics.html"
        default_heading = _("Kết quả giải quyết hồ sơ năm nay")
        default_count = len(FIGURES)

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        today = clock.today()
        report = statistics.build_report(
            start=today.replace(month=1, day=1), end=today, portal=portal
        )
        if not report.totals["received"] and not report.totals["resolved"]:
            return []
        return [
            Figure(key, label, report.totals[key])
            for key, label in FIGURES
            if report.totals.get(key) is not None
        ][:limit]

    def item_key(self, item) -> str:
        return f"statistic:{item.key}"

    def extra_context(self, value, request, portal, items):
        index = home.section_of(ProcedureIndexPage, portal)
        return {
            "more_url": f"{index.get_url(request)}thong-ke/" if index else "",
            "as_of": clock.today(),
        }


home.register("dossier_statistics", DossierStatisticsBlock(), order=80, default={"title": ""})
