"""Q&A fixtures: the province's /hoi-dap/ pages, topics, and a question factory."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from eportal.qa import services
from eportal.qa.models import QAIndexPage, Topic
from tests import shared_data

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def _fresh_state():
    """Rate-limit counters and the cached calendar live in the cache: start clean."""
    from eportal.workdays import services as workdays

    cache.clear()
    workdays.invalidate_calendar()
    yield
    cache.clear()


@pytest.fixture
def qa(province):
    """Each portal's Q&A index page and its topic (tests/shared_data.py)."""
    return {
        "pages": {
            key: QAIndexPage.objects.child_of(p.home_page).get() for key, p in province.items()
        },
        "topics": {
            key: Topic.objects.get(portal=p, name=shared_data.topic_name(key))
            for key, p in province.items()
        },
        **province,
    }


def at(*args) -> datetime:
    return datetime(*args, tzinfo=VN)


@pytest.fixture
def ask(qa):
    """ask(portal_key="main", **fields) → a stored question."""

    def make(portal_key="main", **fields):
        data = {
            "name": "Trần Thị Bình",
            "email": "binh@example.org",
            "title": "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
            "body": "Xin hỏi hồ sơ cấp giấy chứng nhận lần đầu gồm những gì?",
            **fields,
        }
        question, _created = services.submit_question(qa[portal_key], **data)
        return question

    return make


@pytest.fixture
def answered(ask, qa, board):
    """make(portal_key, agency_key, publish=False) → a question routed, answered (and published)."""

    def make(portal_key="main", agency_key="sotttt", publish=False, **fields):
        question = ask(portal_key, **fields)
        services.route_question(question, qa[agency_key].agency, by=board[portal_key]["editor"])
        services.draft_answer(
            question, "Hồ sơ gồm đơn đề nghị và giấy tờ về đất.", by=board[agency_key]["editor"]
        )
        services.approve_answer(question, by=board[agency_key]["approver"])
        if publish:
            services.set_published(question, True, by=board[portal_key]["approver"])
        return question

    return make


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.EPORTAL_QA_ATTACHMENT_ROOT = tmp_path / "qa-private"
