"""Helpers that read like the newsroom's week: write, submit, review, publish."""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import TaskState
from wagtail.rich_text import RichText

from eportal.news.models import ArticlePage, CategoryPage, Kind


def category(portal, kind=Kind.NEWS):
    return CategoryPage.objects.descendant_of(portal.home_page).get(kind=kind)


def article(portal, title="Hội nghị chuyển đổi số", *, kind=Kind.NEWS, slug=None, **fields):
    """An unsaved article with the required fields filled in."""
    fields.setdefault("summary", "Tóm tắt tin.")
    fields.setdefault("author_name", "Nguyễn Thị Hoa")
    fields.setdefault("body", [("paragraph", RichText("<p>Nội dung tin.</p>"))])
    page = ArticlePage(title=title, slug=slug or _slug(title), **fields)
    category(portal, kind).add_child(instance=page)
    return page


def publish(portal, title="Hội nghị chuyển đổi số", *, by=None, **fields):
    """An article published directly (as the provincial super-administrator would)."""
    page = article(portal, title, **fields)
    page.save_revision(user=by).publish(user=by, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def submit(portal, user, title="Tin mới về chuyển đổi số", **fields):
    page = article(portal, title, owner=user, live=False, **fields)
    page.save_revision(user=user)
    portal.workflow.start(page, user)
    return page


def act(client, user, page, action, comment=""):
    client.force_login(user)
    state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {"comment": comment}
    )


def image(portal, description=""):
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 0, 0)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Ảnh hội nghị",
        description=description,
        collection=portal.collection,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="hoi-nghi.png"),
    )


def _slug(title):
    from eportal.vntext import slugify

    return slugify(title)[:80]
