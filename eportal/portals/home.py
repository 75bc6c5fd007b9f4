"""The blocks a board arranges on its portal's home page (issue 21).

The home page (``PortalHomePage.body``) is a StreamField whose blocks read
from the apps that own the data: news, legal documents, Q&A, consultations,
procedures, dossier statistics. ``portals`` is imported by all of those apps,
so it may not import them (tests/core/test_layout.py). Each app therefore
keeps its home blocks in its own ``home_blocks.py``, which calls
``register()``; the first time the StreamField's block is built (after every
app is ready) ``HomeBody`` imports every installed app's ``home_blocks``
module, as Django's admin discovers ``admin.py``. A new app adds a block by
adding ``<app>/home_blocks.py`` (then ``eportal makemigrations portals``:
block definitions are part of the StreamField in migrations).

"No item twice": the home's context holds one set of the items already shown
(``SHOWN``); each ``HomeBlock`` skips those and adds its own, so a story that
leads the featured block is not repeated in the news list below it. A block
with nothing to show renders nothing: no empty box, no "nothing yet" filler.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.template.loader import render_to_string
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

# The context variable holding the keys of the items already shown on the page.
SHOWN = "home_shown"


@dataclass(frozen=True)
class Registered:
    name: str
    block: blocks.Block
    order: int
    default: dict | None


_registry: dict[str, Registered] = {}


def register(name: str, block: blocks.Block, *, order: int, default: dict | None = None) -> None:
    """Offer ``block`` to every portal's home under ``name``.

    ``order`` places it in the editor's list of blocks; ``default``, when
    given, is its value in the body a new portal starts with (in ``order``).
    """
    if name in _registry and type(_registry[name].block) is not type(block):
        raise ValueError(f"Home block {name!r} is registered twice")
    _registry[name] = Registered(name, block, order, default)


def registered() -> list[Registered]:
    """Every registered home block, in ``order``."""
    if not apps.ready:
        # Built before every app registered its blocks, the StreamField would
        # lack some of them for the life of the process.
        raise RuntimeError("The home blocks are read before the apps are ready")
    autodiscover_modules("home_blocks")
    return sorted(_registry.values(), key=lambda r: (r.order, r.name))


def default_body(stream_block: blocks.StreamBlock) -> blocks.StreamValue:
    """The body a new portal's home starts with: each block's ``default``, in order."""
    return stream_block.to_python(
        [{"type": r.name, "value": dict(r.default)} for r in registered() if r.default is not None]
    )


class HomeBody(blocks.StreamBlock):
    """The StreamBlock of ``PortalHomePage.body``: every registered home block."""

    def __init__(self, local_blocks=None, **kwargs):
        registered_blocks = [(r.name, r.block) for r in registered()]
        super().__init__(registered_blocks + list(local_blocks or []), **kwargs)


def section_of(model, portal, **filters) -> Page | None:
    """The portal's live page of type ``model`` (its news, documents, Q&A…
    section), the first in the tree; None without one."""
    if portal is None:
        return None
    pages = model.objects.live().descendant_of(portal.site.root_page)
    return pages.filter(**filters).order_by("path").first()


def section_url(model, request, portal, **filters) -> str:
    """The link to that section for a block's "more" link ("" without one)."""
    page = section_of(model, portal, **filters)
    return page.get_url(request) if page is not None else ""


class HomeBlock(blocks.StructBlock):
    """A block of the home that shows items (pages, answers…) read from its app.

    A subclass says which items it would show, in order (``candidates``), and
    which template shows them (``Meta.template``); this class leaves out the
    items an earlier block of the page showed, keeps ``count`` of them, and
    renders nothing when none is left. The template gets ``items``, ``value``,
    ``heading`` and whatever ``extra_context`` adds.
    """

    title = blocks.CharBlock(
        label=_("Tiêu đề"), required=False, help_text=_("Để trống để dùng tiêu đề mặc định.")
    )

    class Meta:
        default_heading = ""
        default_count = 5

    def candidates(self, value, request, portal, limit: int) -> list:
        """Up to ``limit`` items the block would show, in order (bounded queries)."""
        return []

    def item_key(self, item) -> str:
        """What makes two items the same, across blocks: a page is a page."""
        return f"page:{item.pk}"

    def _keys(self, item) -> set[str]:
        keys = {self.item_key(item)}
        if isinstance(item, Page):
            # A story another portal reposted under the same title is the
            # same story to a reader.
            keys.add(f"title:{item.title.strip().casefold()}")
        return keys

    def count(self, value) -> int:
        return value.get("count") or self.meta.default_count

    def extra_context(self, value, request, portal, items) -> dict:
        return {}

    def extra_keys(self, value) -> set[str]:
        """Keys of what the block shows besides its items (a link), when it renders."""
        return set()

    def shows_without_items(self, value) -> bool:
        """Whether the block has something to show even with no item."""
        return False

    def render(self, value, context=None):
        context = {} if context is None else context
        request = context.get("request")
        portal = getattr(request, "portal", None)
        shown = context.get(SHOWN)
        if shown is None:  # the block rendered alone (a preview): nothing shown before it
            shown = set()
        limit = self.count(value)
        items = []
        for item in self.candidates(value, request, portal, limit + len(shown)):
            keys = self._keys(item)
            if len(items) < limit and not keys & shown:
                items.append(item)
                shown.update(keys)  # two copies in one list are one item too
        if not items and not self.shows_without_items(value):
            return ""
        shown.update(self.extra_keys(value))
        template_context = self.get_context(value, parent_context=context)
        template_context["items"] = items
        template_context["heading"] = value.get("title") or self.meta.default_heading
        template_context.update(self.extra_context(value, request, portal, items))
        return mark_safe(render_to_string(self.meta.template, template_context))  # noqa: S308  # nosec


BANNER_RENDITION = "max-480x120"


class BannerLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tên liên kết"), max_length=150)
    url = blocks.URLBlock(label=_("Địa chỉ"))
    image = ImageChooserBlock(
        label=_("Ảnh biểu ngữ"),
        required=False,
        help_text=_("Không bắt buộc; không có ảnh thì hiển thị tên liên kết."),
    )

    class Meta:
        label = _("Liên kết")


class BannerLinksBlock(HomeBlock):
    """Links to other systems (the Government portal, the national feedback
    system…), each a banner image or, without one, its name."""

    links = blocks.ListBlock(BannerLinkBlock(), label=_("Liên kết"))

    class Meta:
        label = _("Liên kết biểu ngữ")
        icon = "link"
        template = "portals/home/banner_links.html"
        default_heading = _("Liên kết")
        default_count = 12

    def candidates(self, value, request, portal, limit):
        links = list(value.get("links") or [])[:limit]
        ids = [link["image"].pk for link in links if link.get("image") is not None]
        if ids:  # their renditions in one query, not one per banner
            images = (
                get_image_model().objects.filter(pk__in=ids).prefetch_renditions(BANNER_RENDITION)
            )
            found = {image.pk: image for image in images}
            for link in links:
                if link.get("image") is not None:
                    link["image"] = found.get(link["image"].pk)
        return links

    def item_key(self, item) -> str:
        return f"url:{item['url']}"


GOVERNMENT_LINKS = [
    {"title": "Cổng Thông tin điện tử Chính phủ", "url": "https://chinhphu.vn/", "image": None},
    {"title": "Cổng Dịch vụ công quốc gia", "url": "https://dichvucong.gov.vn/", "image": None},
    {
        "title": "Hệ thống tiếp nhận, trả lời phản ánh, kiến nghị của người dân và doanh nghiệp",
        "url": "https://pakn.dichvucong.gov.vn/",
        "image": None,
    },
]

register(
    "banner_links",
    BannerLinksBlock(),
    order=100,
    default={"title": "", "links": GOVERNMENT_LINKS},
)
