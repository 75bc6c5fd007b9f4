"""Who on a board may do what in the editorial admin (scoped to their portals)."""

from django.contrib.auth.models import Permission
from django.db.models import Q

from eportal.portals.models import Portal


def grant_board_permissions(portal) -> None:
    """Approvers and technical administrators keep the portal's royalty scale."""
    perms = Permission.objects.filter(
        content_type__app_label="editorial",
        codename__in=[
            "add_royaltyrate",
            "change_royaltyrate",
            "delete_royaltyrate",
            "view_royaltyrate",
            "view_royaltyentry",
        ],
    )
    portal.approvers.permissions.add(*perms)
    portal.administrators.permissions.add(*perms)


def royalty_portals(user):
    """Portals whose royalties ``user`` may set and export: as approver or administrator."""
    if user.is_superuser:
        return Portal.objects.all()
    groups = user.groups.all()
    return Portal.objects.filter(Q(approvers__in=groups) | Q(administrators__in=groups)).distinct()
