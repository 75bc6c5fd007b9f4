"""An article goes contributor → editor → approver, and only then is public."""

from eportal.editorial.models import RoyaltyEntry
from tests.news.helpers import act, submit


def test_it_publishes_an_article_only_after_editor_then_approver(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"], "Khai mạc hội chợ nông sản", royalty_points=5)

    act(client, team["editor"], page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert client.get("/p/sotttt/tin-tuc/su-kien/khai-mac-hoi-cho-nong-san/").status_code == 404

    act(client, team["approver"], page, "approve")
    page.refresh_from_db()
    assert page.live
    response = client.get("/p/sotttt/tin-tuc/su-kien/khai-mac-hoi-cho-nong-san/")
    assert response.status_code == 200
    assert "Nguyễn Thị Hoa" in response.text
    assert "Khai mạc hội chợ nông sản" in client.get("/p/sotttt/tin-tuc/su-kien/").text
    entry = RoyaltyEntry.objects.get(article=page)
    assert entry.approved_by == team["approver"]


def test_it_shows_the_contributor_the_reason_and_lets_them_resubmit(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"], "Tin thiếu nguồn")
    act(client, team["editor"], page, "approve")
    act(client, team["approver"], page, "reject", comment="Ghi rõ nguồn tin.")

    client.force_login(team["contributor"])
    assert "Ghi rõ nguồn tin." in client.get(f"/admin/pages/{page.pk}/history/").text
    page.refresh_from_db()
    assert not page.live


def test_it_does_not_let_a_contributor_approve_their_own_article(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"], "Bài tự duyệt")
    response = act(client, team["contributor"], page, "approve")
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
