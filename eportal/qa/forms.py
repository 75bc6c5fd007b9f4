"""Forms for citizens (ask, track) and for officials (the admin actions).

`QuestionFields` is the one validator of a submission: the page form adds the
abuse defences and attachments to it, and the API validates its JSON with it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eportal.core.abuse import AbuseProtectedFormMixin
from eportal.core.forms import StripControlsMixin
from eportal.core.uploads import check_upload
from eportal.portals.models import Agency, Portal
from eportal.qa import queries
from eportal.qa.models import Topic

MAX_BODY = 10_000
MAX_FILES = 3
MAX_FILE_BYTES = 10 * 1024 * 1024
ALLOWED_KINDS = ("pdf", "docx", "jpg", "png", "webp")
SCOPE = "qa-submit"


class QuestionFields(StripControlsMixin, forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )
    phone = forms.RegexField(
        label=_("Điện thoại (không bắt buộc)"),
        regex=r"^[0-9 +().-]{6,20}$",
        required=False,
        error_messages={
            "invalid": _("Số điện thoại chỉ gồm chữ số, dấu cách, + ( ) . - (6–20 ký tự).")
        },
    )
    address = forms.CharField(label=_("Địa chỉ (không bắt buộc)"), max_length=255, required=False)
    topic = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Topic.objects.none(),
        required=False,
        empty_label=_("— Chọn lĩnh vực —"),
        error_messages={"invalid_choice": _("Lĩnh vực không có trong danh sách của cổng này.")},
    )
    title = forms.CharField(label=_("Tiêu đề câu hỏi"), max_length=250)
    body = forms.CharField(
        label=_("Nội dung câu hỏi"),
        max_length=MAX_BODY,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    is_complaint = forms.BooleanField(
        label=_("Đây là đơn khiếu nại hoặc tố cáo"),
        required=False,
        help_text=_(
            "Kênh Hỏi đáp không tiếp nhận khiếu nại, tố cáo; chọn mục này để biết nơi gửi."
        ),
    )

    def __init__(self, *args, portal: Portal, **kwargs):
        super().__init__(*args, **kwargs)
        self.portal = portal
        self.fields["topic"].queryset = Topic.objects.filter(portal=portal)
        # Field-named messages: "Nội dung câu hỏi: ..." reads well on the page and in JSON.
        for field in self.fields.values():
            field.error_messages["required"] = _("Vui lòng nhập trường này.")
        self.fields["body"].error_messages.update(
            {
                "max_length": _(
                    "Nội dung câu hỏi dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."
                ),
                "min_length": _("Nội dung câu hỏi cần ít nhất %(limit_value)d ký tự."),
            }
        )
        self.fields["title"].error_messages["max_length"] = _(
            "Tiêu đề dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."
        )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Vui lòng nhập trường này."))
        return title

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Vui lòng nhập trường này."))
        return body


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class QuestionForm(AbuseProtectedFormMixin, QuestionFields):
    """The public form at /hoi-dap/gui-cau-hoi/."""

    abuse_scope = SCOPE
    abuse_email_field = "email"

    attachments = MultipleFileField(
        label=_("Tệp đính kèm (không bắt buộc)"),
        required=False,
        help_text=_("Tối đa 3 tệp PDF, DOCX hoặc ảnh (JPG, PNG, WebP), mỗi tệp không quá 10 MB."),
    )

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise ValidationError(_("Chỉ được đính kèm tối đa %(n)d tệp.") % {"n": MAX_FILES})
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(
                    (upload, check_upload(upload, allowed=ALLOWED_KINDS, max_bytes=MAX_FILE_BYTES))
                )
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Mã tra cứu"), max_length=16)
    email = forms.EmailField(
        label=_("Thư điện tử đã dùng khi gửi (để xem đầy đủ)"),
        required=False,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper().replace(" ", "").replace("-", "")


class AnswerSearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    topic = forms.CharField(label=_("Lĩnh vực"), required=False, max_length=200)
    agency = forms.ModelChoiceField(
        label=_("Cơ quan trả lời"),
        queryset=Agency.objects.filter(portal__isnull=False),
        required=False,
        empty_label=_("Tất cả cơ quan"),
    )

    def apply(self, answers):
        """Narrow published ``answers`` to the valid filters (the page and the API
        both filter through this form)."""
        data = self.cleaned_data
        if data["topic"].strip():
            answers = answers.filter(topic__name__iexact=data["topic"].strip())
        if data["agency"]:
            answers = answers.filter(agency=data["agency"])
        return queries.search(answers, data["q"])


# --- Admin action forms ----------------------------------------------------


class RouteForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Cơ quan trả lời"), queryset=Agency.objects.filter(portal__isnull=False)
    )
    topic = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Topic.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(portal_id=question.portal_id)
        self.fields["topic"].initial = question.topic_id


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ProgressForm(forms.Form):
    promised_date = forms.DateField(
        label=_("Ngày hẹn trả lời"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("Nội dung thông báo"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 10}), max_length=50_000
    )


class PublishForm(forms.Form):
    general_interest = forms.BooleanField(
        label=_("Được nhiều người quan tâm"), required=False, initial=True
    )
