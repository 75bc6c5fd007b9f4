"""eportal: a Vietnamese provincial government e-portal on Django and Wagtail."""
