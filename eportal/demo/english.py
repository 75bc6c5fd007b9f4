"""The English side of the demo province: portal and agency names, and an
English version of every portal's home, main sections, procedures and
consultation drafts (Art. 8.4), made the way an editor makes them (Wagtail's
"Translate" copy, then the English text, then publish).

It runs last, so that nothing the other parts publish afterwards leaves an
English page behind its Vietnamese source, except the one case this part
shows on purpose: the postal licence, whose Vietnamese text is edited after
its translation (an open "cập nhật bản tiếng Anh" item on the board's dashboard).
"""

from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page

from eportal.consultations.models import ConsultationPage
from eportal.news.models import CategoryPage, Kind
from eportal.portals import services as portal_services
from eportal.portals.models import Portal
from eportal.procedures.models import ProcedurePage

# Vietnamese agency name → (English portal name, English agency name).
NAMES = {
    "Ủy ban nhân dân tỉnh Thái Bình": (
        "Thai Binh Province e-Portal",
        "Thai Binh Provincial People's Committee",
    ),
    "Sở Thông tin và Truyền thông": (
        "e-Portal of the Department of Information and Communications",
        "Department of Information and Communications",
    ),
    "Sở Kế hoạch và Đầu tư": (
        "e-Portal of the Department of Planning and Investment",
        "Department of Planning and Investment",
    ),
    "Huyện Quỳnh Phụ": ("Quynh Phu District e-Portal", "Quynh Phu District People's Committee"),
    "Liên minh Hợp tác xã tỉnh": (
        "e-Portal of the Provincial Cooperative Alliance",
        "Provincial Cooperative Alliance",
    ),
}

SECTIONS = {
    "tin-tuc": ("News", "News and events of the agency."),
    "van-ban": ("Legal documents", "Legal documents issued by the agency."),
    "thu-tuc": ("Administrative procedures", "Procedures and online public services."),
    "hoi-dap": ("Questions and answers", "Ask a question and read the answers."),
    "gop-y": ("Consultations", "Draft documents open for comments."),
    "gioi-thieu": ("About us", "Functions, duties and organisation of the agency."),
    "lien-he": ("Contact", "Address, telephone and e-mail of the agency."),
    "lich-cong-tac": ("Work schedule", "What the leaders do this week, and any week."),
    "lanh-dao": ("Leaders", "The agency's leaders, their duties and their terms."),
}

# Procedure code → (title, sector, applicant, result).
PROCEDURES = {
    "1.003753": ("Postal licence (provincial)", "Postal services", "Enterprises", "Postal licence"),
    "1.004586": (
        "Printing operation licence",
        "Publishing, printing and distribution",
        "Printing establishments",
        "Printing operation licence",
    ),
    "1.001612": (
        "Registration of a private enterprise",
        "Establishment and operation of enterprises",
        "Individuals",
        "Enterprise registration certificate",
    ),
    "2.001958": (
        "Registration of a cooperative",
        "Establishment and operation of cooperatives",
        "Organisations",
        "Cooperative registration certificate",
    ),
    "2.000720": (
        "Registration of a household business",
        "Household businesses",
        "Individuals and households",
        "Household business registration certificate",
    ),
    "2.000635": (
        "Copy of a civil status extract",
        "Civil status",
        "Individuals",
        "Copy of the civil status extract",
    ),
    "2.000815": (
        "Certification of copies from originals",
        "Certification",
        "Individuals and organisations",
        "Certified copy",
    ),
}

QA_INTRO = (
    "Send a question to a state agency; it is answered within 15 working days. "
    "Answers of general interest are published below."
)

# Vietnamese fees of the demo's procedures → English.
FEES = {
    "Không": "None",
    "100.000 đồng/lần": "VND 100,000 per application",
    "Phí thẩm định: 5.000.000 đồng": "Appraisal fee: VND 5,000,000",
    "8.000 đồng/bản sao": "VND 8,000 per copy",
    "2.000 đồng/trang": "VND 2,000 per page",
    "Lệ phí đăng ký doanh nghiệp: 50.000 đồng/lần (miễn khi nộp trực tuyến).": (
        "Enterprise registration fee: VND 50,000 per application (free when filed online)."
    ),
}

STEPS = (
    "Prepare the dossier as required.\n"
    "Submit it in person, by post or online to the one-stop-shop desk.\n"
    "The officer checks and accepts the dossier and gives the appointment date.\n"
    "The agency examines and settles the dossier.\n"
    "The result is returned to the applicant."
)

# Consultation slug → (title, summary).
CONSULTATIONS = {
    "quy-che-cong-thong-tin-dien-tu": (
        "Draft regulation on managing and operating the provincial e-portal",
        "The public is invited to comment on the draft regulation on the provincial e-portal.",
    ),
    "ke-hoach-chuyen-doi-so-2026-2030": (
        "Draft digital transformation plan of Thai Binh province, 2026–2030",
        "The Department of Information and Communications invites comments on the draft plan.",
    ),
    "chinh-sach-ho-tro-nong-nghiep-cong-nghe-cao": (
        "Draft resolution on support for investment in high-tech agriculture",
        "Enterprises and cooperatives are invited to comment on the draft support policy.",
    ),
    "muc-thu-phi-tham-quan-den-tran": (
        "Draft resolution on the visitor fee at the Tran Temple relic site",
        "Comments are invited on the fee and on who is exempted or pays less.",
    ),
}

# The one English page shown behind its source (a real edit after the translation).
OUTDATED_CODE = "1.003753"


def load(report) -> None:
    admin = get_user_model().objects.get(username="admin")
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return
    for portal in Portal.objects.select_related("agency", "site__root_page"):
        names = NAMES.get(portal.agency.name)
        if names and not portal.name_en:
            portal_services.set_english_names(portal, *names, by=admin)
        home = portal.site.root_page
        _translate(
            home,
            english,
            admin,
            report,
            title=names[0] if names else None,
            body=_english_body(home.specific),
        )
        for section in home.get_children().in_menu().specific():
            title, summary = SECTIONS.get(section.slug, (None, None))
            extra = {"intro": QA_INTRO} if section.slug == "hoi-dap" else {}
            _translate(
                section,
                english,
                admin,
                report,
                title=title,
                summary=summary,
                search_description=summary,
                **extra,
            )
    for page in ProcedurePage.objects.filter(locale=Locale.get_default(), alias_of=None).live():
        title, sector, applicant, result = PROCEDURES.get(page.code, (None,) * 4)
        _translate(
            page,
            english,
            admin,
            report,
            title=title,
            sector=sector,
            applicant=applicant,
            result=result,
            steps=STEPS,
            fees=FEES.get(page.fees, page.fees),
            requirements="A complete dossier with truthful information.",
        )
    for page in ConsultationPage.objects.filter(locale=Locale.get_default(), alias_of=None).live():
        title, summary = CONSULTATIONS.get(page.slug, (None, None))
        _translate(page, english, admin, report, title=title, summary=summary)
    _edit_after_translation(admin)


def _translate(page, english, admin, report, **fields):
    """Publish ``page``'s English version with ``fields`` (once: a second run leaves it)."""
    page = page.specific
    if page.alias_of_id:  # a copy kept in step with its original elsewhere
        return None
    translation = page.get_translation_or_none(english)
    if (
        translation is not None
        and translation.live
        and not translation.alias_of_id
        and not _untouched(translation, page)
    ):
        report.count(created=False)
        return translation.specific
    if translation is None:
        translation = page.copy_for_translation(english, copy_parents=True)
    if translation.alias_of_id:
        # ``copy_parents`` makes the parents aliases of the Vietnamese pages
        # (shown in Vietnamese); an English section is a page of its own.
        ConvertAliasPageAction(translation, user=admin).execute()
        translation = Page.objects.get(pk=translation.pk)
    translation = translation.specific
    for name, value in fields.items():
        if value:
            setattr(translation, name, value)
    if fields.get("title"):
        translation.draft_title = fields["title"]
    translation.save_revision(user=admin).publish(user=admin)
    report.count(created=True)
    return translation


# The home's banner links, by address, under their English names.
BANNERS = {
    "https://chinhphu.vn/": "Government of Viet Nam portal",
    "https://pakn.dichvucong.gov.vn/": "Citizens' and businesses' feedback system",
    "https://vbpl.vn/": "National database of legal documents",
}


def _english_body(home) -> list[dict]:
    """The Vietnamese home's blocks for its English version: each block's heading
    left to its English default, banner links under English names."""
    blocks = []
    for block in home.body.raw_data:
        value = dict(block["value"])
        if "title" in value:
            value["title"] = ""
        if block["type"] == "news_list" and value.get("category"):
            # A category has no English page: its kind's English name heads the list.
            category = CategoryPage.objects.filter(pk=value["category"]).first()
            if category is not None:
                with translation.override("en"):
                    value["title"] = str(Kind(category.kind).label)
        if block["type"] == "popular_services":
            value["national_portal_title"] = "National Public Service Portal"
        if block["type"] == "banner_links":
            value["title"] = ""
            value["links"] = [
                {
                    **link,
                    "value": {
                        **link["value"],
                        "title": BANNERS.get(link["value"]["url"], link["value"]["title"]),
                    },
                }
                if "value" in link
                else {**link, "title": BANNERS.get(link["url"], link["title"])}
                for link in value.get("links", [])
            ]
        blocks.append({"type": block["type"], "value": value})
    return blocks


def _untouched(translation, source) -> bool:
    """A copy made on the way to a child (``copy_parents``) still has the Vietnamese title."""
    return translation.title == source.title


def _edit_after_translation(admin) -> None:
    page = ProcedurePage.objects.filter(code=OUTDATED_CODE, locale=Locale.get_default()).first()
    if (
        page is None
        or not Page.objects.filter(
            translation_key=page.translation_key, locale__language_code="en"
        ).exists()
    ):
        return
    if "Doanh nghiệp đã được cấp giấy chứng nhận" in page.requirements:
        return
    page.requirements += " Doanh nghiệp đã được cấp giấy chứng nhận đăng ký."
    page.save_revision(user=admin).publish(user=admin)
