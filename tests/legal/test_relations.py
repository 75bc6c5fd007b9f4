"""Relations link documents both ways; references kept as text are linked when imported."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from eportal.legal.models import LegalDocumentPage, LegalRelation, RelationKind, Status
from eportal.legal.services import apply_effects


@pytest.mark.django_db
def test_it_links_a_reference_to_a_document_already_there(import_text):
    decree = import_text("43-2011-nd-cp.txt")
    regulation = import_text("05-2014-qd-ubnd.txt")
    relation = regulation.relations.get(kind=RelationKind.BASED_ON, target_text__contains="43/2011")
    assert relation.target == decree


@pytest.mark.django_db
def test_it_keeps_a_missing_law_as_text_and_links_it_when_imported(import_text):
    regulation = import_text("05-2014-qd-ubnd.txt")
    law_ref = regulation.relations.get(target_text="Luật Giao dịch điện tử ngày 29/11/2005")
    assert law_ref.target is None
    law = import_text("luat-giao-dich-dien-tu.txt")
    law_ref.refresh_from_db()
    assert law_ref.target == law


@pytest.mark.django_db
def test_a_replaced_document_expires_when_the_new_one_takes_effect(import_text):
    old = import_text("12-2009-qd-ubnd.txt")
    assert old.status == Status.IN_FORCE
    new = import_text("05-2014-qd-ubnd.txt")
    old.refresh_from_db()
    assert old.status == Status.EXPIRED
    assert old.status_changed_on == date(2014, 7, 6)  # the day 05/2014 took effect
    assert old.expired_by == new


@pytest.mark.django_db
def test_the_replaced_one_imported_later_expires_too(import_text):
    new = import_text("42-2022-nd-cp.txt")
    old = import_text("43-2011-nd-cp.txt")
    old.refresh_from_db()
    assert (old.status, old.expired_by, old.status_changed_on) == (
        Status.EXPIRED,
        new,
        date(2022, 8, 1),
    )


@pytest.mark.django_db
def test_a_replacement_not_yet_in_effect_waits_for_its_day(import_text):
    old = import_text("12-2009-qd-ubnd.txt")
    new = import_text("05-2014-qd-ubnd.txt")
    # Pretend the replacing one is announced to take effect in the future.
    LegalDocumentPage.objects.filter(pk=old.pk).update(status=Status.IN_FORCE, expired_by=None)
    LegalDocumentPage.objects.filter(pk=new.pk).update(
        effective=date(2030, 1, 1), status=Status.NOT_YET
    )
    assert apply_effects(today=date(2029, 12, 31)) == []
    changes = apply_effects(today=date(2030, 1, 1))
    assert {(d.pk, s) for d, s, _ in changes} == {
        (old.pk, Status.EXPIRED),
        (new.pk, Status.IN_FORCE),
    }
    old.refresh_from_db()
    assert old.status_changed_on == date(2030, 1, 1)


@pytest.mark.django_db
def test_the_daily_command_is_idempotent(import_text):
    import_text("12-2009-qd-ubnd.txt")
    new = import_text("05-2014-qd-ubnd.txt")
    LegalDocumentPage.objects.filter(pk=new.pk).update(
        effective=date(2030, 1, 1), status=Status.NOT_YET
    )
    LegalDocumentPage.objects.filter(number="12/2009/QĐ-UBND").update(
        status=Status.IN_FORCE, expired_by=None
    )
    out = StringIO()
    call_command("legal", "apply-effects", "--date", "2030-01-02", stdout=out)
    assert "Đã cập nhật 2 văn bản." in out.getvalue()
    assert "12/2009/QĐ-UBND: Hết hiệu lực toàn bộ từ 01/01/2030" in out.getvalue()
    out = StringIO()
    call_command("legal", "apply-effects", "--date", "2030-01-02", stdout=out)
    assert "Đã cập nhật 0 văn bản." in out.getvalue()


@pytest.mark.django_db
def test_a_relation_typed_in_the_admin_is_linked_by_its_number(import_text, superuser):
    old = import_text("12-2009-qd-ubnd.txt")
    new = import_text("86-kh-stttt.txt", portal="sotttt")
    draft = new.get_latest_revision_as_object()
    draft.relations = [
        LegalRelation(kind=RelationKind.GUIDES, target_text="Quyết định số 12/2009/QD-UBND")
    ]
    draft.save_revision(user=superuser).publish(user=superuser)
    relation = LegalDocumentPage.objects.get(pk=new.pk).relations.get()
    assert relation.target == old
