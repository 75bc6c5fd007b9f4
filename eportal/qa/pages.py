"""Give every portal its /hoi-dap/ index page."""

from django.utils.translation import gettext as _

SLUG = "hoi-dap"


def ensure_index_page(portal, by=None):
    """Return (the portal's Q&A index page, created); create and publish it if missing."""
    from eportal.qa.models import QAIndexPage

    home = portal.site.root_page
    existing = QAIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing, False
    if home.get_children().filter(slug=SLUG).exists():
        # Someone made another page at /hoi-dap/: leave it, do not fight over the slug.
        return None, False
    page = QAIndexPage(
        title=_("Hỏi đáp"),
        slug=SLUG,
        show_in_menus=True,
        intro=_(
            "Gửi câu hỏi đến cơ quan nhà nước; câu hỏi được trả lời trong 15 ngày làm việc. "
            "Các câu trả lời được nhiều người quan tâm được công khai dưới đây."
        ),
        search_description=_("Trao đổi – Hỏi đáp: gửi câu hỏi, tra cứu và xem câu trả lời."),
    )
    home.add_child(instance=page)
    page.save_revision(user=by, log_action=True).publish(user=by)
    return page, True


def on_portal_created(sender=None, portal=None, by=None, **kwargs):
    ensure_index_page(portal, by=by)
