"""The update deadlines of Art. 12, as data (pure Python, no Django).

These are the defaults seeded into the ``DeadlineRule`` table; a province with
other numbers edits the rules in the admin, and code reads them from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RuleCode(StrEnum):
    """Codes by which features name the rule their deadline follows."""

    POLICY_DISSEMINATION = "policy-dissemination"
    LEGAL_DOCUMENT_ISSUER = "legal-document-issuer"
    LEGAL_DOCUMENT_GOVERNED = "legal-document-governed"
    PLANNING_PROJECTS_BIDDING = "planning-projects-bidding"
    QA_ANSWER = "qa-answer"
    STATISTICS = "statistics"
    WORK_SCHEDULE = "work-schedule"
    ENGLISH_UPDATE = "english-update"


@dataclass(frozen=True)
class DeadlineRuleSpec:
    code: str
    name: str
    working_days: int
    starts_on: str


DEADLINE_RULES: tuple[DeadlineRuleSpec, ...] = (
    DeadlineRuleSpec(
        RuleCode.POLICY_DISSEMINATION,
        "Thông tin tuyên truyền, phổ biến chủ trương, chính sách",
        15,
        "Ngày chính sách được ban hành",
    ),
    DeadlineRuleSpec(
        RuleCode.LEGAL_DOCUMENT_ISSUER,
        "Văn bản quy phạm pháp luật trên cổng của cơ quan ban hành",
        2,
        "Ngày văn bản được ban hành",
    ),
    DeadlineRuleSpec(
        RuleCode.LEGAL_DOCUMENT_GOVERNED,
        "Văn bản quy phạm pháp luật trên cổng của cơ quan thuộc phạm vi điều chỉnh",
        10,
        "Ngày văn bản được ban hành",
    ),
    DeadlineRuleSpec(
        RuleCode.PLANNING_PROJECTS_BIDDING,
        "Chiến lược, quy hoạch, kế hoạch, dự án, đấu thầu",
        10,
        "Ngày văn bản được phê duyệt",
    ),
    DeadlineRuleSpec(
        RuleCode.QA_ANSWER,
        "Trả lời câu hỏi (hoặc thông báo thời hạn trả lời)",
        15,
        "Ngày nhận được câu hỏi",
    ),
    DeadlineRuleSpec(
        RuleCode.STATISTICS,
        "Thông tin thống kê",
        10,
        "Ngày có quyết định công bố",
    ),
    DeadlineRuleSpec(
        RuleCode.WORK_SCHEDULE,
        "Lịch công tác tuần sau của lãnh đạo",
        1,
        "Ngày nhắc lập lịch tuần sau (mặc định thứ Sáu)",
    ),
    # "Reviewed whenever its Vietnamese source changes": the regulation gives no
    # number. Five working days (one working week): the work is to carry a
    # changed passage (a fee, a requirement) over, not to write a new text, and
    # an English reader acting on the old fee is misled meanwhile; the item is
    # on the board's "due soon" list from the day it opens.
    DeadlineRuleSpec(
        RuleCode.ENGLISH_UPDATE,
        "Cập nhật bản tiếng Anh khi bản tiếng Việt thay đổi",
        5,
        "Ngày xuất bản thay đổi của bản tiếng Việt",
    ),
)
