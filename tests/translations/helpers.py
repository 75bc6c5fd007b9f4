from wagtail.models import Locale

from tests.online_services import make_procedure


def english():
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, **fields):
    """Publish ``page``'s English version the way an editor does (Translate, edit, publish)."""
    translation = page.copy_for_translation(english(), copy_parents=True).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def translated_procedure(portal):
    page = make_procedure(portal, title="Cấp giấy phép bưu chính")
    return page, translate(page, title="Postal licence")


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}
