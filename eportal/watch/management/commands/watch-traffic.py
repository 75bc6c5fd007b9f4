"""``eportal watch-traffic``: hand this process's counts over and apply the
spike rule (``watch.traffic``). Idempotent: an open spike alert is updated,
not mailed again. Run every 10 minutes (deploy/eportal-traffic.timer)."""

from django.core.management.base import BaseCommand

from eportal.watch import traffic


class Command(BaseCommand):
    help = "Flush counted page views and raise an alert on a traffic spike."

    def handle(self, *args, **options):
        traffic.flush()
        alerts = traffic.detect_spikes()
        for alert in alerts:
            self.stdout.write(alert.title)
        self.stdout.write(self.style.SUCCESS(f"Đột biến lưu lượng: {len(alerts)}."))
