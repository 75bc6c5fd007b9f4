"""Seed the 2026 day swaps that the `holidays` package (0.109) does not hold.

The package already holds Tết 2026 (16–20/02) and the National Day swap
(Monday 31/08 off, Saturday 22/08 worked). It lacks the New Year swap:
Văn phòng Chính phủ, Công văn 12729/VPCP-KGVX ngày 25/12/2025 (the Deputy
Prime Minister approved the Ministry of Home Affairs' proposal): civil servants
are off from Thursday 01/01 to Sunday 04/01/2026, and Friday 02/01/2026 is
worked on Saturday 10/01/2026.
"""

import datetime

from django.db import migrations

SOURCE = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"
OVERRIDES = [
    (
        datetime.date(2026, 1, 2),
        "day_off",
        f"Nghỉ Tết Dương lịch 2026, hoán đổi sang thứ Bảy 10/01/2026 ({SOURCE})",
    ),
    (
        datetime.date(2026, 1, 10),
        "working_day",
        f"Làm bù cho ngày nghỉ thứ Sáu 02/01/2026 ({SOURCE})",
    ),
]


def seed(apps, schema_editor):
    CalendarOverride = apps.get_model("workdays", "CalendarOverride")
    for day, kind, reason in OVERRIDES:
        # An administrator may have entered the day already: theirs stands.
        CalendarOverride.objects.get_or_create(date=day, defaults={"kind": kind, "reason": reason})


def unseed(apps, schema_editor):
    CalendarOverride = apps.get_model("workdays", "CalendarOverride")
    for day, kind, reason in OVERRIDES:
        CalendarOverride.objects.filter(date=day, kind=kind, reason=reason).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0002_seed_deadline_rules")]

    operations = [migrations.RunPython(seed, unseed)]
