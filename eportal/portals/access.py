"""The one answer to "may this user do this, and on which portal".

Every view, admin view, API, service and queryset of every app asks here;
nobody else derives a user's portals from their groups. A user's working roles
on a portal are the portal's four groups (``Portal.role_groups()``); the
provincial super-administrator (a Django superuser) may do everything
everywhere; an anonymous or deactivated user may do nothing.

What each role may do is the table ``ACTIONS`` below: an action names the
roles that may do it on a portal, and whether the main portal's board may do
it on every portal (Art. 3.2d: the main portal gathers what the component
portals publish and receive). Rules that are not about roles — "never approve
your own draft", "the owner sees their own dossier" — stay in the app that
owns the object and combine with ``may()``.

    access.may(user, "qa.answer", question.agency_portal)
    access.require(user, "consultations.conclude", page)
    access.scope(Question.objects.all(), user, "qa.handle", "portal", "agency__portal")
    access.portals(user, "royalties.manage")
    access.portal_of(page)
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from eportal.portals.models import Portal, Role

CONTRIBUTOR, EDITOR, APPROVER, ADMINISTRATOR, ONE_STOP_OFFICER = (
    Role.CONTRIBUTOR,
    Role.EDITOR,
    Role.APPROVER,
    Role.ADMINISTRATOR,
    Role.ONE_STOP_OFFICER,
)
EVERY_ROLE = frozenset(Role.values)
EDITORIAL = frozenset({CONTRIBUTOR, EDITOR, APPROVER})
_GROUP_FIELDS = {
    CONTRIBUTOR: "contributors",
    EDITOR: "editors",
    APPROVER: "approvers",
    ADMINISTRATOR: "administrators",
    ONE_STOP_OFFICER: "one_stop_officers",
}


@dataclass(frozen=True)
class Action:
    roles: frozenset[str]
    #: Holders of one of ``roles`` on the main portal may do it on every portal.
    main_board_everywhere: bool = False
    #: Only on the main portal (e.g. choosing what the main portal syndicates).
    main_portal_only: bool = False


ACTIONS: dict[str, Action] = {
    # Sitting on a portal's board in any role: its admin pages, deadlines, imports.
    "board.work": Action(EVERY_ROLE),
    # Questions (Art. 14): the board that received a question classifies it;
    # the main board sees and classifies every portal's; the agency's board
    # answers and its approvers approve.
    "qa.handle": Action(EDITORIAL, main_board_everywhere=True),
    "qa.answer": Action(EDITORIAL),
    "qa.approve": Action(frozenset({APPROVER})),
    "qa.topics": Action(EDITORIAL),
    # Online dossiers of the portal's agency and the citizens' personal data in
    # them: only its one-stop-shop officers (and the superuser), not the
    # editorial board nor the technical administrators.
    "dossiers.handle": Action(frozenset({ONE_STOP_OFFICER})),
    # Public consultation (Art. 11): editors and approvers moderate; approvers conclude.
    "consultations.moderate": Action(frozenset({EDITOR, APPROVER})),
    "consultations.conclude": Action(frozenset({APPROVER})),
    # Leaders of the portal's agency (their terms, the schedule's chairs):
    # the board's editors and approvers keep the list.
    "organisation.leaders": Action(frozenset({EDITOR, APPROVER})),
    # Royalties: the approvers and the technical administrators keep the scale.
    "royalties.manage": Action(frozenset({APPROVER, ADMINISTRATOR})),
    # Hot-news alerts: only approvers switch one on, on the portals they approve for.
    "alerts.switch_on": Action(frozenset({APPROVER})),
    # The main board features or hides component portals' articles.
    "news.syndicate": Action(frozenset({EDITOR, APPROVER}), main_portal_only=True),
    # Legal documents may be imported by whoever may add pages under /van-ban/
    # (checked against Wagtail's page permissions by the legal app).
    "legal.import": Action(EVERY_ROLE),
    # The Department's watch (audit trail, integrity, traffic, operations reports):
    # a portal's technical administrators see their portal's; the main portal's
    # (the Department) every portal's.
    "watch.view": Action(frozenset({ADMINISTRATOR}), main_board_everywhere=True),
    # The search's synonyms and abbreviations serve every portal: the main
    # portal's editors, approvers and technical administrators keep them.
    "search.synonyms": Action(frozenset({EDITOR, APPROVER, ADMINISTRATOR}), main_portal_only=True),
}


def _action(name: str) -> Action:
    try:
        return ACTIONS[name]
    except KeyError:
        raise ValueError(f"Unknown access action: {name!r}") from None


def _is_active(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


# --- Roles ----------------------------------------------------------------------


def roles_by_portal(user) -> dict[int, frozenset[str]]:
    """Map each portal id to the roles ``user`` holds on it (one query, kept on
    the user object for the rest of the request)."""
    if not _is_active(user):
        return {}
    cached = getattr(user, "_eportal_portal_roles", None)
    if cached is not None:
        return cached
    group_ids = set(user.groups.values_list("id", flat=True))
    found: dict[int, frozenset[str]] = {}
    if group_ids:
        rows = Portal.objects.filter(
            Q(contributors__in=group_ids)
            | Q(editors__in=group_ids)
            | Q(approvers__in=group_ids)
            | Q(administrators__in=group_ids)
            | Q(one_stop_officers__in=group_ids)
        ).values_list(
            "id",
            "contributors_id",
            "editors_id",
            "approvers_id",
            "administrators_id",
            "one_stop_officers_id",
        )
        for portal_id, *groups in rows:
            found[portal_id] = frozenset(
                role for role, group in zip(Role.values, groups, strict=True) if group in group_ids
            )
    user._eportal_portal_roles = found
    return found


def forget(user) -> None:
    """Drop what ``roles_by_portal`` remembered (after the user's groups change)."""
    if user is not None and hasattr(user, "_eportal_portal_roles"):
        del user._eportal_portal_roles


def roles_on(user, portal) -> frozenset[str]:
    """The roles ``user`` holds on ``portal``'s board (every role for a superuser)."""
    if not _is_active(user):
        return frozenset()
    if user.is_superuser:
        return EVERY_ROLE
    return roles_by_portal(user).get(_pk(portal), frozenset())


def is_board_member(user, portal=None) -> bool:
    """Whether ``user`` holds any role on ``portal`` (on any portal when None)."""
    if not _is_active(user):
        return False
    if user.is_superuser:
        return True
    if portal is None:
        return bool(roles_by_portal(user))
    return bool(roles_on(user, portal))


def portal_ids_of_groups(group_ids) -> list[int]:
    """Ids of the portals whose board groups include ``group_ids``, component
    portals before the main one (whose board sees every portal anyway)."""
    return list(
        Portal.objects.filter(
            Q(contributors__in=group_ids)
            | Q(editors__in=group_ids)
            | Q(approvers__in=group_ids)
            | Q(administrators__in=group_ids)
            | Q(one_stop_officers__in=group_ids)
        )
        .order_by("is_main", "pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def event_portal(request, user=None) -> dict:
    """The portal a staff member's sign-in or security event belongs to, as
    audit-log data: the portal the request's host or ``/p/<slug>/`` names; else
    the portal whose board ``user`` sits on (a component portal before the main
    one, all of them in ``portals`` when several); else ``{"portal": None}``."""
    portal = getattr(request, "portal", None)
    if portal is not None and getattr(request, "portal_mode", "") in ("host", "path"):
        return {"portal": portal.pk}
    ids = portal_ids_of_groups(user.groups.values_list("pk", flat=True)) if user else []
    data = {"portal": ids[0] if ids else None}
    if len(ids) > 1:
        data["portals"] = ids
    return data


def _main_portal_id() -> int | None:
    return Portal.objects.filter(is_main=True).values_list("id", flat=True).first()


def _pk(portal) -> int | None:
    if portal is None:
        return None
    return portal if isinstance(portal, int) else portal.pk


# --- Actions --------------------------------------------------------------------


def portal_ids(user, action: str) -> set[int] | None:
    """Ids of the portals on which ``user`` may do ``action``; None means every
    portal (a superuser, or the main board for an action it does everywhere)."""
    rule = _action(action)
    if not _is_active(user):
        return set()
    if user.is_superuser:
        return None
    held = {pid for pid, roles in roles_by_portal(user).items() if roles & rule.roles}
    if not held:
        return set()
    if rule.main_board_everywhere or rule.main_portal_only:
        main = _main_portal_id()
        if rule.main_portal_only:
            return {main} & held
        if main in held:
            return None
    return held


def portals(user, action: str) -> QuerySet[Portal]:
    """The portals on which ``user`` may do ``action``."""
    ids = portal_ids(user, action)
    queryset = Portal.objects.select_related("agency", "site__root_page")
    if ids is None:
        return queryset.all()
    return queryset.filter(pk__in=ids)


def may(user, action: str, target=None) -> bool:
    """Whether ``user`` may do ``action`` on ``target``: a portal, a portal id,
    a page of a portal's tree or any object with a ``portal``. Without a target:
    whether they may do it on at least one portal."""
    ids = portal_ids(user, action)
    if ids is None:
        return True
    if target is None:
        return bool(ids)
    portal_id = target if isinstance(target, int) else _pk(portal_of(target))
    return portal_id is not None and portal_id in ids


def require(user, action: str, target=None, message: str | None = None) -> None:
    """Raise ``PermissionDenied`` (with a Vietnamese message) unless ``may()``."""
    if not may(user, action, target):
        raise PermissionDenied(message or _("Bạn không có quyền thực hiện thao tác này."))


def scope(queryset: QuerySet, user, action: str, *portal_fields: str) -> QuerySet:
    """Narrow ``queryset`` to the rows whose portal (``portal_fields``, any of
    them: e.g. "portal", "agency__portal") is one where ``user`` may do ``action``."""
    ids = portal_ids(user, action)
    if ids is None:
        return queryset
    if not ids:
        return queryset.none()
    condition = Q()
    for field in portal_fields or ("portal",):
        condition |= Q(**{f"{field}__in": ids})
    return queryset.filter(condition)


def scope_pages(queryset: QuerySet, user, action: str) -> QuerySet:
    """Narrow a page ``queryset`` to the trees of the portals where ``user`` may do
    ``action`` (pages belong to the portal whose home is their ancestor)."""
    ids = portal_ids(user, action)
    if ids is None:
        return queryset
    homes = Portal.objects.filter(pk__in=ids).values_list("site__root_page__path", flat=True)
    condition = Q()
    for path in homes:
        condition |= Q(path__startswith=path)
    return queryset.filter(condition) if condition else queryset.none()


def users_with(portal, *roles: str):
    """Active users holding any of ``roles`` on ``portal`` (its board's addressees)."""
    if not portal:
        return get_user_model().objects.none()
    groups = [getattr(portal, f"{_GROUP_FIELDS[role]}_id") for role in roles]
    return get_user_model().objects.filter(groups__in=groups, is_active=True).distinct()


# --- Which portal owns it ------------------------------------------------------


def portal_of(obj) -> Portal | None:
    """The portal that owns ``obj``: a portal itself, a page (the portal whose
    tree holds it), a Wagtail site, or any object with a ``portal`` field."""
    if obj is None or isinstance(obj, Portal):
        return obj
    path = getattr(obj, "path", None)
    if isinstance(path, str) and hasattr(obj, "depth"):
        return portal_of_path(path)
    if hasattr(obj, "root_page_id") and hasattr(obj, "hostname"):
        return Portal.objects.select_related("agency").filter(site=obj).first()
    if hasattr(obj, "portal_id"):
        return obj.portal if obj.portal_id else None
    return None


def home_path(page_path: str) -> str:
    """The tree path of the portal home above a page's tree path (portal homes
    are the children of Wagtail's root)."""
    from wagtail.models import Page

    return page_path[: Page.steplen * 2]


def portal_of_path(page_path: str) -> Portal | None:
    """The portal whose home page, in any language, is the ancestor at
    ``page_path``'s second level (an English home is a translation of the
    portal's Vietnamese home, beside it in the tree)."""
    from wagtail.models import Page

    home = Page.objects.filter(path=home_path(page_path)).values("translation_key")
    return (
        Portal.objects.select_related("agency", "site__root_page")
        .filter(site__root_page__translation_key__in=home)
        .first()
    )


def portals_by_home_path() -> dict[str, Portal]:
    """Every portal keyed by the tree path of each of its home pages (every
    language), in two queries: to label the items of a listing with their portal."""
    from wagtail.models import Page

    portals = {
        p.site.root_page.translation_key: p
        for p in Portal.objects.select_related("site__root_page", "agency")
    }
    homes = Page.objects.filter(depth=2, translation_key__in=portals)
    return {path: portals[key] for path, key in homes.values_list("path", "translation_key")}
