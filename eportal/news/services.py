"""The one door for the newsroom's writes: a portal's news tree, the main
portal's syndication choices, hot-news alerts, and what publishing an article
starts (the Art. 12 clock, the royalty entry)."""

import logging

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from eportal.core import clock, frontend_cache
from eportal.core.pages import ensure_child_page
from eportal.news.models import (
    CATEGORIES,
    ArticlePage,
    CategoryPage,
    NewsIndexPage,
    SiteAlert,
    SyndicationChoice,
)
from eportal.portals import access

logger = logging.getLogger(__name__)

NEWS_SLUG = "tin-tuc"
# Art. 12: an article reporting a policy or decision is due within the
# policy-dissemination rule's working days of the policy's date.
DEADLINE_RULE = "policy-dissemination"


def _publish(page, by):
    revision = page.save_revision(user=by, log_action=False)
    revision.publish(user=by, skip_permission_checks=True, log_action=False)


@transaction.atomic
def ensure_newsroom(portal, *, by=None) -> NewsIndexPage:
    """Give ``portal`` its ``/tin-tuc/`` index with the Art. 9 categories.

    Idempotent: what exists is kept (a board may have renamed or moved it).
    Also lets the portal's approvers score royalties and run its alerts.
    """
    _grant_board_permissions(portal)
    index, _created = ensure_child_page(
        portal.home_page,
        NewsIndexPage,
        slug=NEWS_SLUG,
        by=by,
        title=_("Tin tức"),
        search_description=_("Tin tức, chỉ đạo điều hành, phổ biến pháp luật, thông báo."),
    )
    existing_kinds = set(CategoryPage.objects.child_of(index).values_list("kind", flat=True))
    for title, slug, kind, description in CATEGORIES:
        if kind in existing_kinds:
            continue
        category = CategoryPage(title=title, slug=slug, kind=kind, search_description=description)
        index.add_child(instance=category)
        _publish(category, by)
    return index


def _grant_board_permissions(portal):
    """Approvers score royalties and switch alerts on; editors and approvers of the
    main portal feature or hide syndicated articles."""
    score = Permission.objects.get(content_type__app_label="news", codename="score_royalties")
    alert_type = ContentType.objects.get_for_model(SiteAlert)
    alert_perms = Permission.objects.filter(
        content_type=alert_type,
        codename__in=["add_sitealert", "change_sitealert", "delete_sitealert", "view_sitealert"],
    )
    portal.approvers.permissions.add(score, *alert_perms)
    if portal.is_main:
        syndicate = Permission.objects.get(
            content_type__app_label="news", codename="change_syndicationchoice"
        )
        portal.editors.permissions.add(syndicate)
        portal.approvers.permissions.add(syndicate)


@transaction.atomic
def choose_syndication(article: ArticlePage, *, featured: bool, hidden: bool, by):
    """Feature or hide a component portal's article on the main portal only."""
    if not access.may(by, "news.syndicate"):
        raise PermissionDenied(_("Chỉ Ban Biên tập cổng chính được chọn tin từ cổng thành phần."))
    if article.portal is None or article.portal.is_main:
        raise ValidationError(_("Chỉ chọn được tin, bài của cổng thành phần."))
    if featured and hidden:
        raise ValidationError(_("Một tin không thể vừa nổi bật vừa bị ẩn."))
    choice, _created = SyndicationChoice.objects.update_or_create(
        article=article, defaults={"featured": featured, "hidden": hidden, "decided_by": by}
    )
    # The lists sort on the article's own copy (see ArticlePage.featured_on_main).
    ArticlePage.objects.filter(pk=article.pk).update(featured_on_main=featured)
    article.featured_on_main = featured
    log(article, "news.syndication", user=by, data={"featured": featured, "hidden": hidden})
    # The main portal's lists show it differently now.
    frontend_cache.purge_pages([article])
    return choice


@transaction.atomic
def switch_on_alert(*, title, ends_at, portals, level=SiteAlert.Level.WARNING, message="", by):
    """Show a hot-news alert on every page of ``portals`` until ``ends_at``."""
    if not portals or not all(access.may(by, "alerts.switch_on", p) for p in portals):
        raise PermissionDenied(_("Bạn chỉ bật được cảnh báo trên cổng mình kiểm duyệt."))
    alert = SiteAlert(title=title, message=message, level=level, ends_at=ends_at, created_by=by)
    alert.full_clean(exclude=["portals"])
    alert.save()
    alert.portals.set(portals)
    log(alert, "wagtail.create", user=by)
    return alert


def article_saved(article: ArticlePage) -> None:
    """Start the Art. 12 clock once an article names the date of the policy it reports."""
    if article.source_date is None or article.pk is None:
        return
    from eportal.workdays.services import open_deadline

    open_deadline(article, DEADLINE_RULE, article.source_date, portal=article.portal)


def articles_moved(page) -> None:
    """``page`` (an article, or a list with articles below) moved: each article
    takes the portal and the Art. 9 category of its new place, which the lists
    filter on (saving does this; a move saves nothing)."""
    for article in ArticlePage.objects.descendant_of(page, inclusive=True):
        article.place_in_tree()
        ArticlePage.objects.filter(pk=article.pk).update(portal=article.portal, kind=article.kind)


def article_published(article: ArticlePage, revision) -> None:
    """Close the article's Art. 12 clock and record its royalty entry."""
    from eportal.editorial.services import record_royalty
    from eportal.workdays.services import complete_deadline, get_deadline

    article_saved(article)
    if article.source_date is not None and get_deadline(article, DEADLINE_RULE) is not None:
        complete_deadline(article, DEADLINE_RULE, article.first_published_at or clock.now())
    record_royalty(article)
