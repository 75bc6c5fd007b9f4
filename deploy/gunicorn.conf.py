# gunicorn settings for eportal: `gunicorn -c deploy/gunicorn.conf.py eportal.wsgi`
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 60
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
forwarded_allow_ips = "127.0.0.1"


def worker_exit(server, worker):
    """Hand the page views this worker counted (traffic watch, procedure
    statistics) to the task queue."""
    from eportal.core.tally import flush_all

    flush_all()

# Gunicorn's control socket (gunicornc) sits at one path per user by default,
# so two servers on a machine (the stack, a benchmark, a CI run) take it from
# each other. The stack and the systemd units manage gunicorn by signals and
# its pid file; a path in GUNICORN_CONTROL_SOCKET switches the socket on there.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
