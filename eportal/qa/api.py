"""Q&A API: submit a question, follow it by code, list published answers.

Mounted at /api/v1/questions (``router``); the published answers are listed
at /api/v1/answers (``answers_router``, through ``EXTRA_ROUTERS``) and, for
clients written against the first version, at /api/v1/questions/answers.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from ninja import Field, Query, Router, Schema

from eportal.api.pagination import PageMeta, PageQuery, page_of
from eportal.core import abuse
from eportal.portals.models import Portal
from eportal.qa import queries, services
from eportal.qa.forms import SCOPE, AnswerSearchForm, QuestionFields
from eportal.qa.models import QASettings, Question, Topic

PREFIX = "questions"
router = Router(tags=["Hỏi đáp"])
answers_router = Router(tags=["Hỏi đáp"])
EXTRA_ROUTERS = {"answers": answers_router}


class QuestionIn(Schema):
    # Every field is optional here so that missing or bad values get the same
    # field-named Vietnamese messages as the page form (QuestionFields).
    portal: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    topic: str = ""
    title: str = ""
    body: str = ""
    is_complaint: bool = False
    website: str = ""  # honeypot: people leave it empty


class QuestionCreated(Schema):
    code: str
    status: str
    received_at: datetime
    due_date: date | None


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
    where_to_file: str | None = None
    retry_after: int | None = None
    challenge: dict | None = None


class HistoryItem(Schema):
    at: datetime
    step: str
    label: str
    agency: str | None = None
    promised_date: date | None = None
    note: str = ""


class AnswerOut(Schema):
    text: str
    agency: str
    answered_at: datetime | None
    published_at: datetime | None


class QuestionOut(Schema):
    code: str
    portal: str
    title: str
    status: str
    status_label: str
    received_at: datetime
    due_date: date | None
    promised_date: date | None
    agency: str | None
    history: list[HistoryItem]
    answer: AnswerOut | None


class PublishedAnswer(Schema):
    code: str
    portal: str
    topic: str | None
    title: str
    question: str
    answer: str
    agency: str
    received_at: datetime
    answered_at: datetime | None
    published_at: datetime | None


class AnswerPage(PageMeta):
    items: list[PublishedAnswer]


class AnswerFilters(PageQuery):
    q: str = Field("", max_length=200, description="từ khóa, có hoặc không dấu")
    portal: str = Field("", max_length=63, description="nhãn cổng, ví dụ sotttt")
    topic: str = Field("", max_length=200, description="tên lĩnh vực")
    agency: int | None = Field(None, description="mã số cơ quan trả lời")


def _invalid(errors: dict, detail: str = "Dữ liệu không hợp lệ."):
    return 422, {"detail": detail, "errors": errors}


@router.post(
    "",
    response={201: QuestionCreated, 422: ErrorOut, 428: ErrorOut, 429: ErrorOut},
    summary="Gửi câu hỏi",
    description=(
        "Gửi câu hỏi đến một cổng. Header `Idempotency-Key` (tùy chọn): gửi lại cùng khóa "
        "nhận lại kết quả lần đầu, không tạo câu hỏi trùng. Khiếu nại, tố cáo → 422 kèm nơi gửi. "
        "Quá giới hạn → 429; khi cần câu hỏi kiểm tra → 428 kèm `challenge`, gửi lại với header "
        "`X-Challenge-Token` và `X-Challenge-Answer`."
    ),
)
def submit_question(request, payload: QuestionIn):
    replay = abuse.recall_response(request, SCOPE)
    if replay is not None:
        return replay
    portal = Portal.objects.filter(slug=payload.portal.strip()).first()
    if portal is None:
        return _invalid({"portal": ["Không có cổng thông tin này."]})
    refusal = abuse.api_guard(
        request, SCOPE, email=payload.email.strip() or None, honeypot=payload.website
    )
    if refusal is not None:
        return refusal
    data = payload.dict()
    topic_value = data.pop("topic").strip()
    topic = None
    if topic_value:
        topic = (
            Topic.objects.filter(portal=portal)
            .filter(
                Q(name__iexact=topic_value)
                | Q(pk=int(topic_value) if topic_value.isdigit() else None)
            )
            .first()
        )
        if topic is None:
            return _invalid({"topic": ["Lĩnh vực không có trong danh sách của cổng này."]})
    form = QuestionFields({**data, "topic": topic.pk if topic else ""}, portal=portal)
    if not form.is_valid():
        errors = {
            name: [
                f"{form.fields[name].label}: {m}" if name in form.fields else m for m in messages
            ]
            for name, messages in form.errors.items()
        }
        return _invalid(errors)
    cleaned = form.cleaned_data
    if cleaned["is_complaint"]:
        message = QASettings.complaint_message_for(portal)
        return 422, {
            "detail": "Kênh Hỏi đáp không tiếp nhận khiếu nại, tố cáo.",
            "errors": {"is_complaint": [message]},
            "where_to_file": message,
        }
    key = abuse.idempotency_key(request)
    question, _created = services.submit_question(
        portal,
        name=cleaned["name"],
        email=cleaned["email"],
        phone=cleaned["phone"],
        address=cleaned["address"],
        topic=cleaned["topic"],
        title=cleaned["title"],
        body=cleaned["body"],
        submission_key=f"api:{key}" if key else None,
    )
    body = {
        "code": question.code,
        "status": question.status,
        "received_at": question.received_at.isoformat(),
        "due_date": question.due_date.isoformat() if question.due_date else None,
    }
    return abuse.remember_response(request, SCOPE, 201, body)


def list_answers(request, filters: Query[AnswerFilters]):
    """Published answers; `portal` narrows to those a portal shows, `topic` to a field's name."""
    portal_obj = None
    if filters.portal:
        portal_obj = Portal.objects.filter(slug=filters.portal).first()
        if portal_obj is None:
            return page_of([], filters)
    form = AnswerSearchForm(filters.dict(include={"q", "topic", "agency"}, exclude_none=True))
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    return page_of(form.apply(queries.published_answers(portal_obj)), filters, _answer)


def _answer(a) -> dict:
    return {
        "code": a.code,
        "portal": a.portal.slug,
        "topic": a.topic.name if a.topic else None,
        "title": a.title,
        "question": a.body,
        "answer": a.answer,
        "agency": a.agency.name if a.agency else "",
        "received_at": a.received_at,
        "answered_at": a.answered_at,
        "published_at": a.published_at,
    }


answers_router.get(
    "", response=AnswerPage, summary="Câu trả lời đã công khai", operation_id="qa_list_answers"
)(list_answers)
router.get(
    "/answers",
    response=AnswerPage,
    summary="Câu trả lời đã công khai",
    operation_id="qa_list_answers_under_questions",
)(list_answers)


@router.get(
    "/{code}", response={200: QuestionOut, 404: ErrorOut}, summary="Tra cứu câu hỏi theo mã"
)
def get_question(request, code: str):
    question = (
        Question.objects.select_related("portal", "agency")
        .prefetch_related("events__agency")
        .filter(code=code.strip().upper()[:16])
        .first()
    )
    if question is None:
        return 404, {"detail": "Không tìm thấy câu hỏi có mã này."}
    published = question.status == Question.Status.PUBLISHED
    return 200, {
        "code": question.code,
        "portal": question.portal.slug,
        "title": question.title,
        "status": question.status,
        "status_label": question.get_status_display(),
        "received_at": question.received_at,
        "due_date": question.due_date,
        "promised_date": question.promised_date,
        "agency": question.agency.name if question.agency else None,
        "history": [
            {
                "at": e.at,
                "step": e.kind,
                "label": e.get_kind_display(),
                "agency": e.agency.name if e.agency else None,
                "promised_date": e.promised_date,
                "note": e.note,
            }
            for e in question.public_history()
        ],
        "answer": {
            "text": question.answer,
            "agency": question.agency.name if question.agency else "",
            "answered_at": question.answered_at,
            "published_at": question.published_at,
        }
        if published
        else None,
    }
