from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from eportal.search.models import Kind
from eportal.search.text import MAX_QUERY_LENGTH

MAX_PAGE = 10**9


class SearchForm(forms.Form):
    """The query string of /tim-kiem/ (and of the API): every field is optional."""

    q = forms.CharField(
        label=_("Từ khóa"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Từ khóa quá dài: tối đa %(limit_value)d ký tự (đã nhập %(show_value)d)."
            )
        },
    )
    type = forms.ChoiceField(
        label=_("Loại"), required=False, choices=[("", _("Tất cả"))] + Kind.choices
    )
    portal = forms.SlugField(label=_("Cổng thông tin"), required=False, max_length=100)
    sector = forms.CharField(label=_("Lĩnh vực"), required=False, max_length=255)
    year = forms.IntegerField(
        label=_("Năm"),
        required=False,
        min_value=1945,
        max_value=2100,
        error_messages={
            "invalid": _("Năm phải là một số, ví dụ 2024."),
            "min_value": _("Năm không hợp lệ."),
            "max_value": _("Năm không hợp lệ."),
        },
    )
    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ (nhập theo dạng năm-tháng-ngày).")},
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ (nhập theo dạng năm-tháng-ngày).")},
    )
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("relevance", _("Phù hợp nhất")), ("date", _("Mới nhất"))],
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("Số trang không hợp lệ."),
            "min_value": _("Số trang không hợp lệ."),
            "max_value": _("Số trang không hợp lệ."),
        },
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # The API names the dates "from" and "to".
            data = data.copy()
            for short, name in (("from", "date_from"), ("to", "date_to")):
                if short in data and name not in data:
                    data[name] = data[short]
        super().__init__(data, *args, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return data
