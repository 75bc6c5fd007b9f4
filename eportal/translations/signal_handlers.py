from eportal.translations import services


def page_published(sender, instance, revision=None, **kwargs):
    services.page_published(instance, revision)
