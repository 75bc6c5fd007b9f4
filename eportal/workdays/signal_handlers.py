"""Keep every process's cached calendar in step with the overrides table."""

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from eportal.workdays import services
from eportal.workdays.models import CalendarOverride


@receiver(post_save, sender=CalendarOverride)
@receiver(post_delete, sender=CalendarOverride)
def calendar_override_changed(sender, **kwargs):
    # Now, so this process (which sees its own uncommitted write) is current;
    # and again on commit, so that no other process rebuilt from the old rows
    # in between.
    services.invalidate_calendar()
    transaction.on_commit(services.invalidate_calendar)


@receiver(post_migrate)
def ensure_deadline_rules(sender, using="default", **kwargs):
    """Put the Art. 12 rules back where a database was emptied without migrating
    (a test server's flush); migrations seed them on a new database."""
    if sender.name != "eportal.workdays":
        return
    from eportal.workdays.models import DeadlineRule
    from eportal.workdays.rules import DEADLINE_RULES

    for rule in DEADLINE_RULES:
        DeadlineRule.objects.using(using).get_or_create(
            code=rule.code,
            defaults={
                "name": rule.name,
                "working_days": rule.working_days,
                "starts_on": rule.starts_on,
            },
        )
