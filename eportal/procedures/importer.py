"""Import a catalogue of procedures from CSV, JSON or XLSX.

Every row is checked first; if any row has an error, the per-row report is
returned and nothing is written. Otherwise all rows are written in one
transaction as drafts (new pages, or a new draft revision of the page with the
same code), so they are published through the portal's workflow like any
edit. ``submit_as`` also submits each draft to that workflow.

Columns (English or Vietnamese header): code/ma, title/ten, sector/linh_vuc,
agency/co_quan (name or code; default the portal's agency), level/cap
(province|district|commune or tỉnh|huyện|xã), steps/trinh_tu,
submit_in_person/nop_truc_tiep, submit_online/nop_truc_tuyen,
submit_by_post/nop_buu_chinh, processing_days/thoi_han, fees/phi_le_phi,
fee_amount/so_tien, applicant/doi_tuong, requirements/yeu_cau,
legal_basis/can_cu, result/ket_qua, responsibilities/trach_nhiem,
online_level/muc_do_truc_tuyen (toàn trình|một phần|empty),
service_level/muc_do (1–4), components/thanh_phan (one per line or ";":
``name|originals|copies|required``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from eportal.portals.models import Agency, Portal
from eportal.procedures.models import DossierComponent, Level, OnlineLevel, ProcedurePage
from eportal.procedures.signal_handlers import ensure_index
from eportal.vntext import fold, slugify, to_unicode

ALIASES = {
    "code": ["code", "ma", "ma_thu_tuc"],
    "title": ["title", "ten", "ten_thu_tuc"],
    "sector": ["sector", "linh_vuc"],
    "agency": ["agency", "co_quan", "co_quan_thuc_hien"],
    "level": ["level", "cap", "cap_thuc_hien"],
    "steps": ["steps", "trinh_tu", "trinh_tu_thuc_hien"],
    "submit_in_person": ["submit_in_person", "nop_truc_tiep"],
    "submit_online": ["submit_online", "nop_truc_tuyen"],
    "submit_by_post": ["submit_by_post", "nop_buu_chinh"],
    "processing_days": ["processing_days", "thoi_han", "thoi_han_giai_quyet"],
    "fees": ["fees", "phi_le_phi"],
    "fee_amount": ["fee_amount", "so_tien"],
    "applicant": ["applicant", "doi_tuong", "doi_tuong_thuc_hien"],
    "requirements": ["requirements", "yeu_cau", "yeu_cau_dieu_kien"],
    "legal_basis": ["legal_basis", "can_cu", "can_cu_phap_ly"],
    "result": ["result", "ket_qua"],
    "responsibilities": ["responsibilities", "trach_nhiem"],
    "online_level": ["online_level", "muc_do_truc_tuyen"],
    "service_level": ["service_level", "muc_do"],
    "components": ["components", "thanh_phan", "thanh_phan_ho_so"],
}
REQUIRED = ["code", "title", "sector", "level", "steps", "processing_days", "applicant", "result"]
LEVELS = {
    "province": "province",
    "tinh": "province",
    "cap tinh": "province",
    "district": "district",
    "huyen": "district",
    "cap huyen": "district",
    "commune": "commune",
    "xa": "commune",
    "cap xa": "commune",
}
ONLINE = {
    "": "",
    "khong": "",
    "toan trinh": "toan-trinh",
    "toan-trinh": "toan-trinh",
    "mot phan": "mot-phan",
    "mot-phan": "mot-phan",
}
TRUE = {"1", "x", "co", "true", "yes", "dung"}


class ImportFormatError(Exception):
    """The file cannot be read at all (not a row problem)."""


@dataclass
class RowError:
    row: int
    code: str
    messages: list[str]


@dataclass
class ImportResult:
    total: int = 0
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _key(header: str) -> str:
    return fold(str(header or "")).strip().replace(" ", "_").replace("-", "_")


def read_rows(path: Path) -> list[dict]:
    """Read the file into a list of {canonical column: text}."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1258", errors="replace")
            records = list(csv.DictReader(io.StringIO(text)))
        elif suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8-sig"))
            records = data.get("procedures", data) if isinstance(data, dict) else data
            if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                raise ImportFormatError("Tệp JSON phải là một danh sách các thủ tục (đối tượng).")
        elif suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            rows = list(book.active.iter_rows(values_only=True))
            if not rows:
                return []
            headers = [str(h or "") for h in rows[0]]
            records = [
                dict(zip(headers, r, strict=False))
                for r in rows[1:]
                if any(v not in (None, "") for v in r)
            ]
        else:
            raise ImportFormatError("Chỉ nhận tệp .csv, .json hoặc .xlsx.")
    except (OSError, ValueError, KeyError, csv.Error) as error:
        raise ImportFormatError(f"Không đọc được tệp: {error}") from error
    except Exception as error:  # openpyxl raises several unrelated types on a bad file
        if isinstance(error, ImportFormatError):
            raise
        raise ImportFormatError(f"Không đọc được tệp: {error}") from error
    lookup = {alias: canon for canon, aliases in ALIASES.items() for alias in aliases}
    result = []
    for record in records:
        row = {}
        for header, value in record.items():
            canon = lookup.get(_key(header))
            if canon is None:
                continue
            if value is None:
                value = ""
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            row[canon] = to_unicode(str(value)).strip()
        result.append(row)
    return result


def _components(text: str) -> tuple[list[DossierComponent], list[str]]:
    items, errors = [], []
    parts = [p.strip() for p in text.replace(";", "\n").splitlines() if p.strip()]
    for part in parts:
        bits = [b.strip() for b in part.split("|")]
        try:
            originals = int(bits[1]) if len(bits) > 1 and bits[1] else 1
            copies = int(bits[2]) if len(bits) > 2 and bits[2] else 0
        except ValueError:
            errors.append(f"Thành phần hồ sơ “{bits[0]}”: số bản phải là số nguyên.")
            continue
        required = fold(bits[3]) in TRUE if len(bits) > 3 and bits[3] else True
        items.append(
            DossierComponent(
                name=bits[0][:500], originals=originals, copies=copies, required=required
            )
        )
    return items, errors


def _agency(value: str, default: Agency) -> Agency | None:
    if not value:
        return default
    return (
        Agency.objects.filter(name=value).first()
        or Agency.objects.filter(code=value).exclude(code="").first()
        or Agency.objects.filter(short_name=value).exclude(short_name="").first()
    )


def _build(row: dict, portal: Portal, locale) -> tuple[dict, list[DossierComponent], list[str]]:
    errors = []
    for name in REQUIRED:
        if not row.get(name):
            errors.append(f"Thiếu cột bắt buộc “{name}”.")
    values: dict = {}
    for name in (
        "code",
        "title",
        "sector",
        "steps",
        "fees",
        "applicant",
        "requirements",
        "legal_basis",
        "result",
        "responsibilities",
    ):
        values[name] = row.get(name, "")
    if len(values["code"]) > 50:
        errors.append("Mã thủ tục dài quá 50 ký tự.")
    if len(values["title"]) > 255:
        errors.append("Tên thủ tục dài quá 255 ký tự.")
    agency = _agency(row.get("agency", ""), portal.agency)
    if agency is None:
        errors.append(f"Không có cơ quan “{row.get('agency')}”.")
    values["agency"] = agency
    level = LEVELS.get(fold(row.get("level", "")))
    if row.get("level") and level is None:
        errors.append(f"Cấp thực hiện “{row['level']}” không hợp lệ (tỉnh, huyện, xã).")
    values["level"] = level or Level.PROVINCE
    for name in ("processing_days", "fee_amount", "service_level"):
        raw = row.get(name, "")
        if raw == "":
            continue
        try:
            number = int(str(raw).replace(".", "").replace(",", ""))
            if number < 0:
                raise ValueError
            values[name] = number
        except ValueError:
            errors.append(f"“{name}” phải là số nguyên không âm (nhận được “{raw}”).")
    if "service_level" in values and not 1 <= values["service_level"] <= 4:
        errors.append("Mức độ (cũ) phải từ 1 đến 4.")
    online = ONLINE.get(fold(row.get("online_level", "")))
    if online is None:
        errors.append(
            f"Mức độ trực tuyến “{row['online_level']}” không hợp lệ (toàn trình, một phần)."
        )
    values["online_level"] = online or OnlineLevel.NONE
    for name in ("submit_in_person", "submit_online", "submit_by_post"):
        if row.get(name, "") != "":
            values[name] = fold(row[name]) in TRUE
    if values["online_level"]:
        values["submit_online"] = True
    values.setdefault(
        "service_level", 4 if online == "toan-trinh" else 3 if online == "mot-phan" else 1
    )
    components, component_errors = _components(row.get("components", ""))
    errors.extend(component_errors)
    if not errors:
        probe = ProcedurePage(locale=locale, **{k: v for k, v in values.items()})
        existing = ProcedurePage.objects.filter(code=values["code"], locale=locale).first()
        if existing is not None:
            probe.pk = existing.pk
            probe.translation_key = existing.translation_key
            if not existing.path.startswith(portal.site.root_page.path):
                errors.append("Mã thủ tục đã thuộc cổng khác.")
        errors.extend(str(m) for m in probe.rule_errors(components).values())
    return values, components, errors


def import_procedures(
    path: Path,
    portal: Portal,
    *,
    by=None,
    submit_as=None,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportResult:
    rows = read_rows(Path(path))
    result = ImportResult(total=len(rows))
    locale = Locale.get_default()
    built = []
    seen = {}
    for number, row in enumerate(rows, start=2 if path.suffix.lower() in (".csv", ".xlsx") else 1):
        values, components, errors = _build(row, portal, locale)
        code = values.get("code", "")
        if code and code in seen:
            errors.append(f"Mã thủ tục trùng với dòng {seen[code]}.")
        seen.setdefault(code, number)
        if errors:
            result.errors.append(RowError(number, code, errors))
        built.append((values, components))
        if progress:
            progress("check", len(built), len(rows))
    if result.errors:
        return result
    index, _created = ensure_index(portal, by=by)
    with transaction.atomic():
        for done, (values, components) in enumerate(built, start=1):
            existing = ProcedurePage.objects.filter(code=values["code"], locale=locale).first()
            if existing is None:
                page = ProcedurePage(
                    slug=_slug(index, values["title"]), live=False, locale=locale, **values
                )
                page.components = components
                index.add_child(instance=page)
                result.created += 1
            else:
                page = existing.get_latest_revision_as_object()
                for name, value in values.items():
                    setattr(page, name, value)
                page.components = components
                result.updated += 1
            page.save_revision(user=by, log_action=True)
            if submit_as is not None and portal.workflow is not None:
                page.refresh_from_db()
                if page.current_workflow_state is None:
                    portal.workflow.start(page, submit_as)
            if progress:
                progress("write", done, len(built))
    return result


def _slug(parent, title: str) -> str:
    from wagtail.coreutils import find_available_slug

    return find_available_slug(parent, slugify(title)[:70] or "thu-tuc")
