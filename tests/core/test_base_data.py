import pytest
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page

from eportal.workdays.models import DeadlineRule


@pytest.mark.django_db(transaction=True)
def test_it_restores_base_data_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"vi", "en"}
    assert Page.objects.filter(depth=1).count() == 1
    assert Collection.objects.filter(depth=1).count() == 1
    assert DeadlineRule.objects.get(code="qa-answer").working_days == 15
