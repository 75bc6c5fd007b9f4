"""Editors see, in the page editor, that a translation is behind its source."""

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from eportal.translations import queries


@hooks.register("before_edit_page")
def warn_of_an_outdated_translation(request, page):
    if request.method != "GET":
        return None
    update = queries.open_update(page)
    if update is not None:
        messages.warning(
            request,
            _(
                "Bản gốc tiếng Việt “%(source)s” đã thay đổi ngày %(date)s, sau lần xuất bản "
                "gần nhất của bản dịch này: cập nhật phần thay đổi rồi xuất bản để hoàn "
                "thành mục “Cập nhật bản tiếng Anh” (Điều 12)."
            )
            % {
                "source": update.source.title,
                "date": f"{timezone.localtime(update.opened_at):%d/%m/%Y}",
            },
        )
    return None
