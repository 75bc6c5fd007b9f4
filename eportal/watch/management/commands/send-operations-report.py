"""``eportal send-operations-report``: mail the previous month's operations
report of every portal (XLSX and PDF of each attached, made by the worker) to the Department.
Idempotent: a month already sent is not sent again (run daily)."""

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from eportal.core import clock, mail
from eportal.portals.models import Portal
from eportal.watch import reports
from eportal.watch.models import OperationsReportSent
from eportal.watch.services import department_addresses


class Command(BaseCommand):
    help = "Mail last month's operations report to the Department, once per month."

    def handle(self, *args, **options):
        period = reports.previous_month(clock.today())
        if OperationsReportSent.objects.filter(period=period.label).exists():
            self.stdout.write(f"Báo cáo {period.title} đã gửi.")
            return
        portals = list(Portal.objects.order_by("pk"))
        try:
            with transaction.atomic():
                OperationsReportSent.objects.create(period=period.label)
                lines = []
                for portal in portals:
                    report = reports.operations_report(portal, period)
                    lines.append(f"\n{portal}")
                    lines += [f"  {label}: {value}" for label, value in report.rows()]
                mail.send(
                    department_addresses(),
                    subject=_("Báo cáo vận hành cổng thông tin điện tử — %(period)s")
                    % {"period": period.title},
                    body=_("Số liệu vận hành các cổng (chi tiết trong tệp đính kèm):")
                    + "\n"
                    + "\n".join(lines),
                    attachments=(
                        "eportal.watch.reports.mail_attachments",
                        [[p.pk for p in portals], period.label],
                    ),
                )
        except IntegrityError:  # a concurrent run sent it
            return
        self.stdout.write(self.style.SUCCESS(f"Đã gửi báo cáo vận hành {period.title}."))
