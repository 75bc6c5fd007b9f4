"""Admin screens of the drafting agency's board: moderate, respond, close,
export and conclude. Every screen is scoped to the consultations in the
trees of the portals whose board the user sits on (editors and approvers);
another portal's consultation is a 404, closing and concluding need an
approver (403 otherwise)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from eportal.consultations import queries, services, synthesis
from eportal.consultations.forms import ConcludeForm, HideForm, RespondForm
from eportal.consultations.models import Comment, ConsultationPage, Status
from eportal.core.printing import serve_pdf


def _forbidden(request, message):
    # Wagtail turns PermissionDenied into a redirect to the dashboard; the board
    # member should see why instead.
    return TemplateResponse(
        request,
        "consultations/admin/forbidden.html",
        {"message": message, "page_title": _("Không được phép"), "header_icon": "warning"},
        status=403,
    )


def _consultation(request, pk) -> ConsultationPage:
    return get_object_or_404(queries.moderated_consultations(request.user), pk=pk)


def index(request):
    pages = (
        queries.moderated_consultations(request.user)
        .annotate(
            pending=Count("comments", filter=Q(comments__status=Comment.Moderation.PENDING)),
            total=Count("comments"),
        )
        .order_by("-opens_at", "-pk")
    )
    return TemplateResponse(
        request,
        "consultations/admin/index.html",
        {"pages": pages, "page_title": _("Lấy ý kiến góp ý"), "header_icon": "comment"},
    )


def detail(request, pk):
    page = _consultation(request, pk)
    status_filter = request.GET.get("trang-thai", "")
    comments = page.comments.select_related("moderated_by", "responded_by")
    if status_filter in Comment.Moderation.values:
        comments = comments.filter(status=status_filter)
    counts = dict(
        page.comments.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    status = page.status()
    return TemplateResponse(
        request,
        "consultations/admin/detail.html",
        {
            "consultation": page,
            "status": status,
            "comments": comments,
            "counts": counts,
            "status_filter": status_filter,
            "moderation_choices": Comment.Moderation.choices,
            "respond_form": RespondForm(),
            "conclude_form": ConcludeForm(),
            "can_conclude": queries.can_conclude(request.user, page),
            "can_export": status in (Status.CLOSED, Status.CONCLUDED),
            "page_title": page.title,
            "page_subtitle": page.status_label(),
            "header_icon": "comment",
        },
    )


def _back(page, comment=None):
    url = reverse("consultations_admin:detail", args=[page.pk])
    return redirect(f"{url}#y-kien-{comment.pk}" if comment else url)


def _report(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


@require_POST
def comment_action(request, pk, comment_pk, action):
    page = _consultation(request, pk)
    comment = get_object_or_404(page.comments, pk=comment_pk)
    try:
        if action == "approve":
            services.approve(comment, by=request.user)
            messages.success(request, _("Đã duyệt ý kiến."))
        elif action == "hide":
            form = HideForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Vui lòng nêu lý do ẩn ý kiến (tối đa 500 ký tự)."))
            services.hide(comment, reason=form.cleaned_data["reason"], by=request.user)
            messages.success(request, _("Đã ẩn ý kiến."))
        elif action == "respond":
            form = RespondForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Vui lòng chọn mức tiếp thu."))
            services.respond(
                comment,
                response=form.cleaned_data["response"],
                explanation=form.cleaned_data["explanation"],
                by=request.user,
            )
            messages.success(request, _("Đã lưu giải trình."))
        else:
            raise Http404
    except ValidationError as error:
        _report(request, error)
    return _back(page, comment)


@require_POST
def close(request, pk):
    page = _consultation(request, pk)
    if not queries.can_conclude(request.user, page):
        return _forbidden(request, _("Chỉ người kiểm duyệt của cổng mới kết thúc lấy ý kiến."))
    try:
        services.close(page, by=request.user)
        messages.success(request, _("Đã kết thúc lấy ý kiến."))
    except ValidationError as error:
        _report(request, error)
    return _back(page)


@require_POST
def conclude(request, pk):
    page = _consultation(request, pk)
    if not queries.can_conclude(request.user, page):
        return _forbidden(request, _("Chỉ người kiểm duyệt của cổng mới công bố tổng hợp ý kiến."))
    form = ConcludeForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.conclude(
                page,
                explanation=form.cleaned_data["explanation"],
                report=form.cleaned_data["report"],
                by=request.user,
            )
            messages.success(request, _("Đã công bố tổng hợp ý kiến trên trang dự thảo."))
        except ValidationError as error:
            _report(request, error)
    else:
        messages.error(request, _("Tệp báo cáo không hợp lệ."))
    return _back(page)


def export(request, pk, kind):
    page = _consultation(request, pk)
    if kind not in ("xlsx", "pdf"):
        raise Http404
    if page.status() not in (Status.CLOSED, Status.CONCLUDED):
        return _forbidden(request, _("Chỉ xuất bảng tổng hợp sau khi kết thúc lấy ý kiến."))
    if kind == "xlsx":
        return synthesis.xlsx_response(page)
    return serve_pdf(
        request, synthesis.html(page, request), synthesis.filename(page, "pdf"), inline=False
    )
