"""An English translation of a procedure is served at /en/… and says when it
is older than the Vietnamese text."""

from wagtail.models import Locale

from tests.online_services import make_procedure


def test_it_notes_an_english_text_older_than_the_vietnamese(province, client):
    english = Locale.objects.get_or_create(language_code="en")[0]
    page = make_procedure(province["sotttt"], title="Cấp giấy phép bưu chính")
    translation = page.copy_for_translation(english, copy_parents=True)
    translation.title = "Postal licence"
    translation.save_revision().publish()
    host = {"HTTP_HOST": page.get_site().hostname}
    url = translation.relative_url(page.get_site())
    assert url.startswith("/en/")
    fresh = client.get(url, **host).content.decode()
    assert "Postal licence" in fresh and "older than the Vietnamese" not in fresh
    page.refresh_from_db()
    page.fees = "5.000.000 đồng"
    page.save_revision().publish()
    stale = client.get(url, **host).content.decode()
    assert "older than the Vietnamese" in stale
    # The English catalogue lists the translation.
    assert "Postal licence" in client.get("/en/thu-tuc/", **host).content.decode()
