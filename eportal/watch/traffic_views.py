"""The traffic dashboard (/admin/watch/traffic/): views per day of the last
30 days as a server-drawn SVG bar chart, top pages, response times."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone

from eportal.core import clock
from eportal.portals import access
from eportal.watch import traffic
from eportal.watch.charts import bar_chart
from eportal.watch.models import PageViewDay, TrafficMinute

DAYS = 30


def traffic_dashboard(request):
    access.require(request.user, "watch.view")
    portals = list(access.portals(request.user, "watch.view").order_by("pk"))
    chosen = request.GET.get("portal", "")
    portal = next((p for p in portals if str(p.pk) == chosen), portals[0] if portals else None)
    context = {"portals": portals, "portal": portal}
    if portal is not None:
        end = clock.today()
        start = end - timedelta(days=DAYS - 1)
        per_day = dict(
            PageViewDay.objects.filter(portal=portal, day__gte=start, day__lte=end)
            .values_list("day")
            .annotate(n=Sum("views"))
            .values_list("day", "n")
        )
        days = [start + timedelta(days=i) for i in range(DAYS)]
        context["chart"] = bar_chart([(f"{d:%d/%m}", per_day.get(d, 0)) for d in days])
        context["total"] = sum(per_day.values())
        context["top_pages"] = (
            PageViewDay.objects.filter(portal=portal, day__gte=start, day__lte=end)
            .values("path")
            .annotate(n=Sum("views"))
            .order_by("-n", "path")[:20]
        )
        histograms = defaultdict(list)
        since = timezone.make_aware(timezone.datetime.combine(start, timezone.datetime.min.time()))
        for minute, hist in TrafficMinute.objects.filter(
            portal=portal, minute__gte=since
        ).values_list("minute", "durations"):
            day = timezone.localdate(minute)
            acc = histograms[day]
            if len(acc) < len(hist):
                acc.extend([0] * (len(hist) - len(acc)))
            for i, n in enumerate(hist):
                acc[i] += n
        context["response_times"] = [
            {
                "day": d,
                "p50": traffic.percentile(histograms[d], 0.5),
                "p95": traffic.percentile(histograms[d], 0.95),
            }
            for d in reversed(days)
            if histograms.get(d)
        ]
    return TemplateResponse(request, "watch/admin/traffic.html", context)
