"""The record that a translated page fell behind its Vietnamese source.

One row per time it falls behind: the Art. 12 deadline ("cập nhật bản tiếng
Anh") hangs on the row, so each update is counted on time or late by itself.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationUpdate(models.Model):
    """The source changed after ``translation`` was last published; open until it is."""

    translation = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="translation_updates",
        verbose_name=_("bản dịch"),
    )
    source = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("bản gốc")
    )
    # The source's published revision that made the translation outdated.
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    portal = models.ForeignKey(
        "portals.Portal",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cổng"),
    )
    opened_at = models.DateTimeField(_("bản gốc thay đổi lúc"))
    synced_at = models.DateTimeField(_("bản dịch cập nhật lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("cập nhật bản dịch")
        verbose_name_plural = _("cập nhật bản dịch")
        constraints = [
            # At most one open update per translation: a second change of the
            # source before the translation catches up does not restart the clock.
            models.UniqueConstraint(
                fields=["translation"],
                condition=models.Q(synced_at__isnull=True),
                name="translations_one_open_update_per_page",
            )
        ]

    def __str__(self):
        return str(_("Cập nhật bản tiếng Anh: %(title)s") % {"title": self.translation.title})

    @property
    def title(self):
        return str(self)

    @property
    def admin_edit_page(self):
        """The page an editor opens to do the work (the compliance dashboard's link)."""
        return self.translation
