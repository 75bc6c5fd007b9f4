"""Count public page views for the traffic watch (see ``watch.traffic``)."""

from __future__ import annotations

import time

from eportal.core import clock
from eportal.watch import traffic


class TrafficMiddleware:
    """Count each successful GET of a public HTML page, per portal (set by
    ``PortalMiddleware``), path and day, with its response time. In memory
    only: no query, no IP address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        portal = getattr(request, "portal", None)
        if (
            request.method == "GET"
            and response.status_code == 200
            and portal is not None
            and response.get("Content-Type", "").startswith("text/html")
            and traffic.is_counted_path(request.path)
        ):
            traffic.count_view(
                portal.pk,
                request.path,
                clock.now(),
                (time.perf_counter() - started) * 1000,
            )
        return response
