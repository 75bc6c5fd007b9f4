import pytest
from django.core.management import CommandError, call_command

from eportal.portals.models import Portal


@pytest.mark.django_db
def test_it_creates_a_portal_from_the_command_line(capsys):
    call_command(
        "create-portal", "Sở Tư pháp", "--kind", "department", "--email", "sotp@thaibinh.gov.vn"
    )
    portal = Portal.objects.get(agency__name="Sở Tư pháp")
    assert portal.slug == "sotp"
    assert "sotp.thaibinh.gov.vn" in capsys.readouterr().out


@pytest.mark.django_db
def test_it_reports_a_taken_label_in_one_line():
    call_command("create-portal", "Sở Tư pháp", "--kind", "department")
    with pytest.raises(CommandError, match="đã được"):
        call_command("create-portal", "Sở Tài chính", "--kind", "department", "--slug", "sotp")


@pytest.mark.django_db
def test_it_refuses_an_empty_name():
    with pytest.raises(CommandError):
        call_command("create-portal", "   ")
