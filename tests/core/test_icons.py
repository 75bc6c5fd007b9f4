"""Browsers and phones find the portal's icon and its web manifest: no 404 for
/favicon.ico on any page, a manifest named after the portal."""

import re
from io import BytesIO

from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image


def test_it_serves_the_favicon_that_browsers_ask_for(client, province):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    icon = Image.open(BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO"
    assert (32, 32) in icon.info["sizes"]


def test_every_page_links_its_icon_and_manifest(client, province):
    html = client.get("/p/sotttt/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" sizes="48x48">', html).group(1)
    assert client.get(icon)["Content-Type"] == "image/x-icon"
    assert '<link rel="manifest" href="/p/sotttt/site.webmanifest">' in html


def test_the_manifest_names_the_portal_in_vietnamese_and_its_icons_exist(client, province):
    response = client.get("/p/sotttt/site.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == province["sotttt"].name
    assert manifest["short_name"] == "Cổng TTĐT"
    assert manifest["lang"] == "vi"
    assert manifest["start_url"] == "/p/sotttt/"
    assert manifest["theme_color"] == "#a3161b"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert icon["src"].startswith(settings.STATIC_URL)
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon["src"]
