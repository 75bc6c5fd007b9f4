from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "eportal.news"
    label = "news"
