"""The integrity watch: what is live is what was approved; templates and
static files are what was deployed."""

from wagtail.models import PageLogEntry

from eportal.news.models import ArticlePage
from eportal.watch import integrity
from eportal.watch.models import ContentFingerprint, WatchAlert
from tests.news.helpers import publish


def _open(key):
    return WatchAlert.objects.filter(key=key, resolved_at__isnull=True).first()


def test_a_publication_through_the_workflow_raises_nothing(province, board):
    article = publish(province["sotttt"], "Hội nghị chuyển đổi số", by=board["sotttt"]["approver"])
    assert ContentFingerprint.objects.filter(revision=article.live_revision).exists()
    article.title = "Hội nghị chuyển đổi số năm 2026"
    article.save_revision(user=board["sotttt"]["editor"]).publish(
        user=board["sotttt"]["approver"], skip_permission_checks=True
    )
    alerts = integrity.check_pages()
    assert [a.detail for a in alerts] == []


def test_a_direct_database_edit_is_caught_and_restored_in_one_click(client, province, board):
    article = publish(
        province["sotttt"], "Thông báo tuyển dụng viên chức", by=board["sotttt"]["approver"]
    )
    ArticlePage.objects.filter(pk=article.pk).update(
        title="Thông báo đã bị sửa", summary="Tóm tắt bị thay."
    )

    alerts = integrity.check_pages()
    alert = _open(f"page:{article.pk}")
    assert alerts == [alert]
    assert alert.portal == province["sotttt"]
    assert "Thông báo đã bị sửa" in alert.title
    assert "summary, title" in alert.detail
    assert "-Thông báo tuyển dụng viên chức" in alert.detail
    assert "+Thông báo đã bị sửa" in alert.detail
    # The next hourly run sees it again without a second alert.
    integrity.check_pages()
    assert WatchAlert.objects.filter(key=f"page:{article.pk}").count() == 1

    # Another portal's administrator cannot restore it; the Department can.
    client.force_login(board["quynhphu"]["administrator"])
    assert client.post(f"/admin/watch/alerts/{alert.pk}/restore/").status_code == 404
    client.force_login(board["main"]["administrator"])
    page = client.get("/admin/watch/alerts/")
    assert "Thông báo đã bị sửa" in page.content.decode()
    response = client.post(f"/admin/watch/alerts/{alert.pk}/restore/")
    assert response.status_code == 302

    article.refresh_from_db()
    assert article.title == "Thông báo tuyển dụng viên chức"
    assert article.summary == "Tóm tắt tin."
    alert.refresh_from_db()
    assert not alert.is_open and alert.resolved_by == board["main"]["administrator"]
    assert PageLogEntry.objects.filter(page=article, action="watch.restore").exists()
    alerts = integrity.check_pages()
    assert [a.detail for a in alerts] == []


def test_restore_refuses_a_get(client, province, board):
    article = publish(province["sotttt"], "Lịch tiếp công dân", by=board["sotttt"]["approver"])
    ArticlePage.objects.filter(pk=article.pk).update(title="Lịch bị sửa")
    (alert,) = integrity.check_pages()
    client.force_login(board["main"]["administrator"])
    assert client.get(f"/admin/watch/alerts/{alert.pk}/restore/").status_code == 405


def test_a_changed_template_file_is_caught_until_accepted(tmp_path, settings, province):
    template = tmp_path / "thong-bao.html"
    template.write_text("<p>Xin chào</p>", encoding="utf-8")
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [*engine.get("DIRS", ()), str(tmp_path)]
    settings.TEMPLATES = [engine, *settings.TEMPLATES[1:]]

    assert integrity.check_files() == []  # the first run takes the baseline
    assert integrity.check_files() == []
    template.write_text("<p>Xin chào</p><script src='//x.example/a.js'></script>", encoding="utf-8")
    (tmp_path / "moi.html").write_text("<p>mới</p>", encoding="utf-8")

    alerts = integrity.check_files()
    titles = sorted(a.title for a in alerts)
    assert titles == ["Tệp bị thay đổi: thong-bao.html", "Tệp mới xuất hiện: moi.html"]

    integrity.accept_files()
    assert integrity.check_files() == []
    assert not WatchAlert.objects.filter(key__startswith="file:", resolved_at__isnull=True).exists()


def test_the_home_panel_shows_open_alerts_to_the_department_only(client, province, board):
    article = publish(
        province["sotttt"], "Kế hoạch cải cách hành chính", by=board["sotttt"]["approver"]
    )
    ArticlePage.objects.filter(pk=article.pk).update(title="Kế hoạch bị sửa")
    integrity.check_pages()
    client.force_login(board["main"]["administrator"])
    assert "Kế hoạch bị sửa" in client.get("/admin/").content.decode()
    client.force_login(board["quynhphu"]["administrator"])
    home = client.get("/admin/").content.decode()
    assert "Cảnh báo giám sát đang mở" in home and "Kế hoạch bị sửa" not in home


def test_a_direct_edit_of_inline_rows_is_caught_and_restored(client, province, board):
    from eportal.procedures.models import DossierComponent, FormField
    from tests.online_services import make_procedure

    procedure = make_procedure(province["sotttt"], code="1.009900")
    assert integrity.check_pages() == []
    # The list of papers a citizen must bring, changed in the database: one
    # renamed, one removed; and a form field made optional.
    components = DossierComponent.objects.filter(procedure=procedure).order_by("sort_order")
    components.filter(name="Đơn đề nghị").update(name="Đơn đề nghị (bản sửa trái phép)")
    components.filter(name="Giấy tờ khác").delete()
    FormField.objects.filter(procedure=procedure, label="Số CCCD").update(required=False)

    integrity.check_pages()
    alert = _open(f"page:{procedure.pk}")
    assert alert is not None
    assert "components" in alert.detail and "form_fields" in alert.detail
    assert "bản sửa trái phép" in alert.detail

    client.force_login(board["main"]["administrator"])
    assert client.post(f"/admin/watch/alerts/{alert.pk}/restore/").status_code == 302
    # The rows come back as approved (sort_order included: the check below
    # compares them with the revision); the names, in any database's order:
    names = DossierComponent.objects.filter(procedure=procedure).values_list("name", flat=True)
    assert sorted(names) == sorted(["Đơn đề nghị", "Bản sao giấy tờ tùy thân", "Giấy tờ khác"])
    assert FormField.objects.get(procedure=procedure, label="Số CCCD").required
    assert integrity.check_pages() == []


def test_a_fingerprint_taken_by_an_older_version_is_taken_again_not_alerted(province, board):
    article = publish(
        province["sotttt"], "Lịch tiếp công dân tháng 12", by=board["sotttt"]["approver"]
    )
    record = ContentFingerprint.objects.get(revision=article.live_revision)
    assert {"tagged_items", "related_documents"} <= set(record.fields)
    # As the previous version stored it: without the inline rows' entries
    # and with another canonical form.
    record.fields = {
        k: v
        for k, v in record.fields.items()
        if k not in ("tagged_items", "related_documents", "_canonical")
    }
    record.digest = "0" * 64
    record.save()
    assert integrity.check_pages() == []
    assert ContentFingerprint.objects.get(revision=article.live_revision).digest != "0" * 64


def test_an_alias_is_compared_with_its_source(province, board):
    from wagtail.models import Locale, Page

    english = Locale.objects.get_or_create(language_code="en")[0]
    home = province["quynhphu"].home_page
    alias = home.copy_for_translation(english, alias=True)  # slug "<home>-en"
    assert alias.slug != home.slug
    assert integrity.check_pages() == []

    Page.objects.filter(pk=alias.pk).update(title="Trang bị thay nội dung")
    integrity.check_pages()
    alert = _open(f"page:{alias.pk}")
    assert alert is not None and "title" in alert.detail and "slug" not in alert.detail

    integrity.restore(alert, by=board["main"]["administrator"])
    assert Page.objects.get(pk=alias.pk).title == home.title
    assert integrity.check_pages() == []


def test_a_number_typed_without_decimals_is_not_a_change(province, board):
    article = publish(province["sotttt"], "Tin có nhuận bút", by=board["sotttt"]["approver"])
    article.royalty_points = 3  # as typed; the database keeps 3.00
    article.save_revision(user=board["sotttt"]["editor"]).publish(
        user=board["sotttt"]["approver"], skip_permission_checks=True
    )
    assert integrity.check_pages() == []
