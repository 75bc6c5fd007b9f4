"""Demo data: procedures in several sectors on several portals (some in
English), a demo citizen with dossiers in every status, and half a year of
counter dossiers so that the statistics page has something to show.

Idempotent: procedures are found by code, dossiers are created only when the
demo citizen has none.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from eportal.citizens.models import CitizenProfile
from eportal.core import clock
from eportal.demo.province import DEMO_PASSWORD
from eportal.dossiers import services as dossier_services
from eportal.dossiers.models import Channel, Dossier
from eportal.portals.models import Portal
from eportal.procedures.models import DossierComponent, FormField, ProcedurePage
from eportal.procedures.signal_handlers import ensure_index

CITIZEN_EMAIL = "congdan@example.com"
CITIZEN_NAME = "Nguyễn Văn An"


def _minimal_pdf(text: str) -> bytes:
    """A valid one-page PDF with an ASCII line of text (demo forms and uploads);
    built by hand because rendering with WeasyPrint would slow every demo load."""
    stream = f"BT /F1 16 Tf 72 770 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_PDF = _minimal_pdf("Mau don - du lieu mau eportal")

COMMON_FIELDS = [
    ("Họ tên người đề nghị", FormField.Kind.TEXT, "", True),
    ("Ngày sinh", FormField.Kind.DATE, "", True),
    ("Số định danh cá nhân", FormField.Kind.ID_NUMBER, "", True),
    ("Hình thức nhận kết quả", FormField.Kind.CHOICE, "Trực tiếp\nQua bưu chính\nTrực tuyến", True),
]

PROCEDURES = [
    {
        "portal": "sokhdt",
        "code": "1.001612",
        "title": "Đăng ký thành lập doanh nghiệp tư nhân",
        "sector": "Thành lập và hoạt động của doanh nghiệp",
        "level": "province",
        "online_level": "toan-trinh",
        "service_level": 4,
        "processing_days": 3,
        "fees": "Lệ phí đăng ký doanh nghiệp: 50.000 đồng/lần (miễn khi nộp trực tuyến).",
        "fee_amount": 50000,
        "components": [
            ("Giấy đề nghị đăng ký doanh nghiệp", 1, 0, True, True),
            ("Bản sao giấy tờ pháp lý của chủ doanh nghiệp", 0, 1, True, False),
        ],
        "legal_basis": "Luật Doanh nghiệp số 59/2020/QH14\nNghị định số 01/2021/NĐ-CP ngày 04/01/2021 của Chính phủ về đăng ký doanh nghiệp",
        "applicant": "Cá nhân",
        "result": "Giấy chứng nhận đăng ký doanh nghiệp",
        "english": (
            "Registration of a sole proprietorship",
            "Business registration",
            "Individuals",
            "Certificate of enterprise registration",
        ),
    },
    {
        "portal": "sokhdt",
        "code": "2.001958",
        "title": "Đăng ký thành lập hợp tác xã",
        "sector": "Thành lập và hoạt động của hợp tác xã",
        "level": "province",
        "online_level": "mot-phan",
        "service_level": 3,
        "processing_days": 5,
        "fees": "100.000 đồng/lần",
        "fee_amount": 100000,
        "components": [
            ("Giấy đề nghị đăng ký hợp tác xã", 1, 0, True, True),
            ("Điều lệ hợp tác xã", 1, 0, True, False),
            ("Danh sách thành viên", 1, 0, True, False),
        ],
        "legal_basis": "Luật Hợp tác xã số 17/2023/QH15\nNghị định số 92/2024/NĐ-CP về đăng ký hợp tác xã",
        "applicant": "Tổ chức",
        "result": "Giấy chứng nhận đăng ký hợp tác xã",
    },
    {
        "portal": "sotttt",
        "code": "1.003753",
        "title": "Cấp giấy phép bưu chính (cấp tỉnh)",
        "sector": "Bưu chính",
        "level": "province",
        "online_level": "toan-trinh",
        "service_level": 4,
        "processing_days": 10,
        "fees": "Phí thẩm định: 5.000.000 đồng",
        "fee_amount": 5000000,
        "components": [
            ("Đơn đề nghị cấp giấy phép bưu chính", 1, 0, True, True),
            ("Bản sao giấy chứng nhận đăng ký doanh nghiệp", 0, 1, True, False),
            ("Phương án kinh doanh", 1, 0, True, False),
        ],
        "legal_basis": "Luật Bưu chính số 49/2010/QH12\nNghị định số 47/2011/NĐ-CP ngày 17/6/2011 của Chính phủ",
        "applicant": "Doanh nghiệp",
        "result": "Giấy phép bưu chính",
        "english": (
            "Postal licence (provincial)",
            "Postal services",
            "Enterprises",
            "Postal licence",
        ),
    },
    {
        "portal": "sotttt",
        "code": "1.004586",
        "title": "Cấp giấy phép hoạt động in",
        "sector": "Xuất bản, In và Phát hành",
        "level": "province",
        "online_level": "",
        "service_level": 2,
        "processing_days": 7,
        "fees": "Không",
        "fee_amount": 0,
        "components": [
            ("Đơn đề nghị cấp giấy phép hoạt động in", 1, 0, True, True),
            ("Bản sao giấy tờ chứng minh quyền sử dụng mặt bằng", 0, 1, True, False),
        ],
        "legal_basis": "Nghị định số 60/2014/NĐ-CP ngày 19/6/2014 của Chính phủ quy định về hoạt động in",
        "applicant": "Cơ sở in",
        "result": "Giấy phép hoạt động in",
    },
    {
        "portal": "quynhphu",
        "code": "2.000720",
        "title": "Đăng ký thành lập hộ kinh doanh",
        "sector": "Thành lập và hoạt động của hộ kinh doanh",
        "level": "district",
        "online_level": "toan-trinh",
        "service_level": 4,
        "processing_days": 3,
        "fees": "100.000 đồng/lần",
        "fee_amount": 100000,
        "components": [
            ("Giấy đề nghị đăng ký hộ kinh doanh", 1, 0, True, True),
            ("Bản sao giấy tờ pháp lý của chủ hộ", 0, 1, True, False),
        ],
        "legal_basis": "Nghị định số 01/2021/NĐ-CP ngày 04/01/2021 của Chính phủ về đăng ký doanh nghiệp",
        "applicant": "Cá nhân, hộ gia đình",
        "result": "Giấy chứng nhận đăng ký hộ kinh doanh",
        "english": (
            "Registration of a household business",
            "Household businesses",
            "Individuals and households",
            "Certificate of household business registration",
        ),
    },
    {
        "portal": "quynhphu",
        "code": "2.000635",
        "title": "Cấp bản sao trích lục hộ tịch",
        "sector": "Hộ tịch",
        "level": "district",
        "online_level": "toan-trinh",
        "service_level": 4,
        "processing_days": 1,
        "fees": "8.000 đồng/bản sao",
        "fee_amount": 8000,
        "components": [("Tờ khai cấp bản sao trích lục hộ tịch", 1, 0, True, True)],
        "legal_basis": "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ",
        "applicant": "Cá nhân",
        "result": "Bản sao trích lục hộ tịch",
    },
    {
        "portal": "quynhphu",
        "code": "2.000815",
        "title": "Chứng thực bản sao từ bản chính",
        "sector": "Chứng thực",
        "level": "commune",
        "online_level": "",
        "service_level": 1,
        "processing_days": 1,
        "fees": "2.000 đồng/trang",
        "fee_amount": 0,
        "components": [("Bản chính giấy tờ cần chứng thực", 1, 1, True, False)],
        "legal_basis": "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ",
        "applicant": "Cá nhân, tổ chức",
        "result": "Bản sao được chứng thực",
    },
]

STEPS = (
    "Tổ chức, cá nhân chuẩn bị hồ sơ theo quy định.\n"
    "Nộp hồ sơ trực tiếp, qua bưu chính hoặc trực tuyến tại Bộ phận một cửa.\n"
    "Cán bộ kiểm tra, tiếp nhận hồ sơ và hẹn ngày trả kết quả.\n"
    "Cơ quan thẩm định, giải quyết hồ sơ.\n"
    "Trả kết quả cho tổ chức, cá nhân."
)


def _form_document(portal, title, admin):
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=portal.collection).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=portal.collection, uploaded_by_user=admin)
    document.file.save("mau-don.pdf", ContentFile(_PDF), save=False)
    document.save()
    return document


def _procedure(spec, portal, admin, report):
    existing = ProcedurePage.objects.filter(code=spec["code"], locale=Locale.get_default()).first()
    if existing is not None:
        report.count(created=False)
        return existing
    index, _created = ensure_index(portal, by=admin)
    page = ProcedurePage(
        title=spec["title"],
        code=spec["code"],
        sector=spec["sector"],
        agency=portal.agency,
        level=spec["level"],
        steps=STEPS,
        submit_in_person=True,
        submit_online=bool(spec["online_level"]),
        submit_by_post=True,
        processing_days=spec["processing_days"],
        fees=spec["fees"],
        fee_amount=spec["fee_amount"],
        applicant=spec["applicant"],
        requirements="Hồ sơ đầy đủ thành phần, thông tin kê khai trung thực.",
        legal_basis=spec["legal_basis"],
        result=spec["result"],
        responsibilities=(
            "Người nộp chịu trách nhiệm về tính chính xác của hồ sơ; cơ quan giải quyết "
            "đúng thời hạn và thông báo khi cần bổ sung."
        ),
        online_level=spec["online_level"],
        service_level=spec["service_level"],
    )
    page.components = [
        DossierComponent(
            name=name,
            originals=originals,
            copies=copies,
            required=required,
            form=_form_document(portal, f"Mẫu: {name}", admin) if with_form else None,
        )
        for name, originals, copies, required, with_form in spec["components"]
    ]
    if spec["online_level"]:
        page.form_fields = [
            FormField(label=label, kind=kind, choices=choices, required=required)
            for label, kind, choices, required in COMMON_FIELDS
        ]
    index.add_child(instance=page)
    page.save_revision(user=admin).publish(user=admin)
    report.count(created=True)
    if spec.get("english"):
        _english(page, spec, admin, report)
    return page


def _english(page, spec, admin, report):
    english = Locale.objects.filter(language_code="en").first()
    if english is None or page.get_translation_or_none(english) is not None:
        return
    translation = page.copy_for_translation(english, copy_parents=True)
    title, sector, applicant, result = spec["english"]
    translation.title = title
    translation.sector = sector
    translation.applicant = applicant
    translation.result = result
    translation.steps = (
        "Prepare the dossier as required.\n"
        "Submit it in person, by post or online to the one-stop-shop desk.\n"
        "The officer checks and accepts the dossier and gives the appointment date.\n"
        "The agency examines and settles the dossier.\n"
        "The result is returned to the applicant."
    )
    translation.save_revision(user=admin).publish(user=admin)
    report.count(created=True)


def _citizen(report):
    User = get_user_model()
    user = User.objects.filter(username=CITIZEN_EMAIL).first()
    report.usernames.append(CITIZEN_EMAIL)
    if user is not None:
        report.count(created=False)
        return user, False
    user = User.objects.create_user(
        CITIZEN_EMAIL, CITIZEN_EMAIL, DEMO_PASSWORD, first_name=CITIZEN_NAME
    )
    CitizenProfile.objects.create(
        user=user,
        full_name=CITIZEN_NAME,
        phone="0912 345 678",
        id_number="034090001234",
        address="Xã An Khê, huyện Quỳnh Phụ, tỉnh Thái Bình",
        email_verified_at=timezone.now(),
    )
    report.count(created=True)
    return user, True


def _upload(name):
    return SimpleUploadedFile(name, _PDF, content_type="application/pdf")


def _submit_online(page, citizen):
    files = {
        c.name: [_upload(f"tep-{i}.pdf")] for i, c in enumerate(page.components.all()) if c.required
    }
    answers = [
        ("Họ tên người đề nghị", CITIZEN_NAME),
        ("Ngày sinh", "01/05/1990"),
        ("Số định danh cá nhân", "034090001234"),
        ("Hình thức nhận kết quả", "Trực tiếp"),
    ]
    dossier, _created = dossier_services.submit_dossier(
        page, user=citizen, answers=answers, files=files
    )
    return dossier


def _at(days_ago: int, hour=9):
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _every_status(pages, citizen, staff):
    """One online dossier of the demo citizen in each status of the national set."""
    s = dossier_services
    business, household = pages["1.001612"], pages["2.000720"]
    with clock.frozen_at(_at(12)):
        new = _submit_online(household, citizen)
    with clock.frozen_at(_at(12, 10)):
        returned = _submit_online(business, citizen)
        s.accept(returned, by=staff["sokhdt"], note="Hồ sơ hợp lệ.")
    with clock.frozen_at(_at(10)):
        s.finish(returned, by=staff["sokhdt"], note="Đã cấp giấy chứng nhận.")
        s.return_result(returned, by=staff["sokhdt"], note="Đã trả kết quả tại Bộ phận một cửa.")
    with clock.frozen_at(_at(9)):
        done = _submit_online(business, citizen)
        s.accept(done, by=staff["sokhdt"])
    with clock.frozen_at(_at(8)):
        s.finish(done, by=staff["sokhdt"], note="Kết quả sẵn sàng, chờ công dân đến nhận.")
    with clock.frozen_at(_at(7)):
        refused = _submit_online(household, citizen)
        s.refuse(
            refused,
            by=staff["quynhphu"],
            reason="Ngành nghề đăng ký thuộc danh mục cấm kinh doanh.",
        )
        supplement = _submit_online(household, citizen)
        s.accept(supplement, by=staff["quynhphu"])
    with clock.frozen_at(_at(6)):
        s.request_supplement(
            supplement,
            by=staff["quynhphu"],
            items="Bản sao hợp đồng thuê địa điểm kinh doanh.",
            note="Thiếu giấy tờ chứng minh địa điểm kinh doanh.",
        )
        payment = _submit_online(business, citizen)
        s.accept(payment, by=staff["sokhdt"])
        s.request_payment(
            payment, by=staff["sokhdt"], amount=50000, note="Lệ phí đăng ký doanh nghiệp."
        )
    with clock.frozen_at(_at(5)):
        withdrawn = _submit_online(household, citizen)
        s.withdraw(withdrawn, by=citizen, reason="Tôi muốn đổi tên hộ kinh doanh.")
        stopped = _submit_online(business, citizen)
        s.accept(stopped, by=staff["sokhdt"])
        s.stop(
            stopped,
            by=staff["sokhdt"],
            reason="Có tranh chấp về tên doanh nghiệp theo văn bản của Tòa án.",
        )
    with clock.frozen_at(_at(4)):
        accepted = _submit_online(household, citizen)
        s.accept(accepted, by=staff["quynhphu"])
        processing = _submit_online(business, citizen)
        s.accept(processing, by=staff["sokhdt"])
        s.start_processing(
            processing, by=staff["sokhdt"], note="Chuyển phòng Đăng ký kinh doanh thẩm định."
        )
    return [
        new,
        returned,
        done,
        refused,
        supplement,
        payment,
        withdrawn,
        stopped,
        accepted,
        processing,
    ]


def _history(pages, staff):
    """Half a year of counter and post dossiers, resolved early, on time or late."""
    s = dossier_services
    plan = [
        # (procedure code, portal, days ago received, working days taken, channel)
        ("1.001612", "sokhdt", 170, 2, Channel.IN_PERSON),
        ("1.001612", "sokhdt", 150, 3, Channel.POST),
        ("1.001612", "sokhdt", 120, 5, Channel.IN_PERSON),
        ("2.001958", "sokhdt", 140, 4, Channel.IN_PERSON),
        ("2.001958", "sokhdt", 95, 5, Channel.IN_PERSON),
        ("2.001958", "sokhdt", 60, 8, Channel.POST),
        ("1.003753", "sotttt", 160, 9, Channel.IN_PERSON),
        ("1.003753", "sotttt", 100, 10, Channel.POST),
        ("1.003753", "sotttt", 40, 12, Channel.IN_PERSON),
        ("1.004586", "sotttt", 130, 6, Channel.IN_PERSON),
        ("1.004586", "sotttt", 75, 7, Channel.IN_PERSON),
        ("1.004586", "sotttt", 30, None, Channel.IN_PERSON),
        ("2.000720", "quynhphu", 165, 1, Channel.IN_PERSON),
        ("2.000720", "quynhphu", 110, 3, Channel.IN_PERSON),
        ("2.000720", "quynhphu", 80, 2, Channel.POST),
        ("2.000720", "quynhphu", 45, 4, Channel.IN_PERSON),
        ("2.000635", "quynhphu", 90, 1, Channel.IN_PERSON),
        ("2.000635", "quynhphu", 50, 1, Channel.IN_PERSON),
        ("2.000635", "quynhphu", 20, 2, Channel.POST),
        ("2.000815", "quynhphu", 25, 1, Channel.IN_PERSON),
        ("2.000815", "quynhphu", 15, None, Channel.IN_PERSON),
    ]
    from eportal.workdays.services import calendar

    work = calendar()
    names = ["Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang"]
    for i, (code, portal_slug, days_ago, taken, channel) in enumerate(plan):
        page = pages[code]
        by = staff[portal_slug]
        received = _at(days_ago, 8 + i % 3)
        with clock.frozen_at(received):
            dossier, _created = s.submit_dossier(
                page,
                user=None,
                answers=[],
                files={},
                channel=channel,
                applicant={"name": names[i % len(names)], "phone": "0227 3800 000"},
                received_by=by,
            )
            s.accept(dossier, by=by)
        if taken is None:
            continue
        finished_day = work.add_working_days(timezone.localdate(received), taken)
        finished = timezone.make_aware(datetime.combine(finished_day, time(15, 0)))
        if finished_day > timezone.localdate():
            continue
        with clock.frozen_at(finished):
            s.finish(dossier, by=by)
            s.return_result(dossier, by=by)


def load(report):
    admin = get_user_model().objects.filter(username="admin").first()
    portals = {p.slug: p for p in Portal.objects.select_related("agency", "site", "collection")}
    for portal in portals.values():
        _index, created = ensure_index(portal, by=admin)
        report.count(created=created)
    pages = {}
    for spec in PROCEDURES:
        portal = portals.get(spec["portal"])
        if portal is None:
            continue
        pages[spec["code"]] = _procedure(spec, portal, admin, report)
    citizen, _created = _citizen(report)
    if Dossier.objects.filter(applicant=citizen).exists() or len(pages) < len(PROCEDURES):
        report.count(created=False)
        return
    User = get_user_model()
    staff = {
        slug: User.objects.get(username=f"{slug}-motcua")
        for slug in ("sokhdt", "sotttt", "quynhphu")
    }
    _every_status(pages, citizen, staff)
    _history(pages, staff)
    report.count(created=True)
