"""Admin: the synonyms and abbreviations of the search ("Từ đồng nghĩa")."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from eportal.portals import access
from eportal.search.models import Synonym


class SynonymPolicy(ModelPermissionPolicy):
    """Whoever ``access`` lets keep the synonyms may do everything with them."""

    def user_has_permission(self, user, action):
        return access.may(user, "search.synonyms")

    def user_has_permission_for_instance(self, user, action, instance):
        return access.may(user, "search.synonyms")

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        from eportal.portals.models import Portal

        main = Portal.objects.filter(is_main=True).first()
        board = access.users_with(main, *access.ACTIONS["search.synonyms"].roles)
        superusers = get_user_model().objects.filter(is_superuser=True, is_active=True)
        return (board | superusers).distinct()


register_permission_policy(Synonym, SynonymPolicy(Synonym))


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Từ đồng nghĩa (tìm kiếm)")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["__str__", "note", UpdatedAtColumn()]
    search_fields = ["phrases", "note"]
    ordering = ["phrases"]


register_snippet(SynonymViewSet)
