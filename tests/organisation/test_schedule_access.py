"""Each board edits its own portal's schedule and leaders, through the workflow."""

from django.urls import reverse

from eportal.organisation import services
from eportal.organisation.models import Leader


def _add_week_url(province, key):
    index = services.ensure_index_page(province[key])[0]
    return reverse("wagtailadmin_pages:add", args=["organisation", "workschedulepage", index.pk])


def test_a_component_board_cannot_add_a_week_to_the_main_portals_schedule(province, board, client):
    client.force_login(board["sotttt"]["contributor"])
    assert client.get(_add_week_url(province, "sotttt")).status_code == 200
    assert client.get(_add_week_url(province, "main")).status_code in (302, 403)


def test_a_component_board_cannot_edit_a_main_portal_week(province, board, client, publish_week):
    from tests.organisation.conftest import item

    page = publish_week(items=[item(0)])
    client.force_login(board["sotttt"]["editor"])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit).status_code in (302, 403)


def test_nobody_but_the_superuser_publishes_a_week_directly(province, board, publish_week):
    from tests.organisation.conftest import item

    page = publish_week(items=[item(0)])
    tester = page.permissions_for_user(board["main"]["approver"])
    assert tester.can_edit() and not tester.can_publish()


def test_a_board_keeps_only_its_own_portals_leaders(province, board, leaders, client):
    client.force_login(board["sotttt"]["editor"])
    listing = client.get(reverse("wagtailsnippets_organisation_leader:list")).content.decode()
    assert "Trần Đức Hải" in listing and "Nguyễn Quang Minh" not in listing
    chairman = Leader.objects.get(full_name="Nguyễn Quang Minh")
    edit = reverse("wagtailsnippets_organisation_leader:edit", args=[chairman.pk])
    assert client.get(edit).status_code == 404


def test_the_chair_is_chosen_among_the_portals_own_leaders(province, leaders):
    from eportal.organisation.models import WorkSchedulePage

    index = services.ensure_index_page(province["sotttt"])[0]
    form_class = WorkSchedulePage.get_edit_handler().get_form_class()
    form = form_class(instance=WorkSchedulePage(), parent_page=index, for_user=None)
    chairs = form.formsets["items"].empty_form.fields["chair"].queryset
    assert [leader.full_name for leader in chairs] == ["Trần Đức Hải"]
