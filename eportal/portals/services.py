"""The one door for writes to portals and boards.

Views, admin screens and commands call these functions; they check the rules,
save, and write the audit log.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from eportal.portals import access
from eportal.portals import home as home_blocks
from eportal.portals.models import (
    Agency,
    BoardMember,
    Portal,
    PortalHomePage,
    PortalReviewTask,
    Role,
)
from eportal.portals.signals import portal_created
from eportal.vntext import portal_host

# Page permissions (Wagtail codenames without "_page") per working role.
PAGE_PERMISSIONS = {
    Role.CONTRIBUTOR: ["add"],
    Role.EDITOR: ["add", "change", "lock", "unlock"],
    Role.APPROVER: ["add", "change", "publish", "lock", "unlock"],
    Role.ADMINISTRATOR: [],
    Role.ONE_STOP_OFFICER: [],
}
# Image and document permissions on the portal's collection per working role.
COLLECTION_PERMISSIONS = {
    Role.CONTRIBUTOR: ["add", "choose"],
    Role.EDITOR: ["add", "change", "choose"],
    Role.APPROVER: ["add", "change", "choose", "delete"],
    Role.ADMINISTRATOR: [],
    Role.ONE_STOP_OFFICER: [],
}
ROLE_FIELDS = {
    Role.CONTRIBUTOR: "contributors",
    Role.EDITOR: "editors",
    Role.APPROVER: "approvers",
    Role.ADMINISTRATOR: "administrators",
    Role.ONE_STOP_OFFICER: "one_stop_officers",
}


def propose_slug(agency: Agency) -> str:
    """Propose the host label of an agency's portal by the Art. 6.3 rule."""
    return portal_host(agency.name, agency.kind)


def hostname_for(slug: str) -> str:
    return f"{slug}.{settings.EPORTAL_DOMAIN}"


def default_portal_name(agency: Agency) -> str:
    # "Cổng thông tin điện tử huyện Quỳnh Phụ": an administrative unit's
    # generic word is not capitalised mid-sentence; an agency's name is.
    name = agency.name
    if agency.kind == Agency.Kind.DISTRICT and name:
        name = name[0].lower() + name[1:]
    return _("Cổng thông tin điện tử %(agency)s") % {"agency": name}


@dataclass
class PortalSpec:
    """What an admin or a command says about a portal to create."""

    agency: Agency
    name: str = ""
    slug: str = ""
    hostname: str = ""
    is_main: bool = False


def _check_unique(slug: str, hostname: str) -> None:
    errors = {}
    if Portal.objects.filter(slug=slug).exists():
        errors["slug"] = _("Nhãn “%(slug)s” đã được một cổng khác dùng.") % {"slug": slug}
    if Site.objects.filter(hostname=hostname).exists():
        errors["hostname"] = _("Tên miền “%(host)s” đã được dùng.") % {"host": hostname}
    if errors:
        raise ValidationError(errors)


def _group(portal_label: str, role: Role) -> Group:
    name = f"{portal_label} – {role.label}"
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def _grant(group: Group, role: Role, home: Page, collection: Collection) -> None:
    for action in PAGE_PERMISSIONS[role]:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    for action in COLLECTION_PERMISSIONS[role]:
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ),
            )


def _workflow(name: str, editors: Group, approvers: Group, home: Page) -> Workflow:
    workflow = Workflow.objects.create(name=name)
    review = PortalReviewTask.objects.create(name=_("Biên tập – %(portal)s") % {"portal": name})
    review.groups.set([editors])
    approval = PortalReviewTask.objects.create(name=_("Phê duyệt – %(portal)s") % {"portal": name})
    approval.groups.set([approvers])
    WorkflowTask.objects.create(workflow=workflow, task=review, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=approval, sort_order=1)
    WorkflowPage.objects.create(workflow=workflow, page=home)
    return workflow


def _retire_placeholder_site() -> None:
    """Make room for the main portal as Wagtail's default site.

    A fresh database holds Wagtail's "Welcome" page and a localhost site; they
    are removed if untouched, otherwise they stop being the default.
    """
    for site in Site.objects.filter(is_default_site=True).exclude(portal__isnull=False):
        root = site.root_page
        untouched = root.content_type.model_class() is Page and root.is_leaf()
        if untouched:
            site.delete()
            root.delete()
        else:
            site.is_default_site = False
            site.save(update_fields=["is_default_site"])


@transaction.atomic
def create_portal(spec: PortalSpec, *, by=None) -> Portal:
    """Create a portal with its site, home page, collection, board groups and workflow.

    The host label defaults to the Art. 6.3 proposal (``www`` for the main
    portal) and the host name to ``<label>.<EPORTAL_DOMAIN>``; both can be
    overridden. Raises ValidationError when the label or host is taken or
    a main portal already exists.
    """
    agency = spec.agency
    if agency.pk is None:
        agency.full_clean()
        agency.save()
        log(agency, "wagtail.create", user=by)
    elif Portal.objects.filter(agency=agency).exists():
        raise ValidationError({"agency": _("Cơ quan này đã có cổng thông tin.")})
    if spec.is_main and Portal.objects.filter(is_main=True).exists():
        raise ValidationError({"is_main": _("Đã có cổng chính.")})

    slug = (spec.slug or ("www" if spec.is_main else propose_slug(agency))).strip().lower()
    hostname = (spec.hostname or hostname_for(slug)).strip().lower()
    name = spec.name.strip() or default_portal_name(agency)
    _check_unique(slug, hostname)

    if spec.is_main:
        _retire_placeholder_site()
    locale = Locale.get_default()
    root = Page.get_first_root_node()
    home = PortalHomePage(title=name, slug=slug, locale=locale, live=True)
    home.body = home_blocks.default_body(PortalHomePage.body.field.stream_block)
    root.add_child(instance=home)
    home.save_revision(user=by, log_action=False)

    site = Site.objects.create(
        hostname=hostname,
        port=443,
        root_page=home,
        site_name=name,
        is_default_site=spec.is_main,
    )
    collection = Collection.get_first_root_node().add_child(name=name)

    groups = {role: _group(slug, role) for role in Role}
    for role, group in groups.items():
        _grant(group, role, home, collection)
    workflow = _workflow(name, groups[Role.EDITOR], groups[Role.APPROVER], home)

    portal = Portal(
        agency=agency,
        name=name,
        slug=slug,
        is_main=spec.is_main,
        site=site,
        collection=collection,
        workflow=workflow,
        **{ROLE_FIELDS[role]: group for role, group in groups.items()},
    )
    portal.full_clean()
    portal.save()
    log(portal, "wagtail.create", user=by)
    portal_created.send(sender=Portal, portal=portal, by=by)
    return portal


@transaction.atomic
def change_portal_host(portal: Portal, hostname: str, *, by=None) -> Portal:
    """Serve the portal on another host name (an admin's override of Art. 6.3)."""
    hostname = hostname.strip().lower()
    from eportal.portals.models import hostname_validator

    hostname_validator(hostname)
    if Site.objects.filter(hostname=hostname).exclude(pk=portal.site_id).exists():
        raise ValidationError(
            {"hostname": _("Tên miền “%(host)s” đã được dùng.") % {"host": hostname}}
        )
    site = portal.site
    site.hostname = hostname
    site.save(update_fields=["hostname"])
    log(portal, "wagtail.edit", user=by, data={"hostname": hostname})
    return portal


@transaction.atomic
def set_board_member(
    portal: Portal,
    user,
    *,
    position: str,
    roles: list[str],
    job_title: str = "",
    by=None,
) -> BoardMember:
    """Make ``user`` a member of the portal's board with a position and working roles.

    Replaces the user's previous roles on this portal; roles on other portals
    are untouched.
    """
    unknown = set(roles) - set(Role.values)
    if unknown:
        raise ValidationError(
            {"roles": _("Vai trò không hợp lệ: %(r)s") % {"r": ", ".join(sorted(unknown))}}
        )
    member, created = BoardMember.objects.update_or_create(
        portal=portal, user=user, defaults={"position": position, "job_title": job_title}
    )
    member.full_clean()
    groups = portal.role_groups()
    user.groups.remove(*groups.values())
    user.groups.add(*(groups[role] for role in roles))
    access.forget(user)
    log(
        member,
        "wagtail.create" if created else "wagtail.edit",
        user=by,
        data={"roles": sorted(roles)},
    )
    return member


@transaction.atomic
def remove_board_member(member: BoardMember, *, by=None) -> None:
    """Take a user off a portal's board and out of all its role groups."""
    member.user.groups.remove(*member.portal.role_groups().values())
    access.forget(member.user)
    log(member, "wagtail.delete", user=by)
    member.delete()


def compose_home(portal: Portal, blocks: list[tuple[str, dict]], *, by=None):
    """Publish ``portal``'s home with ``blocks``: ``(block name, raw value)``
    pairs of the blocks registered in ``portals.home``, in order.

    For the provincial super-administrator and the demo: a board composes its
    home in the page editor, through its workflow."""
    home_page = portal.site.root_page.specific
    home_page.body = home_page.body.stream_block.to_python(
        [{"type": name, "value": value} for name, value in blocks]
    )
    home_page.save_revision(user=by, log_action=True).publish(user=by)
    return home_page


def set_english_names(portal: Portal, portal_name: str, agency_name: str, *, by=None) -> Portal:
    """Give the portal and its agency the names shown under /en/ (blank: the Vietnamese)."""
    portal.name_en = portal_name.strip()
    portal.save(update_fields=["name_en"])
    agency = portal.agency
    agency.name_en = agency_name.strip()
    agency.save(update_fields=["name_en"])
    log(portal, "wagtail.edit", user=by, data={"name_en": portal.name_en})
    return portal


def cover_translated_home(home: Page) -> Portal | None:
    """Give a portal's board the same rights and workflow on a translation of its
    home (the English tree beside the Vietnamese one) as on the home itself, so
    that its editors translate and its approvers publish the English pages."""
    portal = (
        Portal.objects.select_related("site__root_page")
        .filter(site__root_page__translation_key=home.translation_key)
        .exclude(site__root_page=home)
        .first()
    )
    if portal is None:
        return None
    for role, field in ROLE_FIELDS.items():
        _grant(getattr(portal, field), role, home, portal.collection)
    if portal.workflow_id:
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": portal.workflow})
    return portal
