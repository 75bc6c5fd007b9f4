"""The search index: one row per published item that readers can find."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from eportal.portals.models import Portal
from eportal.vntext import normalize


class Kind(models.TextChoices):
    """What a result is; the filter "type" of the search page and the API."""

    ARTICLE = "article", _("Tin tức")
    LEGAL = "legal", _("Văn bản")
    PROCEDURE = "procedure", _("Thủ tục hành chính")
    QA = "qa", _("Hỏi đáp")
    CONSULTATION = "consultation", _("Lấy ý kiến dự thảo")
    DOCUMENT = "document", _("Tài liệu")
    PAGE = "page", _("Trang thông tin")


class SearchEntry(models.Model):
    """An indexed item: what is shown in a result and the words it is found by.

    ``title_terms``/``body_terms`` hold the item's words in lower case with
    their accents, ``title_folded``/``body_folded`` the same words without,
    each padded with spaces so that " word " matches a whole word. On
    PostgreSQL a generated ``search_vector`` column (not in this model, see
    migration 0002) indexes them for full-text search, on SQLite the FTS5
    table ``search_fts`` (0004); the index ``search_entry_newest`` (0004, in
    SQL: each database spells "newest first, undated last" its own way)
    serves the newest matches first.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    portal = models.ForeignKey(
        Portal, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=32, choices=Kind.choices)
    title = models.TextField(_("tiêu đề"))
    body = models.TextField(_("nội dung"), blank=True)
    title_terms = models.TextField(blank=True)
    title_folded = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    url = models.CharField(max_length=1000)
    # The language of the item's text ("vi", "en"): a search shows the items of
    # the reader's language only, so a translation is not a duplicate result.
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")
    # True when the URL is served on every portal's host (documents).
    url_is_global = models.BooleanField(default=False)
    date = models.DateField(_("ngày"), null=True, blank=True)
    sector = models.CharField(_("lĩnh vực"), max_length=255, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_entry"
        verbose_name = _("mục chỉ mục tìm kiếm")
        verbose_name_plural = _("chỉ mục tìm kiếm")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_item")
        ]
        indexes = [
            models.Index(fields=["portal", "kind"], name="search_entry_portal_kind"),
            models.Index(fields=["language", "kind"], name="search_entry_language_kind"),
            models.Index(fields=["date"], name="search_entry_date"),
            models.Index(fields=["sector"], name="search_entry_sector"),
        ]

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """A folded word that occurs in the index: the vocabulary for "did you mean"."""

    word = models.CharField(max_length=64, unique=True)

    class Meta:
        db_table = "search_word"

    def __str__(self):
        return self.word


class Synonym(models.Model):
    """Words that mean the same to a reader: an abbreviation and what it stands for
    ("CCCD" and "căn cước công dân"), or two names of one thing.

    Editable data (the super-administrator's "Từ đồng nghĩa" in the admin): a
    query holding one of the phrases also finds the items holding another.
    """

    phrases = models.TextField(
        _("các cách gọi"),
        help_text=_(
            "Mỗi dòng một cách gọi có cùng nghĩa, ví dụ: CCCD / căn cước công dân "
            "(mỗi cách gọi một dòng)."
        ),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "search_synonym"
        verbose_name = _("từ đồng nghĩa")
        verbose_name_plural = _("từ đồng nghĩa")
        ordering = ["phrases"]

    def __str__(self):
        return " = ".join(self.phrase_list())

    def save(self, *args, **kwargs):
        self.phrases = normalize(self.phrases)
        self.note = normalize(self.note)
        super().save(*args, **kwargs)

    def phrase_list(self) -> list[str]:
        """The phrases, one per line, trimmed, without empty lines or repeats."""
        seen: list[str] = []
        for line in self.phrases.splitlines():
            line = " ".join(line.split())
            if line and line not in seen:
                seen.append(line)
        return seen
