from django.dispatch import receiver

from eportal.editorial import services
from eportal.portals.signals import portal_created


@receiver(portal_created)
def let_board_manage_royalties(sender, portal, by=None, **kwargs):
    services.grant_board_permissions(portal)
