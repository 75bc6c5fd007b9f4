"""Demo traffic: 30 days of page views for each portal, with the day a storm
warning (bão số 9) drew the province to the main portal, so the traffic
dashboard and the operations report are alive. Seeded once: a portal that
already has counts keeps them."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from eportal.core import clock
from eportal.portals.models import Portal
from eportal.watch.models import PageViewDay, TrafficMinute

DAYS = 30
STORM_DAY = 6  # days ago
PAGES = [
    ("/", 0.34),
    ("/tin-tuc/", 0.18),
    ("/thu-tuc/", 0.14),
    ("/van-ban/", 0.12),
    ("/hoi-dap/", 0.08),
    ("/gop-y/", 0.05),
    ("/gioi-thieu/", 0.04),
    ("/lien-he/", 0.05),
]
# The directive on heavy rain and flooding (demo/news.py), read by everyone on the storm day.
STORM_PAGE = "/tin-tuc/chi-dao/chi-dao-phong-chong-bao-lu/"
#: Views per day of an ordinary weekday.
DAILY = {"www": 9000}
SHAPE = [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 1.8, 2.2, 2.0, 1.8, 1.5]  # 00h–11h
SHAPE += [1.1, 1.2, 1.7, 1.9, 1.8, 1.5, 1.2, 1.1, 1.0, 0.8, 0.5, 0.3]  # 12h–23h


def _histogram(rng, views, slow=1.0):
    weights = [0.35, 0.3, 0.18, 0.1, 0.04 * slow, 0.02 * slow, 0.008 * slow, 0.002 * slow]
    out = [0] * len(weights)
    for _ in range(min(views, 200)):
        out[rng.choices(range(len(weights)), weights)[0]] += 1
    scale = views / max(sum(out), 1)
    return [round(n * scale) for n in out]


def load(report):
    today = clock.today()
    for portal in Portal.objects.order_by("pk"):
        if PageViewDay.objects.filter(portal=portal).exists():
            report.count(created=False)
            continue
        rng = random.Random(portal.slug)
        daily = DAILY.get(portal.slug, 1800)
        days, minutes = [], []
        for ago in range(DAYS, -1, -1):
            day = today - timedelta(days=ago)
            total = daily * (0.45 if day.weekday() >= 5 else 1.0) * rng.uniform(0.9, 1.1)
            storm = ago == STORM_DAY
            if storm:
                total *= 5 if portal.is_main else 1.6
            for path, share in PAGES:
                days.append(
                    PageViewDay(portal=portal, path=path, day=day, views=round(total * share))
                )
            if storm:
                days.append(
                    PageViewDay(portal=portal, path=STORM_PAGE, day=day, views=round(total * 0.5))
                )
            start = timezone.make_aware(datetime.combine(day, time.min))
            for slot in range(0, 24 * 12):  # one row per 5 minutes
                moment = start + timedelta(minutes=5 * slot)
                if moment > clock.now():
                    break
                views = round(total * SHAPE[slot // 12] / 24 / 12 * rng.uniform(0.7, 1.3))
                slow = 4.0 if storm and 8 <= slot // 12 <= 11 else 1.0
                minutes.append(
                    TrafficMinute(
                        portal=portal,
                        minute=moment,
                        views=views,
                        durations=_histogram(rng, views, slow),
                    )
                )
        PageViewDay.objects.bulk_create(days, batch_size=500)
        TrafficMinute.objects.bulk_create(minutes, batch_size=1000)
        report.count(created=True)
