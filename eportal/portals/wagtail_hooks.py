from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from eportal.portals import access
from eportal.portals.admin_views import NoDeletePolicy, PortalsGroup
from eportal.portals.models import Portal

register_permission_policy(Portal, NoDeletePolicy(Portal))


@hooks.register("register_admin_viewset")
def register_portals_admin():
    return PortalsGroup()


@hooks.register("register_log_actions")
def register_portal_log_actions(actions):
    actions.register_action("eportal.login", _("Đăng nhập"), _("Đã đăng nhập"))
    actions.register_action("eportal.logout", _("Đăng xuất"), _("Đã đăng xuất"))
    actions.register_action(
        "eportal.login_failed", _("Đăng nhập sai"), _("Đăng nhập không thành công")
    )


@hooks.register("eportal_cache_related_pages")
def main_portal_lists(page):
    """The main portal's lists gather every portal's items (news, legal
    documents, procedures, Q&A, consultations): a page on a component portal
    makes stale the main portal's pages of the types of its ancestors that say
    so (``lists_every_portal``), e.g. its /tin-tuc/ and its home."""
    main = Portal.objects.filter(is_main=True).select_related("site").first()
    if main is None or page.path.startswith(main.site.root_page.path):
        return []
    types = {
        type(ancestor)
        for ancestor in page.get_ancestors(inclusive=True).filter(depth__gt=1).specific(defer=True)
        if getattr(ancestor, "lists_every_portal", False)
    }
    if not types:
        return []
    return (
        Page.objects.live()
        .descendant_of(main.site.root_page, inclusive=True)
        .type(*types)
        .specific(defer=True)
    )


@hooks.register("eportal_cache_url_aliases")
def portal_path_urls(site, path):
    """A portal also answers at /p/<slug>/… on the main portal's host and on
    the alias hosts (EPORTAL_FRONTEND_CACHE_ALIAS_HOSTS), which also show the
    main portal itself as their fallback."""
    portal = Portal.objects.filter(site=site).only("slug", "is_main").first()
    if portal is None:
        return []
    urls = []
    if not portal.is_main:
        main = Portal.objects.filter(is_main=True).select_related("site").first()
        if main is not None:
            urls.append(f"{main.site.root_url}/p/{portal.slug}{path}")
    for host in settings.EPORTAL_FRONTEND_CACHE_ALIAS_HOSTS:
        urls.append(f"http://{host}/p/{portal.slug}{path}")
        if portal.is_main:
            urls.append(f"http://{host}{path}")
    return urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    from eportal.portals import two_factor

    return two_factor.urlpatterns()


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        "eportal.2fa.enrol", _("Đăng ký xác thực hai lớp"), _("Đã đăng ký xác thực hai lớp")
    )
    actions.register_action(
        "eportal.2fa.verify_failed",
        _("Nhập sai mã xác thực hai lớp"),
        _("Nhập sai mã xác thực hai lớp"),
    )
    actions.register_action(
        "eportal.2fa.reset", _("Đặt lại xác thực hai lớp"), _("Đã đặt lại xác thực hai lớp")
    )
    actions.register_action(
        "eportal.2fa.passkey_register", _("Thêm khóa truy cập"), _("Đã thêm khóa truy cập")
    )
    actions.register_action(
        "eportal.2fa.passkey_verify",
        _("Xác thực bằng khóa truy cập"),
        _("Đã xác thực hai lớp bằng khóa truy cập"),
    )
    actions.register_action(
        "eportal.2fa.passkey_remove", _("Xóa khóa truy cập"), _("Đã xóa khóa truy cập")
    )


@hooks.register("register_account_menu_item")
def passkeys_account_item(request):
    """The account page leads to the user's passkeys (eportal/portals/passkeys.py)."""
    from django.urls import reverse

    return {
        "url": reverse("eportal_passkeys"),
        "label": _("Khóa truy cập (passkey)"),
        "help_text": _("Đăng nhập lớp thứ hai bằng vân tay, khuôn mặt hoặc khóa bảo mật."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    """The super-administrator resets a user's second factor from the user list."""
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    if not request_user.is_superuser:
        return []
    return [
        Button(
            _("Đặt lại xác thực hai lớp"),
            reverse("eportal_2fa_reset", args=[user.pk]),
            priority=30,
            icon_name="key",
        )
    ]


# --- Least privilege (issue 16): no portal's pages or drafts in another's chooser


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    """The page chooser (browse and search) lists only the pages of the portals
    the user works on; browsing into another portal's tree shows nothing."""
    return access.scope_pages(pages, request.user, "board.work")


@hooks.register("construct_explorer_page_queryset")
def scope_explorer(parent_page, pages, request):
    return access.scope_pages(pages, request.user, "board.work")
