"""The read and submit API at /api/v1/, described at /api/v1/openapi.json.

Each app that exposes an API has an ``api.py`` with a django-ninja ``router``
and a ``PREFIX``; they are mounted here in INSTALLED_APPS order.
"""

from importlib import import_module

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.module_loading import module_has_submodule
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from eportal.core.forms import error_messages

api = NinjaAPI(
    title="eportal API",
    version="1",
    description="API đọc và gửi dữ liệu của Cổng thông tin điện tử (JSON, OpenAPI 3).",
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.exception_handler(ValidationError)
def django_validation_error(request, exc):
    errors = error_messages(exc)
    return api.create_response(
        request, {"detail": "Dữ liệu không hợp lệ.", "errors": errors}, status=422
    )


@api.exception_handler(NinjaValidationError)
def request_validation_error(request, exc):
    errors = {}
    for error in exc.errors:
        loc = [
            str(part)
            for part in error.get("loc", [])
            if part not in ("body", "query", "path", "form", "payload")
        ]
        errors.setdefault(".".join(loc) or "__all__", []).append(error.get("msg", "không hợp lệ"))
    return api.create_response(
        request, {"detail": "Dữ liệu không hợp lệ.", "errors": errors}, status=422
    )


for config in apps.get_app_configs():
    if config.name.startswith("eportal.") and module_has_submodule(config.module, "api"):
        module = import_module(f"{config.name}.api")
        if hasattr(module, "router"):
            api.add_router(module.PREFIX, module.router)
        # A module may serve a second collection at its own prefix.
        for prefix, extra in getattr(module, "EXTRA_ROUTERS", {}).items():
            api.add_router(prefix, extra)
