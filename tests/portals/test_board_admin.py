"""The provincial super-administrator seats and re-seats board members."""

from django.contrib.auth import get_user_model

from eportal.portals.models import BoardMember


def test_it_seats_a_member_with_roles_and_changes_them(client, province, superuser):
    client.force_login(superuser)
    portal = province["sotttt"]
    user = get_user_model().objects.create_user("nv-moi", "nv@example.org", "x")
    response = client.post(
        "/admin/board_members/new/",
        {
            "portal": portal.pk,
            "user": user.pk,
            "position": "secretary",
            "job_title": "Chuyên viên",
            "roles": ["editor"],
        },
    )
    assert response.status_code == 302
    member = BoardMember.objects.get(portal=portal, user=user)
    assert member.roles() == ["editor"]

    client.post(
        f"/admin/board_members/edit/{member.pk}/",
        {
            "portal": portal.pk,
            "user": user.pk,
            "position": "member",
            "job_title": "Chuyên viên",
            "roles": ["approver"],
        },
    )
    member.refresh_from_db()
    assert member.position == "member"
    assert member.roles() == ["approver"]


def test_it_creates_a_portal_from_the_admin_with_the_proposed_host(client, province, superuser):
    from eportal.portals.models import Agency, Portal

    client.force_login(superuser)
    agency = Agency.objects.create(name="Sở Tư pháp", kind=Agency.Kind.DEPARTMENT)
    response = client.post(
        "/admin/portals/new/", {"agency": agency.pk, "name": "", "slug": "", "hostname": ""}
    )
    assert response.status_code == 302
    portal = Portal.objects.get(agency=agency)
    assert portal.site.hostname == "sotp.thaibinh.gov.vn"
    assert portal.workflow is not None


def test_it_changes_a_portals_host(client, province, superuser):
    client.force_login(superuser)
    portal = province["quynhphu"]
    client.post(
        f"/admin/portals/edit/{portal.pk}/",
        {"name": portal.name, "hostname": "quynhphu.example.vn"},
    )
    portal.site.refresh_from_db()
    assert portal.site.hostname == "quynhphu.example.vn"
