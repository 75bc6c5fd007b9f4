"""A board keeps its own royalty scale and sees no other portal's."""

from eportal.editorial.models import RoyaltyRate


def test_it_scopes_the_royalty_scale_to_the_boards_portal(client, province, board):
    theirs = RoyaltyRate.objects.create(
        portal=province["quynhphu"], kind="photo", unit="points", point_value=77777
    )
    client.force_login(board["sotttt"]["approver"])
    listing = client.get("/admin/snippets/editorial/royaltyrate/")
    assert listing.status_code == 200 and "77777" not in listing.text
    assert client.get(f"/admin/snippets/editorial/royaltyrate/edit/{theirs.pk}/").status_code == 404
    form = client.get("/admin/snippets/editorial/royaltyrate/add/").text
    assert "Huyện Quỳnh Phụ" not in form
    client.force_login(board["sotttt"]["contributor"])
    assert client.get("/admin/snippets/editorial/royaltyrate/").status_code in (302, 403)
