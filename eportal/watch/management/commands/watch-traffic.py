"""``eportal watch-traffic``: hand this process's counts over, add the page
views nginx served from its cache (its access log, ``watch.access_log``) and
apply the spike rule (``watch.traffic``). Idempotent: an open spike alert is
updated, not mailed again; a log line is counted once. Run every 10 minutes
(deploy/eportal-traffic.timer)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from eportal.watch import access_log, traffic


class Command(BaseCommand):
    help = "Flush counted page views, read nginx's cache hits and raise an alert on a spike."

    def add_arguments(self, parser):
        parser.add_argument(
            "--nginx-log",
            default=None,
            help="nginx access log in the eportal_traffic format "
            "(default: EPORTAL_NGINX_TRAFFIC_LOG; empty: none)",
        )

    def handle(self, *args, nginx_log=None, **options):
        traffic.flush()
        log = settings.EPORTAL_NGINX_TRAFFIC_LOG if nginx_log is None else nginx_log
        if log:
            try:
                views, skipped = access_log.ingest(log)
            except OSError as error:
                raise CommandError(f"Không đọc được nhật ký truy cập {log}: {error}") from error
            self.stdout.write(
                f"Lượt xem từ bộ nhớ đệm nginx: {views} (dòng không đọc được: {skipped})."
            )
        alerts = traffic.detect_spikes()
        for alert in alerts:
            self.stdout.write(alert.title)
        self.stdout.write(self.style.SUCCESS(f"Đột biến lưu lượng: {len(alerts)}."))
