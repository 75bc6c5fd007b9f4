"""Seed the update deadlines of Art. 12 (Quyết định 05/2014/QĐ-UBND).

The numbers are copied here rather than imported, so that this migration keeps
doing what it did when later code changes. A province with other numbers edits
the rules in the admin.
"""

from django.db import migrations

RULES = [
    (
        "policy-dissemination",
        "Thông tin tuyên truyền, phổ biến chủ trương, chính sách",
        15,
        "Ngày chính sách được ban hành",
    ),
    (
        "legal-document-issuer",
        "Văn bản quy phạm pháp luật trên cổng của cơ quan ban hành",
        2,
        "Ngày văn bản được ban hành",
    ),
    (
        "legal-document-governed",
        "Văn bản quy phạm pháp luật trên cổng của cơ quan thuộc phạm vi điều chỉnh",
        10,
        "Ngày văn bản được ban hành",
    ),
    (
        "planning-projects-bidding",
        "Chiến lược, quy hoạch, kế hoạch, dự án, đấu thầu",
        10,
        "Ngày văn bản được phê duyệt",
    ),
    (
        "qa-answer",
        "Trả lời câu hỏi (hoặc thông báo thời hạn trả lời)",
        15,
        "Ngày nhận được câu hỏi",
    ),
    ("statistics", "Thông tin thống kê", 10, "Ngày có quyết định công bố"),
]


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("workdays", "DeadlineRule")
    for code, name, working_days, starts_on in RULES:
        DeadlineRule.objects.get_or_create(
            code=code,
            defaults={"name": name, "working_days": working_days, "starts_on": starts_on},
        )


def unseed(apps, schema_editor):
    DeadlineRule = apps.get_model("workdays", "DeadlineRule")
    DeadlineRule.objects.filter(code__in=[code for code, *_ in RULES], deadlines=None).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
