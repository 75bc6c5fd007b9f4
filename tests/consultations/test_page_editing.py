from django.urls import reverse


def _add_url(province, key):
    index = province[key].home_page.get_children().get(slug="gop-y")
    return reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk])


def test_a_contributor_drafts_a_consultation_on_their_own_portal_only(province, board, client):
    client.force_login(board["sotttt"]["contributor"])
    assert client.get(_add_url(province, "sotttt")).status_code == 200
    assert client.get(_add_url(province, "quynhphu")).status_code in (302, 403)


def test_the_editor_is_told_when_the_text_has_no_articles(province, board, client):
    client.force_login(board["sotttt"]["contributor"])
    response = client.post(
        _add_url(province, "sotttt"),
        {
            "title": "Dự thảo không có điều",
            "slug": "khong-co-dieu",
            "drafting_agency": province["sotttt"].agency.pk,
            "summary": "",
            "draft_text": "Một đoạn văn.",
            "opens_at": "2026-12-01 08:00",
            "closes_at": "2026-11-01 08:00",
        },
    )
    html = response.content.decode()
    assert "Không tìm thấy điều nào" in html
    assert "Thời điểm kết thúc phải sau thời điểm bắt đầu" in html


def test_the_draft_prints_and_saves_as_pdf(consultation, client):
    html = client.get(f"/p/sotttt/gop-y/{consultation.slug}/ban-in/").content.decode()
    assert "Điều 2. Đối tượng áp dụng" in html
    pdf = client.get(f"/p/sotttt/gop-y/{consultation.slug}/ban-in/pdf/")
    assert pdf.content.startswith(b"%PDF-")
