"""Receivers: a new portal gets its /van-ban/ page; a published document updates the rest."""


def give_portal_its_index(sender, portal, by=None, **kwargs):
    from eportal.legal.services import ensure_index

    ensure_index(portal, by=by)


def document_published(sender, instance, **kwargs):
    from eportal.legal.services import on_published

    on_published(instance)
