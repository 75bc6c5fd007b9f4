import pytest
from django.core.exceptions import ValidationError
from wagtail.models import GroupPagePermission, Site, WorkflowPage

from eportal.portals.models import Agency, Portal
from tests.conftest import make_portal

# These tests create the province's portals themselves: start without the shared ones.
pytestmark = pytest.mark.usefixtures("empty_database")


@pytest.mark.django_db
def test_it_creates_site_home_collection_groups_and_workflow_in_one_step():
    portal = make_portal("Sở Thông tin và Truyền thông", Agency.Kind.DEPARTMENT)

    assert portal.slug == "sotttt"
    assert portal.site.hostname == "sotttt.thaibinh.gov.vn"
    assert portal.site.root_page.specific.title == portal.name
    assert portal.collection.name == portal.name
    assert {g.name for g in portal.role_groups().values()} == {
        "sotttt – Cộng tác viên",
        "sotttt – Biên tập viên",
        "sotttt – Người kiểm duyệt",
        "sotttt – Quản trị kỹ thuật",
        "sotttt – Cán bộ một cửa",
    }
    assert WorkflowPage.objects.get(page=portal.home_page).workflow == portal.workflow
    tasks = [t.specific for t in portal.workflow.tasks]
    assert [list(t.groups.all()) for t in tasks] == [[portal.editors], [portal.approvers]]
    # Page permissions are scoped to the portal's own subtree.
    assert set(
        GroupPagePermission.objects.filter(group=portal.editors).values_list("page", flat=True)
    ) == {portal.home_page.pk}


@pytest.mark.django_db
def test_it_proposes_the_district_host_by_the_art_6_3_rule():
    portal = make_portal("Huyện Quỳnh Phụ", Agency.Kind.DISTRICT)
    assert portal.site.hostname == "quynhphu.thaibinh.gov.vn"
    assert portal.slug == "quynhphu"


@pytest.mark.django_db
def test_it_serves_the_main_portal_at_www_as_the_default_site():
    main = make_portal("Ủy ban nhân dân tỉnh Thái Bình", Agency.Kind.MAIN, is_main=True)
    assert main.slug == "www"
    assert main.site.hostname == "www.thaibinh.gov.vn"
    assert main.site.is_default_site
    assert Site.objects.filter(is_default_site=True).count() == 1


@pytest.mark.django_db
def test_it_lets_an_admin_override_the_host():
    portal = make_portal(
        "Sở Kế hoạch và Đầu tư", Agency.Kind.DEPARTMENT, slug="skhdt", hostname="skhdt.example.vn"
    )
    assert portal.slug == "skhdt"
    assert portal.site.hostname == "skhdt.example.vn"


@pytest.mark.django_db
def test_it_refuses_a_taken_label_and_creates_nothing():
    make_portal("Sở Thông tin và Truyền thông", Agency.Kind.DEPARTMENT)
    sites_before = Site.objects.count()
    with pytest.raises(ValidationError) as error:
        make_portal("Sở Tài nguyên và Môi trường", Agency.Kind.DEPARTMENT, slug="sotttt")
    assert "slug" in error.value.message_dict
    assert Site.objects.count() == sites_before
    assert (
        not Agency.objects.filter(name="Sở Tài nguyên và Môi trường").exists()
        or not Portal.objects.filter(agency__name="Sở Tài nguyên và Môi trường").exists()
    )


@pytest.mark.django_db
def test_it_allows_only_one_main_portal():
    make_portal("Ủy ban nhân dân tỉnh Thái Bình", Agency.Kind.MAIN, is_main=True)
    with pytest.raises(ValidationError):
        make_portal("Ủy ban nhân dân tỉnh Nam Định", Agency.Kind.MAIN, is_main=True)
