"""Forms of dossiers: the per-procedure online form and supplements on the
public site; dossier steps and counter dossiers in the admin."""

from __future__ import annotations

import uuid
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eportal.core.forms import StripControlsMixin, check_text
from eportal.dossiers import services as dossier_services
from eportal.dossiers.models import Channel
from eportal.procedures.models import FormField, ProcedurePage


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file input that accepts several files (each is checked by the service)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        items = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


def _no_markup(label):
    def check(value):
        check_text(value or "", str(label))

    return check


def procedure_form_class(procedure: ProcedurePage, *, with_files=True, kept=frozenset()):
    """Build the online form of a procedure from the fields its staff defined.

    ``kept`` names the components whose files a draft already holds: they
    need not be uploaded again.
    """
    fields = {"submission_key": forms.CharField(widget=forms.HiddenInput, required=False)}
    labels = {}
    for index, spec in enumerate(procedure.form_fields.all()):
        name = f"field_{index}"
        labels[name] = spec.label
        common = {
            "label": spec.label,
            "required": spec.required,
            "help_text": spec.help_text,
        }
        if spec.kind == FormField.Kind.DATE:
            field = forms.DateField(
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                **common,
            )
        elif spec.kind == FormField.Kind.CHOICE:
            field = forms.ChoiceField(
                choices=[("", "—")] + [(c, c) for c in spec.choice_list()], **common
            )
        elif spec.kind == FormField.Kind.ID_NUMBER:
            field = forms.RegexField(
                regex=dossier_services.ID_NUMBER_RE,
                max_length=12,
                error_messages={"invalid": _("Số định danh cá nhân gồm đúng 12 chữ số.")},
                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                **common,
            )
        else:
            field = forms.CharField(max_length=2000, validators=[_no_markup(spec.label)], **common)
        fields[name] = field
    components = {}
    if with_files:
        for index, component in enumerate(procedure.components.all()):
            name = f"component_{index}"
            components[name] = component.name
            fields[name] = MultipleFileField(
                label=component.name,
                required=component.required and component.name not in kept,
                help_text=_("PDF, Word, ảnh JPG/PNG; tối đa %(mb)d MB mỗi tệp.")
                % {"mb": dossier_services.max_upload_bytes() // (1024 * 1024)},
            )

    def answers(self) -> list[tuple[str, str]]:
        result = []
        for name, label in labels.items():
            value = self.cleaned_data.get(name)
            if hasattr(value, "strftime"):
                value = value.strftime("%d/%m/%Y")
            result.append((label, str(value or "")))
        return result

    def files_by_component(self) -> dict[str, list]:
        return {
            label: self.cleaned_data.get(name) or []
            for name, label in components.items()
            if self.cleaned_data.get(name)
        }

    def component_field(self, component_name):
        for name, label in components.items():
            if label == component_name:
                return name
        return "__all__"

    def initial_from(answers_: list) -> dict:
        """Form values back from a draft's (label, value) answers."""
        stored = {label: value for label, value in answers_}
        initial = {name: stored[label] for name, label in labels.items() if label in stored}
        for name, value in initial.items():
            if isinstance(fields[name], forms.DateField) and value:
                try:
                    initial[name] = datetime.strptime(value, "%d/%m/%Y").date()
                except ValueError:
                    pass
        return initial

    attrs = fields | {
        "initial_from": staticmethod(initial_from),
        "answers": answers,
        "files_by_component": files_by_component,
        "component_field": component_field,
    }
    return type("ProcedureForm", (StripControlsMixin, forms.Form), attrs)


def new_submission_key() -> str:
    return uuid.uuid4().hex


class SupplementForm(StripControlsMixin, forms.Form):
    files = MultipleFileField(label=_("Giấy tờ bổ sung"))
    component = forms.ChoiceField(label=_("Thành phần hồ sơ"))
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[_no_markup(_("Ghi chú"))],
    )

    def __init__(self, *args, procedure=None, **kwargs):
        super().__init__(*args, **kwargs)
        names = [c.name for c in procedure.components.all()] if procedure else []
        self.fields["component"].choices = [(n, n) for n in names]


# --- Admin ---------------------------------------------------------------------


class StepForm(StripControlsMixin, forms.Form):
    ACTIONS = [
        ("accepted", _("Tiếp nhận hồ sơ")),
        ("processing", _("Chuyển xử lý")),
        ("supplement", _("Yêu cầu bổ sung giấy tờ (mẫu 02)")),
        ("not_accepted", _("Từ chối tiếp nhận (mẫu 03)")),
        ("payment", _("Yêu cầu thực hiện nghĩa vụ tài chính")),
        ("done", _("Đã xử lý xong")),
        ("returned", _("Trả kết quả")),
        ("stopped", _("Dừng xử lý")),
        ("apology", _("Xin lỗi và hẹn lại ngày trả (mẫu 04)")),
    ]
    action = forms.ChoiceField(label=_("Thao tác"), choices=ACTIONS)
    note = forms.CharField(
        label=_("Ghi chú / lý do"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    items = forms.CharField(
        label=_("Giấy tờ cần bổ sung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    amount = forms.IntegerField(label=_("Số tiền (đồng)"), required=False, min_value=1)
    new_date = forms.DateField(
        label=_("Ngày hẹn mới"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CounterDossierForm(StripControlsMixin, forms.Form):
    procedure = forms.ModelChoiceField(label=_("Thủ tục"), queryset=ProcedurePage.objects.none())
    channel = forms.ChoiceField(
        label=_("Hình thức nhận"),
        choices=[(Channel.IN_PERSON, Channel.IN_PERSON.label), (Channel.POST, Channel.POST.label)],
    )
    applicant_name = forms.CharField(label=_("Người nộp"), max_length=255)
    applicant_phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    applicant_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    applicant_address = forms.CharField(label=_("Địa chỉ"), max_length=500, required=False)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, procedures=None, **kwargs):
        super().__init__(*args, **kwargs)
        if procedures is not None:
            self.fields["procedure"].queryset = procedures
