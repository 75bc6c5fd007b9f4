"""RSS and Atom feeds of a portal's legal documents (/feeds/van-ban/…) and Gazette.

The document feed takes the filters of the search tool (``?form=&field=``…,
the same form and the same query as /van-ban/), newest issued first."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from eportal.core.feeds import FEED_SIZE, SectionFeed, feed_views, start_of_day
from eportal.legal import search
from eportal.legal.models import GazetteEntry, GazetteIssue, LegalDocumentIndexPage


class LegalDocumentFeed(SectionFeed):
    """The latest documents that the portal's search tool lists, filtered like it."""

    index_model = LegalDocumentIndexPage

    def get_feed_object(self, portal):
        index = self.index_of(portal)
        form = search.LegalSearchForm(self.request.GET or None)
        if form.is_bound and not form.is_valid():
            # An unknown form or field is an address that names nothing.
            raise Http404
        data = form.cleaned_data if form.is_bound else {}
        return {"portal": portal, "index": index, "form": form, "data": data}

    def title(self, obj):
        parts = [obj["index"].title]
        labels = {
            name: dict(obj["form"].fields[name].choices).get(obj["data"].get(name))
            for name in ("form", "field")
        }
        parts += [str(label) for label in labels.values() if label]
        return f"{obj['portal'].name} – {' – '.join(parts)}"

    def link(self, obj):
        return obj["index"].get_url(self.request) + search.filter_query(self.request.GET)

    def description(self, obj):
        return _("Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành mới của %(portal)s") % {
            "portal": obj["portal"].name
        }

    def items(self, obj):
        found = search.find(search.scope(obj["portal"]), obj["data"])
        return list(search.for_listing(found.documents)[:FEED_SIZE])

    def item_plain_title(self, item):
        return Truncator(f"{item.title}: {item.summary}").chars(250)

    def item_description(self, item):
        return format_html(
            "<p>{}</p><p>{}: {} · {}: {} · {}: {}</p>",
            item.summary,
            _("Số ký hiệu"),
            item.number,
            _("Cơ quan ban hành"),
            item.issuer,
            _("Ngày ban hành"),
            item.issued.strftime("%d/%m/%Y"),
        )

    def item_pubdate(self, item):
        return start_of_day(item.issued)

    def item_author_name(self, item):
        return item.issuer

    def item_categories(self, item):
        categories = [item.form_name]
        if item.sector_id:
            categories.append(item.sector.name)
        return categories


class GazetteFeed(SectionFeed):
    """The latest issues of the Official Gazette that the portal lists."""

    index_model = LegalDocumentIndexPage

    def title(self, obj):
        return f"{obj['portal'].name} – {_('Công báo')}"

    def link(self, obj):
        return obj["index"].get_url(self.request) + obj["index"].reverse_subpage("gazette")

    def description(self, obj):
        return _("Các số Công báo mới của %(portal)s") % {"portal": obj["portal"].name}

    def items(self, obj):
        self.index_url = obj["index"].get_full_url(self.request)
        self.index = obj["index"]
        issues = (
            GazetteIssue.objects.filter(search.gazette_scope(obj["portal"]))
            .select_related("portal")
            .prefetch_related(
                Prefetch("entries", queryset=GazetteEntry.objects.select_related("document"))
            )
        )
        return list(issues[:FEED_SIZE])

    def item_plain_title(self, item):
        return str(item)

    def item_link(self, item):
        return self.index_url + self.index.reverse_subpage("gazette_issue", args=[item.pk])

    def item_description(self, item):
        lines = []
        for entry in item.entries.all():
            # An entry may name a document that is not (or no longer) published.
            document = entry.document if entry.document and entry.document.live else None
            name = document.title if document else entry.number
            summary = entry.summary or (document.summary if document else "")
            lines.append(format_html("<li>{} – {}</li>", name, summary))
        note = format_html("<p>{}</p>", item.note) if item.note else ""
        return note + ("<ul>" + "".join(lines) + "</ul>" if lines else "")

    def item_pubdate(self, item):
        return start_of_day(item.published_on)

    def item_updateddate(self, item):
        return start_of_day(item.published_on)


document_rss, document_atom = feed_views(LegalDocumentFeed)
gazette_rss, gazette_atom = feed_views(GazetteFeed)
