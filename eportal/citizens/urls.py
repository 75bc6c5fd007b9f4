"""Citizen accounts, served under every portal (by host or /p/<slug>/)."""

from django.urls import path

from eportal.citizens import views

app_name = "citizens"
urlpatterns = [
    path("dich-vu-cong/tai-khoan/dang-ky/", views.register, name="register"),
    path("dich-vu-cong/tai-khoan/xac-thuc/<str:token>/", views.verify, name="verify"),
    path("dich-vu-cong/tai-khoan/dang-nhap/", views.sign_in, name="sign_in"),
    path("dich-vu-cong/tai-khoan/dang-xuat/", views.sign_out, name="sign_out"),
]
