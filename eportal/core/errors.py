"""The portal's own Vietnamese error pages in development too.

With ``DEBUG`` on, Django answers a missing page or an uncaught exception
with its debug pages, so a newcomer trying the demo never sees the 404 and
500 pages that citizens get. Unless ``EPORTAL_DEBUG_ERROR_PAGES`` is on
(for developers who want the URL patterns tried and the traceback in the
browser), both are the portal's own; the traceback is still logged to the
console by Django's ``django.request`` logger.
"""

from django.conf import settings
from django.http import Http404
from django.views.debug import ExceptionReporter

from eportal.core import views


def _friendly() -> bool:
    return settings.DEBUG and not getattr(settings, "EPORTAL_DEBUG_ERROR_PAGES", False)


class FriendlyNotFoundMiddleware:
    """Answer an ``Http404`` raised by a view (a Wagtail page, a feature's view)
    with the portal's 404 page instead of Django's debug page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and _friendly():
            return views.page_not_found(request, exception)
        return None


class FriendlyExceptionReporter(ExceptionReporter):
    """Django's debug page for an uncaught exception (DEFAULT_EXCEPTION_REPORTER),
    replaced by the portal's 500 page unless EPORTAL_DEBUG_ERROR_PAGES is on."""

    def get_traceback_html(self):
        if _friendly():
            return views.server_error_html()
        return super().get_traceback_html()
