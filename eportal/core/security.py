"""Security headers that Django's SecurityMiddleware does not send.

* ``PathPolicyCSPMiddleware``: django-csp's middleware, with a second policy for
  the URL prefixes of ``EPORTAL_CSP_PATH_POLICIES`` (the Wagtail admin, whose
  own templates carry inline scripts and style attributes without a nonce).
  The public pages keep the strict ``CONTENT_SECURITY_POLICY``.
* ``PermissionsPolicyMiddleware``: the ``Permissions-Policy`` header of
  ``EPORTAL_PERMISSIONS_POLICY`` (no Django setting exists for it).
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class PathPolicyCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            for prefix, directives in getattr(settings, "EPORTAL_CSP_PATH_POLICIES", ()):
                if request.path_info.startswith(prefix):
                    parts.config = directives
                    break
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "EPORTAL_PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})" for feature, allow in policy.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
