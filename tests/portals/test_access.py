"""The isolation matrix: every role × every portal × every action of every app,
asked of the one access module (eportal.portals.access). What each app then
shows or refuses is checked end to end in its own tests and in
tests/portals/test_board_isolation.py."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from eportal.core.models import ContentPage
from eportal.portals import access, services
from eportal.portals.models import BoardMember, Portal, Role
from eportal.qa.models import Question

PORTALS = ["main", "sotttt", "quynhphu"]


def expected(action, role, own, target) -> bool:
    rule = access.ACTIONS[action]
    if role not in rule.roles:
        return False
    if rule.main_portal_only:
        return own == target == "main"
    if own == target:
        return True
    return rule.main_board_everywhere and own == "main"


@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_it_answers_each_role_on_each_portal(province, board, action):
    wrong = [
        (role, own, target)
        for role in Role.values
        for own in PORTALS
        for target in PORTALS
        if access.may(board[own][role], action, province[target])
        is not expected(action, role, own, target)
    ]

    assert wrong == []


@pytest.mark.parametrize("action", sorted(access.ACTIONS))
def test_it_lists_the_portals_matching_may(province, board, action):
    for own in PORTALS:
        for role in Role.values:
            user = board[own][role]
            listed = set(access.portals(user, action).values_list("slug", flat=True))
            allowed = {province[t].slug for t in PORTALS if access.may(user, action, province[t])}
            assert listed == allowed, (own, role)


def test_it_lets_the_super_administrator_do_everything(province, superuser):
    for action in access.ACTIONS:
        assert access.portal_ids(superuser, action) is None
        assert all(access.may(superuser, action, p) for p in province.values())


def test_it_lets_an_anonymous_or_deactivated_user_do_nothing(province, board):
    inactive = board["sotttt"]["approver"]
    inactive.is_active = False
    inactive.save()
    for user in (AnonymousUser(), inactive):
        for action in access.ACTIONS:
            assert access.portal_ids(user, action) == set()
            assert not access.may(user, action)
            assert not access.portals(user, action).exists()


def test_it_refuses_with_a_vietnamese_message(province, board):
    with pytest.raises(PermissionDenied, match="không có quyền"):
        access.require(board["sotttt"]["contributor"], "qa.approve", province["sotttt"])


def test_it_refuses_an_unknown_action(board):
    with pytest.raises(ValueError, match="Unknown access action"):
        access.may(board["sotttt"]["editor"], "qa.aprove")


def test_it_scopes_a_queryset_by_any_portal_field(province, board):
    def ask(portal, agency=None):
        return Question.objects.create(
            portal=portal,
            agency=agency,
            title="Hỏi về thủ tục",
            body="Nội dung",
            name="Nguyễn Văn A",
            email="a@example.org",
        )

    received = ask(province["sotttt"])
    routed = ask(province["quynhphu"], agency=province["sotttt"].agency)
    elsewhere = ask(province["quynhphu"])
    questions = Question.objects.all()

    mine = access.scope(
        questions, board["sotttt"]["editor"], "qa.handle", "portal", "agency__portal"
    )
    assert set(mine) == {received, routed}
    everything = access.scope(questions, board["main"]["editor"], "qa.handle", "portal")
    assert set(everything) == {received, routed, elsewhere}
    assert not access.scope(questions, board["sotttt"]["administrator"], "qa.handle").exists()


def test_it_finds_the_portal_of_a_page_an_object_and_a_site(province):
    page = ContentPage(title="Giới thiệu chung", slug="gioi-thieu-chung")
    province["quynhphu"].home_page.add_child(instance=page)

    assert access.portal_of(page) == province["quynhphu"]
    assert access.portal_of(province["quynhphu"].home_page) == province["quynhphu"]
    assert access.portal_of(province["sotttt"].site) == province["sotttt"]
    member = BoardMember(portal=province["sotttt"])
    assert access.portal_of(member) == province["sotttt"]
    assert access.portal_of(None) is None


def test_it_scopes_pages_to_the_portals_trees(province, board):
    for key in PORTALS:
        province[key].home_page.add_child(
            instance=ContentPage(title=f"Trang của {key}", slug=f"trang-{key}")
        )
    pages = ContentPage.objects.filter(slug__startswith="trang-")

    mine = access.scope_pages(pages, board["sotttt"]["editor"], "consultations.moderate")
    assert [p.slug for p in mine] == ["trang-sotttt"]
    assert not access.scope_pages(pages, board["sotttt"]["contributor"], "consultations.moderate")


def test_it_names_the_users_holding_a_role(province, board):
    users = access.users_with(province["sotttt"], access.EDITOR, access.APPROVER)

    assert set(users) == {board["sotttt"]["editor"], board["sotttt"]["approver"]}


def test_it_sees_a_new_seat_at_once(province, board, superuser):
    user = board["sotttt"]["contributor"]
    assert not access.may(user, "qa.approve", province["quynhphu"])

    services.set_board_member(
        province["quynhphu"],
        user,
        position=BoardMember.Position.MEMBER,
        roles=[Role.APPROVER],
        by=superuser,
    )

    assert access.may(user, "qa.approve", province["quynhphu"])
    assert Portal.objects.filter(pk__in=access.portal_ids(user, "board.work")).count() == 2
