"""Public Q&A views, served by `QAIndexPage` routes under /hoi-dap/ of each portal."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from eportal.core import abuse, printing
from eportal.core.pagination import Pager
from eportal.qa import queries, services
from eportal.qa.forms import AnswerSearchForm, QuestionForm, TrackForm
from eportal.qa.models import QASettings, Question, Topic


def _portal(request, page):
    return getattr(request, "portal", None) or page.get_site().portal


def _render(request, page, template, context, status=200):
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, template, context, status=status)


def answer_list(request, page):
    """Published answers: this portal's (all portals' on the main one), filtered and searched."""
    portal = _portal(request, page)
    form = AnswerSearchForm(request.GET or None)
    answers = queries.published_answers(portal)
    topics = Topic.objects.filter(questions__status=Question.Status.PUBLISHED)
    if not portal.is_main:
        topics = topics.filter(portal=portal)
    if form.is_valid():
        answers = form.apply(answers)
    page_obj = Pager.for_request(request, answers, 20)
    return _render(
        request,
        page,
        "qa/qa_index_page.html",
        {
            "form": form,
            "answers": page_obj,
            "topic_names": sorted(set(topics.values_list("name", flat=True))),
            "portal": portal,
            "filtered": bool(
                request.GET.get("q") or request.GET.get("topic") or request.GET.get("agency")
            ),
        },
    )


def ask(request, page):
    """The question form; a complaint is answered at once with where to file it."""
    portal = _portal(request, page)
    complaint_message = None
    if request.method == "POST":
        form = QuestionForm(request.POST, request.FILES, request=request, portal=portal)
        previous = form.previous_result()
        if previous is not None:
            return redirect(previous)
        limited = form.rate_limit()
        if limited is not None:
            return abuse.too_many_requests(request, limited)
        if form.is_valid():
            data = form.cleaned_data
            if data["is_complaint"]:
                complaint_message = QASettings.complaint_message_for(portal)
            else:
                question, _created = services.submit_question(
                    portal,
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    address=data["address"],
                    topic=data["topic"],
                    title=data["title"],
                    body=data["body"],
                    attachments=data["attachments"],
                    submission_key=f"form:{form.form_token()}" if form.form_token() else None,
                )
                url = page.reverse_subpage("received_route", args=[question.code])
                url = page.get_url(request) + url
                form.remember_result(url)
                return redirect(url)
    else:
        form = QuestionForm(request=request, portal=portal)
    return _render(
        request,
        page,
        "qa/ask.html",
        {"form": form, "complaint_message": complaint_message, "portal": portal},
    )


def received(request, page, code):
    """The acknowledgement: tracking code and due date (nothing private)."""
    question = Question.objects.filter(code=code.upper()).first()
    if question is None:
        raise Http404
    return _render(request, page, "qa/received.html", {"question": question})


def track(request, page):
    """Status history by code; with the matching e-mail also the private details."""
    data = request.GET.copy()
    if data.get("ma") and not data.get("code"):
        data["code"] = data["ma"]  # the short link in mails and on the acknowledgement
    form = TrackForm(data or None)
    question = owner = None
    not_found = False
    if form.is_valid():
        question = (
            Question.objects.select_related("agency", "topic", "portal")
            .prefetch_related("events__agency")
            .filter(code=form.cleaned_data["code"])
            .first()
        )
        not_found = question is None
        email = form.cleaned_data["email"]
        owner = bool(
            question and email and constant_time_compare(email.lower(), question.email.lower())
        )
    return _render(
        request,
        page,
        "qa/track.html",
        {"form": form, "question": question, "owner": owner, "not_found": not_found},
        status=404 if not_found else 200,
    )


def _published_answer(code):
    question = queries.published_answers().filter(code=code.upper()).first()
    if question is None:
        raise Http404(_("Không có câu trả lời này."))
    return question


def answer_detail(request, page, code):
    question = _published_answer(code)
    return _render(request, page, "qa/answer_detail.html", {"question": question})


def _print_context(request, page, question) -> dict:
    # Only what the public answer page shows: never the asker's name or contact details.
    answer_url = page.reverse_subpage("answer_route", args=[question.code])
    return {
        "page": page,
        "self": page,
        "question": question,
        "print_title": question.title,
        "canonical_url": page.get_full_url(request) + answer_url,
    }


def answer_print(request, page, code):
    """The print layout of a published answer (Art. 3.2c)."""
    question = _published_answer(code)
    return printing.render_print(
        request, "qa/print_answer.html", _print_context(request, page, question)
    )


def answer_pdf(request, page, code):
    """The PDF of a published answer, made by the worker."""
    question = _published_answer(code)
    return printing.serve_print_pdf(
        request,
        "qa/print_answer.html",
        _print_context(request, page, question),
        f"hoi-dap-{question.code.lower()}.pdf",
    )


def suggest(request, page):
    """JSON: published answers similar to a title being typed."""
    portal = _portal(request, page)
    title = (request.GET.get("q") or "")[:200]
    base = page.get_url(request)
    results = [
        {
            "code": q.code,
            "title": q.title,
            "agency": q.agency.name if q.agency else "",
            "url": base + page.reverse_subpage("answer_route", args=[q.code]),
        }
        for q in queries.similar(portal, title)
    ]
    return JsonResponse({"results": results})
