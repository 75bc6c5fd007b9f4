"""The latest answered questions on a portal's home (see eportal/portals/home.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from eportal.portals import home
from eportal.qa import queries
from eportal.qa.models import QAIndexPage


class LatestAnswersBlock(home.HomeBlock):
    """Published answers, newest first (on the main portal every portal's)."""

    count = blocks.IntegerBlock(label=_("Số câu hỏi"), default=5, min_value=1, max_value=12)

    class Meta:
        label = _("Câu hỏi đã trả lời")
        icon = "help"
        template = "qa/home/latest_answers.html"
        default_heading = _("Hỏi đáp mới trả lời")
        default_count = 5

    def candidates(self, value, request, portal, limit):
        if portal is None:
            return []
        return list(queries.published_answers(portal)[:limit])

    def item_key(self, item) -> str:
        return f"question:{item.pk}"

    def extra_context(self, value, request, portal, items):
        url = home.section_url(QAIndexPage, request, portal)
        answers = (
            [(question, f"{url}tra-loi/{question.code}/") for question in items] if url else []
        )
        return {"more_url": url, "answers": answers}


home.register("latest_answers", LatestAnswersBlock(), order=60, default={"title": "", "count": 5})
