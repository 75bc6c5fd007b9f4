"""The public comment form and the admin's moderation forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from eportal.consultations import services
from eportal.consultations.models import Comment
from eportal.core.abuse import AbuseProtectedFormMixin

COMMENT_SCOPE = "consultation-comment"


class CommentForm(AbuseProtectedFormMixin, forms.Form):
    """A comment on the whole draft or on one article."""

    abuse_scope = COMMENT_SCOPE
    abuse_email_field = "email"

    article = forms.ChoiceField(label=_("Góp ý cho"), required=False)
    name = forms.CharField(label=_("Họ và tên"), max_length=services.MAX_NAME)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        help_text=_("Không công khai; dùng để liên hệ khi cần làm rõ ý kiến."),
    )
    organization = forms.CharField(
        label=_("Cơ quan, tổ chức (nếu góp ý thay mặt tổ chức)"),
        max_length=services.MAX_ORGANIZATION,
        required=False,
    )
    body = forms.CharField(
        label=_("Nội dung góp ý"),
        max_length=services.MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    notify = forms.BooleanField(
        label=_("Báo cho tôi qua thư điện tử khi công bố bảng tổng hợp ý kiến"), required=False
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.fields["article"].choices = [("", _("Toàn bộ dự thảo"))] + [
            (a.key, a.label[:120]) for a in consultation.draft.articles
        ]


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Lý do ẩn"), max_length=services.MAX_REASON)


class RespondForm(forms.Form):
    response = forms.ChoiceField(label=_("Tiếp thu"), choices=Comment.Response.choices)
    explanation = forms.CharField(
        label=_("Giải trình"),
        required=False,
        max_length=services.MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConcludeForm(forms.Form):
    explanation = forms.CharField(
        label=_("Giải trình, tiếp thu chung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    report = forms.FileField(
        label=_("Báo cáo giải trình, tiếp thu (PDF, Word)"),
        required=False,
    )
