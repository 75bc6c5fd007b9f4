"""Public views of a consultation page: the draft, the comment form, the synthesis."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from eportal.consultations import services, synthesis
from eportal.consultations.forms import CommentForm
from eportal.consultations.models import Status
from eportal.core.abuse import too_many_requests
from eportal.core.forms import copy_errors
from eportal.core.printing import serve_pdf


def _page_context(request, page, **extra):
    context = page.get_context(request)
    return context | page._detail_context(request) | extra


def consultation_detail(request, page):
    form = None
    if page.is_open():
        form = CommentForm(request=request, consultation=page)
    context = _page_context(request, page, form=form)
    return TemplateResponse(request, page.get_template(request), context)


def consultation_comment(request, page):
    """The comment form alone (``?dieu=<key>`` picks an article) and its submission."""
    if request.method != "POST":
        if not page.is_open():
            return _closed(request, page, status=200)
        key = request.GET.get("dieu", "")
        article = page.draft.article(key)
        form = CommentForm(
            request=request,
            consultation=page,
            initial={"article": article.key if article else ""},
        )
        return _form_page(request, page, form, article)

    form = CommentForm(request.POST, request=request, consultation=page)
    if (previous := form.previous_result()) is not None:
        return redirect(previous)
    if not page.is_open():
        return _closed(request, page, status=409)
    if (limited := form.rate_limit()) is not None:
        return too_many_requests(request, limited)
    if form.is_valid():
        token = form.form_token()
        data = form.cleaned_data
        try:
            services.submit_comment(
                page,
                name=data["name"],
                email=data["email"],
                organization=data["organization"],
                body=data["body"],
                article_key=data["article"],
                notify=data["notify"],
                submission_key=f"form:{token}" if token else None,
            )
        except services.NotOpen:
            return _closed(request, page, status=409)
        except ValidationError as error:
            copy_errors(form, error)
        else:
            result = page.get_url(request) + page.reverse_subpage("comment_received")
            form.remember_result(result)
            return redirect(result)
    article = page.draft.article(request.POST.get("article", ""))
    return _form_page(request, page, form, article, status=400)


def _form_page(request, page, form, article, status=200):
    context = page.get_context(request) | {"form": form, "article": article}
    return TemplateResponse(request, "consultations/comment_form_page.html", context, status=status)


def _closed(request, page, status):
    context = page.get_context(request) | {
        "message": services.not_open_message(page),
        "status": page.status(),
    }
    return TemplateResponse(request, "consultations/comment_closed.html", context, status=status)


def comment_received(request, page):
    return TemplateResponse(
        request, "consultations/comment_received.html", page.get_context(request)
    )


def public_synthesis(request, page, kind):
    """The published synthesis of comments, once the consultation is concluded."""
    if page.status() != Status.CONCLUDED:
        raise Http404
    if kind == "xlsx":
        return synthesis.xlsx_response(page)
    return serve_pdf(request, synthesis.html(page, request), synthesis.filename(page, "pdf"))
