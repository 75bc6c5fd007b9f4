"""Keep every process's cached calendar in step with the overrides table."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
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
