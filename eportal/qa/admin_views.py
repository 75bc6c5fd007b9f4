"""Officials' side in the Wagtail admin: the question queue, one question with
its actions, attachments (staff only), topics and statistics.

Every view scopes by board membership through `services.visible_questions`;
a question outside the user's portals is a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from eportal.core import clock, xlsx
from eportal.core.forms import copy_errors
from eportal.core.uploads import private_file_response
from eportal.portals import access
from eportal.qa import services, stats
from eportal.qa.forms import AnswerForm, NoteForm, ProgressForm, PublishForm, ReasonForm, RouteForm
from eportal.qa.models import Question, QuestionAttachment, Topic

Status = Question.Status


class HandlerMixin(WagtailAdminTemplateMixin):
    header_icon = "help"

    def get_breadcrumbs_items(self):
        """End the trail with the page's own title, below the queue: Wagtail's
        default trail holds only "Home", which then stood as the page's heading."""
        items = [*self.breadcrumbs_items]
        if self.request.resolver_match.url_name != "list":
            items.append({"url": reverse("qa_admin:list"), "label": _("Hỏi đáp")})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not services.is_handler(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _question(request, pk):
    queryset = services.visible_questions(request.user).select_related("portal", "agency", "topic")
    return get_object_or_404(queryset, pk=pk)


class QuestionListView(HandlerMixin, TemplateView):
    template_name = "qa/admin/list.html"
    page_title = _("Hỏi đáp: câu hỏi")

    FILTERS = {
        "cho-xu-ly": Q(status__in=[Status.RECEIVED, Status.RETURNED]),
        "dang-tra-loi": Q(status__in=[Status.ROUTED, Status.DRAFTED]),
        "da-tra-loi": Q(status__in=[Status.ANSWERED, Status.PUBLISHED]),
        "tu-choi": Q(status__in=[Status.REFUSED_COMPLAINT, Status.OUT_OF_SCOPE]),
    }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        questions = services.visible_questions(self.request.user).select_related(
            "portal", "agency", "topic"
        )
        current = self.request.GET.get("loc", "")
        if current in self.FILTERS:
            questions = questions.filter(self.FILTERS[current])
        code = (self.request.GET.get("ma") or "").strip().upper()
        if code:
            questions = questions.filter(code__contains=code[:16])
        context.update(
            questions=questions.order_by("due_date", "-received_at")[:200],
            filters=[
                ("", _("Tất cả")),
                ("cho-xu-ly", _("Chờ phân loại")),
                ("dang-tra-loi", _("Đang trả lời")),
                ("da-tra-loi", _("Đã trả lời")),
                ("tu-choi", _("Không tiếp nhận")),
            ],
            current=current,
            code=code,
            today=clock.today(),
        )
        return context


class QuestionDetailView(HandlerMixin, TemplateView):
    template_name = "qa/admin/detail.html"

    def get_page_title(self):
        return _("Câu hỏi %(code)s") % {"code": self.question.code}

    def dispatch(self, request, *args, **kwargs):
        self.question = _question(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def actions(self, forms=None):
        """Return the forms of the actions this user may take now, by action name."""
        q, user = self.question, self.request.user
        forms = forms or {}
        available = {}
        if services.can_classify(user, q):
            if q.status in (Status.RECEIVED, Status.RETURNED, Status.ROUTED):
                available["route"] = forms.get("route") or RouteForm(question=q, prefix="route")
            if q.status in (Status.RECEIVED, Status.RETURNED):
                available["refuse"] = forms.get("refuse") or NoteForm(prefix="refuse")
                available["out_of_scope"] = forms.get("out_of_scope") or ReasonForm(
                    prefix="out_of_scope"
                )
            if q.status == Status.ANSWERED:
                available["publish"] = forms.get("publish") or PublishForm(prefix="publish")
            if q.status == Status.PUBLISHED:
                available["unpublish"] = NoteForm(prefix="unpublish")
        if services.can_answer(user, q) and q.status in (Status.ROUTED, Status.DRAFTED):
            available["draft"] = forms.get("draft") or AnswerForm(
                prefix="draft", initial={"answer": q.answer}
            )
            available["progress"] = forms.get("progress") or ProgressForm(prefix="progress")
            available["return"] = forms.get("return") or ReasonForm(prefix="return")
        if q.status == Status.DRAFTED and services.can_approve(user, q):
            available["approve"] = NoteForm(prefix="approve")
            available["reject_draft"] = forms.get("reject_draft") or NoteForm(prefix="reject_draft")
        return available

    def get_context_data(self, forms=None, **kwargs):
        context = super().get_context_data(**kwargs)
        q = self.question
        context.update(
            question=q,
            events=q.events.select_related("by", "agency"),
            attachments=q.attachments.all(),
            reminders=q.reminders.all(),
            actions=self.actions(forms),
            own_draft=q.status == Status.DRAFTED and q.answer_drafted_by_id == self.request.user.pk,
            overdue=q.is_overdue(),
            tracking_url=services_tracking_url(q),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        available = self.actions()
        if action not in available:
            raise PermissionDenied
        form_class = type(available[action])
        kwargs = {"question": self.question} if form_class is RouteForm else {}
        form = form_class(request.POST, prefix=action, **kwargs)
        if form.is_valid():
            try:
                self.perform(action, form.cleaned_data)
            except ValidationError as error:
                copy_errors(form, error)
            else:
                messages.success(
                    request, _("Đã cập nhật câu hỏi %(code)s.") % {"code": self.question.code}
                )
                return redirect("qa_admin:detail", pk=self.question.pk)
        return self.render_to_response(self.get_context_data(forms={action: form}), status=400)

    def perform(self, action, data):
        q, user = self.question, self.request.user
        if action == "route":
            services.route_question(
                q, data["agency"], topic=data["topic"], note=data["note"], by=user
            )
        elif action == "refuse":
            services.refuse_as_complaint(q, note=data["note"], by=user)
        elif action == "out_of_scope":
            services.mark_out_of_scope(q, reason=data["reason"], by=user)
        elif action == "return":
            services.return_to_board(q, reason=data["reason"], by=user)
        elif action == "progress":
            services.send_progress_notice(
                q, promised_date=data["promised_date"], note=data["note"], by=user
            )
        elif action == "draft":
            services.draft_answer(q, data["answer"], by=user)
        elif action == "approve":
            services.approve_answer(q, by=user)
        elif action == "reject_draft":
            services.reject_draft(q, note=data["note"], by=user)
        elif action == "publish":
            services.set_published(q, True, general_interest=data["general_interest"], by=user)
        elif action == "unpublish":
            services.set_published(q, False, by=user)


def services_tracking_url(question):
    from eportal.qa.notifications import tracking_url

    return tracking_url(question)


def attachment(request, pk, attachment_id):
    """Serve an attachment to staff who may see the question; never from a public URL."""
    if not services.is_handler(request.user):
        raise PermissionDenied
    question = _question(request, pk)
    item = get_object_or_404(QuestionAttachment, pk=attachment_id, question=question)
    return private_file_response(item.file, item.original_name)


class StatisticsView(HandlerMixin, TemplateView):
    template_name = "qa/admin/stats.html"
    page_title = _("Hỏi đáp: thống kê")

    def get(self, request, *args, **kwargs):
        rows = self.rows()
        if request.GET.get("format") == "xlsx":
            return xlsx.response(stats.to_xlsx(rows), "thong-ke-hoi-dap.xlsx")
        return self.render_to_response(self.get_context_data(rows=rows))

    def rows(self):
        questions = services.visible_questions(self.request.user)
        year = self.request.GET.get("nam", "")
        if year.isdigit() and 2000 <= int(year) <= 2100:
            start = timezone.make_aware(timezone.datetime(int(year), 1, 1))
            questions = questions.filter(
                received_at__gte=start, received_at__lt=start.replace(year=start.year + 1)
            )
        return stats.compute(questions, today=clock.today())

    def get_context_data(self, rows=(), **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=rows,
            totals=stats.totals(rows),
            labels=stats.column_labels(),
            columns=stats.COLUMNS,
        )
        return context


class TopicsView(HandlerMixin, TemplateView):
    """Each board keeps its portal's list of fields (lĩnh vực)."""

    template_name = "qa/admin/topics.html"
    page_title = _("Hỏi đáp: lĩnh vực")

    def portals(self):
        return access.portals(self.request.user, "qa.topics")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        portals = list(self.portals())
        topics = Topic.objects.filter(portal__in=portals).select_related("portal")
        context.update(portals=portals, topics=topics)
        return context

    def post(self, request, *args, **kwargs):
        portals = {p.pk: p for p in self.portals()}
        if request.POST.get("delete"):
            topic = get_object_or_404(Topic, pk=request.POST["delete"], portal__in=portals)
            services.delete_topic(topic, by=request.user)
        else:
            portal = portals.get(int(request.POST.get("portal") or 0))
            if portal is None:
                raise Http404
            try:
                services.add_topic(portal, request.POST.get("name", ""), by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect("qa_admin:topics")
