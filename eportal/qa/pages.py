"""Give every portal its /hoi-dap/ index page."""

from django.utils.translation import gettext as _

from eportal.core.pages import ensure_child_page

SLUG = "hoi-dap"


def ensure_index_page(portal, by=None):
    """Return (the portal's Q&A index page, created); create and publish it if missing."""
    from eportal.qa.models import QAIndexPage

    return ensure_child_page(
        portal.home_page,
        QAIndexPage,
        slug=SLUG,
        by=by,
        title=_("Hỏi đáp"),
        intro=_(
            "Gửi câu hỏi đến cơ quan nhà nước; câu hỏi được trả lời trong 15 ngày làm việc. "
            "Các câu trả lời được nhiều người quan tâm được công khai dưới đây."
        ),
        search_description=_("Trao đổi – Hỏi đáp: gửi câu hỏi, tra cứu và xem câu trả lời."),
    )


def on_portal_created(sender=None, portal=None, by=None, **kwargs):
    ensure_index_page(portal, by=by)
