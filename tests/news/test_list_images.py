"""A news list's images are sharp on a phone (a rendition twice the size for
two device pixels per CSS pixel) and the first one, often the largest thing
of a phone's first screen, is not left to load last."""

import io
import re

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.news.helpers import publish


def photo(portal, description):
    """A photo as large as the demo's, 640 x 360."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (200, 0, 0)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=description,
        description=description,
        collection=portal.collection,
        file=ImageFile(buffer, name="hoi-nghi.png"),
    )


def test_it_offers_a_sharp_image_and_loads_the_first_at_once(client, province):
    portal = province["sotttt"]
    for title in ("Tin có ảnh cũ", "Tin có ảnh mới"):
        publish(portal, title, featured_image=photo(portal, title))
    html = client.get("/p/sotttt/tin-tuc/").text
    images = re.findall(r"<img [^>]*>", html)
    assert len(images) == 2
    assert all("640w" in img and 'sizes="(min-width: 40rem) 200px, 320px"' in img for img in images)
    assert 'loading="eager"' in images[0] and 'fetchpriority="high"' in images[0]
    assert 'loading="lazy"' in images[1] and 'fetchpriority="auto"' in images[1]
