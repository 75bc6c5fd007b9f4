"""A published change of a Vietnamese page marks its English version outdated
and opens an Art. 12 item ("cập nhật bản tiếng Anh") on the board's dashboard;
publishing the English version clears both."""

from django.utils import timezone

from eportal.translations.models import TranslationUpdate
from eportal.workdays.models import Deadline
from eportal.workdays.services import calendar
from tests.translations.helpers import host, translated_procedure


def _change(page, **fields):
    page.refresh_from_db()
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_it_leaves_a_fresh_translation_and_an_unchanged_republish_alone(province):
    page, translation = translated_procedure(province["sotttt"])
    _change(page)  # published again, same text

    assert not TranslationUpdate.objects.filter(translation=translation).exists()
    assert Deadline.objects.filter(rule__code="english-update").count() == 0


def test_it_marks_the_english_version_outdated_with_an_art12_deadline(client, province, board):
    portal = province["sotttt"]
    page, translation = translated_procedure(portal)

    _change(page, fees="5.000.000 đồng")
    _change(page, fees="6.000.000 đồng")  # a second change keeps the first clock

    update = TranslationUpdate.objects.get(translation=translation, synced_at=None)
    deadline = Deadline.objects.get(rule__code="english-update", object_id=str(update.pk))
    today = timezone.localdate()
    assert deadline.portal == portal and deadline.started_on == today
    assert deadline.due_date == calendar().add_working_days(today, 5)
    english_page = client.get(translation.relative_url(page.get_site()), **host(page)).text
    assert "older than the Vietnamese version" in english_page
    client.force_login(board["sotttt"]["editor"])
    dashboard = client.get("/admin/thoi-han/").text
    assert "Cập nhật bản tiếng Anh: Postal licence" in dashboard
    assert f"/admin/pages/{translation.pk}/edit/" in dashboard


def test_publishing_the_english_version_clears_the_notice_and_meets_the_deadline(client, province):
    page, translation = translated_procedure(province["sotttt"])
    _change(page, fees="5.000.000 đồng")

    translation.refresh_from_db()
    translation.fees = "VND 5,000,000"
    translation.save_revision().publish()

    update = TranslationUpdate.objects.get(translation=translation)
    assert update.synced_at is not None
    deadline = Deadline.objects.get(rule__code="english-update", object_id=str(update.pk))
    assert deadline.completed_on == timezone.localdate() and deadline.on_time
    english_page = client.get(translation.relative_url(page.get_site()), **host(page)).text
    assert "older than the Vietnamese version" not in english_page
    # The next change of the source opens a new item.
    _change(page, fees="7.000.000 đồng")
    assert TranslationUpdate.objects.filter(translation=translation, synced_at=None).count() == 1


def test_the_editor_of_an_outdated_translation_says_so(client, province, board):
    page, translation = translated_procedure(province["sotttt"])
    _change(page, fees="5.000.000 đồng")

    client.force_login(board["sotttt"]["editor"])
    editor = client.get(f"/admin/pages/{translation.pk}/edit/", follow=True).text
    assert "Cập nhật bản tiếng Anh" in editor and page.title in editor
