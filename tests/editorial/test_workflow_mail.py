"""Staff hear of the workflow in Vietnamese, with the portal's name and a link
to the item: the reviewers when an item awaits them, the contributor when it
is returned (with the reason) or published (issue 21)."""

from django.core import mail

from tests.news.helpers import act, submit

ENGLISH = ("Hello", "has been", "You can", "submitted", "moderation", "Edit your notification")


def mails_to(user):
    return [m for m in mail.outbox if user.email in m.to]


def assert_vietnamese(message):
    text = f"{message.subject}\n{message.body}"
    for word in ENGLISH:
        assert word not in text, (word, text)


def test_it_tells_the_editors_in_vietnamese_that_an_item_awaits_them(province, board):
    portal, team = province["sotttt"], board["sotttt"]
    mail.outbox.clear()

    page = submit(portal, team["contributor"], "Tập huấn chuyển đổi số")

    [message] = mails_to(team["editor"])
    assert message.subject == f"[{portal.name}] Chờ duyệt: “Tập huấn chuyển đổi số”"
    assert "Kính gửi" in message.body
    assert f"trên {portal.name} đang chờ duyệt ở bước “{portal.workflow.tasks.first().name}”" in (
        message.body
    )
    assert f"/admin/pages/{page.pk}/edit/" in message.body
    assert_vietnamese(message)


def test_it_tells_the_contributor_why_an_item_was_returned(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"], "Tin thiếu nguồn")
    mail.outbox.clear()

    act(client, team["editor"], page, "reject", comment="Ghi rõ nguồn tin.")

    [message] = mails_to(team["contributor"])
    assert message.subject == f"[{portal.name}] Trả lại: “Tin thiếu nguồn”"
    assert "đã trả lại “Tin thiếu nguồn”" in message.body
    assert "Lý do: “Ghi rõ nguồn tin.”" in message.body
    assert "Sửa và gửi duyệt lại: " in message.body
    assert f"/admin/pages/{page.pk}/edit/" in message.body
    assert_vietnamese(message)


def test_it_tells_the_contributor_that_the_item_is_published(client, province, board):
    portal, team = province["sotttt"], board["sotttt"]
    page = submit(portal, team["contributor"], "Khai mạc hội chợ nông sản")
    act(client, team["editor"], page, "approve")
    mail.outbox.clear()

    act(client, team["approver"], page, "approve")

    [message] = mails_to(team["contributor"])
    assert message.subject == f"[{portal.name}] Đã duyệt và xuất bản: “Khai mạc hội chợ nông sản”"
    page.refresh_from_db()
    assert page.live and page.full_url in message.body
    assert_vietnamese(message)
