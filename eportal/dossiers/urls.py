"""A citizen's dossiers, served under every portal (by host or /p/<slug>/).

The online form itself is a route of the procedure's page
(``/thu-tuc/<thủ tục>/nop-ho-so/``, see ``eportal.procedures.extensions``).
"""

from django.urls import path

from eportal.dossiers import views

app_name = "dossiers"
urlpatterns = [
    path("dich-vu-cong/ho-so/", views.my_dossiers, name="my_dossiers"),
    path("dich-vu-cong/ho-so/<str:code>/", views.dossier_detail, name="dossier"),
    path(
        "dich-vu-cong/ho-so/<str:code>/mau-<str:form>.pdf",
        views.dossier_form_pdf,
        name="dossier_form",
    ),
    path(
        "dich-vu-cong/ho-so/<str:code>/tep/<int:file_id>/", views.dossier_file, name="dossier_file"
    ),
    path("dich-vu-cong/ho-so/<str:code>/bo-sung/", views.dossier_supply, name="dossier_supply"),
    path("dich-vu-cong/ho-so/<str:code>/rut/", views.dossier_withdraw, name="dossier_withdraw"),
    path("dich-vu-cong/ho-so/<str:code>/thanh-toan/", views.dossier_pay, name="dossier_pay"),
]
