"""Public URLs of this app, served under every portal (by host or /p/<slug>/).

The catalogue itself is the ``/thu-tuc/`` page tree; these are the citizen's
account and dossier pages.
"""

from django.urls import path

from eportal.services import views

app_name = "services"
urlpatterns = [
    path("dich-vu-cong/tai-khoan/dang-ky/", views.register, name="register"),
    path("dich-vu-cong/tai-khoan/xac-thuc/<str:token>/", views.verify, name="verify"),
    path("dich-vu-cong/tai-khoan/dang-nhap/", views.sign_in, name="sign_in"),
    path("dich-vu-cong/tai-khoan/dang-xuat/", views.sign_out, name="sign_out"),
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
