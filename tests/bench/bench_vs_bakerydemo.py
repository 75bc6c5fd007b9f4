"""Uncached requests per second of eportal's public pages against Wagtail's
bakerydemo home, both behind their own gunicorn on this machine, in one run.

    .venv/bin/python tests/bench/bench_vs_bakerydemo.py \\
        --bakerydemo /work/bakerydemo-src --bakerydemo-python /work/bakerydemo-venv/bin/python \\
        [--workers 5] [--threads 2] [--rounds 3] [--seconds 10] [--connections 10]

Preparing bakerydemo, once (outside this repository):

    # the public repository wagtail/bakerydemo; its main branch at 8e2b625
    # (2026-08-19) asks for Wagtail 7.4 and Django 6.0 but runs on ours
    git clone https://github.com/wagtail/bakerydemo /work/bakerydemo-src
    git -C /work/bakerydemo-src checkout 8e2b625755d8942412d5b7627b146a795933b8b2
    python3 -m venv /work/bakerydemo-venv
    cd /work/bakerydemo-src
    # its own requirements, with Wagtail, Django and gunicorn pinned to eportal's lock
    grep -v -iE '^(wagtail|django)[<>=]' requirements/base.txt > /tmp/bakerydemo-req.txt
    /work/bakerydemo-venv/bin/pip install -r /tmp/bakerydemo-req.txt \\
        wagtail==8.0.1 Django==5.2.19 gunicorn==27.0.1 'whitenoise>=6.11,<7' 'django-redis>=6,<7'
    export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production \\
        DJANGO_SECRET_KEY=bench-only SECURE_SSL_REDIRECT=False
    /work/bakerydemo-venv/bin/python manage.py migrate --noinput
    /work/bakerydemo-venv/bin/python manage.py load_initial_data
    /work/bakerydemo-venv/bin/python manage.py collectstatic --noinput

bakerydemo runs with its production settings (DEBUG off, its SQLite database
``bakerydemodb``, WhiteNoise, a locmem cache). eportal gets the demo province
(``eportal demo``) on a fresh SQLite database in a temporary folder, or on
BENCH_DATABASE_URL (kept, topped up by the next run), DEBUG=0 and collected
static files. eportal's gunicorn uses deploy/gunicorn.conf.py with
GUNICORN_WORKERS/GUNICORN_THREADS set to ``--workers``/``--threads`` (default:
the configuration's own 2 × cores + 1 and 2); bakerydemo's gets the same worker
and thread counts on the command line. Worker recycling (``max_requests``) is off
for both, so no round measures a freshly started worker. With REDIS_URL set both
use Redis as their Django cache (bakerydemo its databases 0 and 1 of that
server), otherwise each worker's locmem cache, as each project does in
production. Nothing in front: no nginx, every request reaches Django.

Every URL is warmed for 3 s (every worker renders it and fills its caches),
then measured with wrk (``scripts/ensure-system-packages --bench`` installs it;
a threaded Python client stands in when it is missing) in interleaved rounds:
bakerydemo's home, then each eportal page, ``--rounds`` times. Printed per page:
the median requests/s over the rounds, its ratio to bakerydemo's home measured
in the same rounds (median of the per-round ratios), the CPU milliseconds per
request of the server's master and workers (from /proc/<pid>/stat, children
reaped included) and the load average after the page's rounds.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
TICKS = os.sysconf("SC_CLK_TCK")
EPORTAL_PORT, BAKERYDEMO_PORT = 18201, 18202


@dataclass
class Case:
    name: str
    port: int
    path: str
    host: str = ""
    rps: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    load: str = ""


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def eportal_env(workdir: Path, workers: int, threads: int) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'eportal.sqlite3'}"
        ),
        DEBUG="0",
        SECRET_KEY="bench-only-not-secret",
        ALLOWED_HOSTS="*",
        EPORTAL_VAR_DIR=str(workdir),
        SECURE_COOKIES="0",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        LOG_LEVEL="WARNING",
        GUNICORN_BIND=f"127.0.0.1:{EPORTAL_PORT}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_THREADS=str(threads),
        PYTHONUNBUFFERED="1",
    )
    return env


def bakerydemo_env() -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY="bench-only-not-secret",
        SECURE_SSL_REDIRECT="False",
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if redis := os.environ.get("REDIS_URL"):
        # bakerydemo appends its own database numbers to the server's address.
        parts = urlsplit(redis)
        env["REDIS_URL"] = f"{parts.scheme}://{parts.netloc}"
    return env


def prepare_eportal(env: dict) -> list[Case]:
    """Migrate, load the demo province, collect static files; return eportal's pages."""
    eportal = [str(VENV_BIN / "eportal")]
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["demo"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        subprocess.run(eportal + command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    script = (
        "from eportal.news.models import ArticlePage\n"
        "from eportal.portals.models import Portal\n"
        "main = Portal.objects.get(is_main=True)\n"
        "component = Portal.objects.filter(is_main=False).order_by('pk').first()\n"
        "article = ArticlePage.objects.live().filter(portal=main).order_by('-published_at', '-pk').first()\n"
        "home = main.home_page.url_path\n"
        "print(main.hostname, component.hostname, '/' + article.url_path[len(home):])\n"
    )
    out = subprocess.run(
        eportal + ["shell", "-c", script], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    )  # fmt: skip
    main_host, component_host, article = out.stdout.splitlines()[-1].split()
    return [
        Case("eportal home (main portal)", EPORTAL_PORT, "/", main_host),
        Case("eportal component portal home", EPORTAL_PORT, "/", component_host),
        Case("eportal article (main portal)", EPORTAL_PORT, article, main_host),
        Case("eportal /tin-tuc/ (main portal)", EPORTAL_PORT, "/tin-tuc/", main_host),
        Case("eportal /van-ban/ (main portal)", EPORTAL_PORT, "/van-ban/", main_host),
    ]


def start(command: list[str], env: dict, cwd: Path, log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)


def wait_until_up(case: Case, server: subprocess.Popen, seconds: int = 300) -> None:
    # Five workers importing Wagtail at once on two busy cores take a while.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"{case.name}: gunicorn exited ({server.returncode})")
        try:
            status = fetch(case)
        except OSError:
            time.sleep(0.3)
            continue
        if status != 200:
            raise SystemExit(f"{case.name}: {case.path} answered {status}")
        return
    raise SystemExit(f"{case.name}: no answer within {seconds} s")


def fetch(case: Case) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{case.port}{case.path}")
    if case.host:
        request.add_header("Host", case.host)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (our own server)
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def cpu_seconds(master: int) -> float:
    """CPU time of the master, its live workers and the workers it has reaped."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == master:
            total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
        elif ppid == master:
            total += sum(int(x) for x in fields[11:13])
    return total / TICKS


def run_wrk(case: Case, seconds: int, connections: int) -> tuple[float, int]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    if case.host:
        command += ["-H", f"Host: {case.host}"]
    command.append(f"http://127.0.0.1:{case.port}{case.path}")
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    if bad := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise SystemExit(f"{case.name}: {bad.group(1)} error responses\n{out}")
    if errors := re.search(r"Socket errors: .*timeout (\d+)", out):
        if int(errors.group(1)):
            print(f"  ({case.name}: {errors.group(1)} timeouts)", flush=True)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    done = int(re.search(r"(\d+) requests in", out).group(1))
    return rps, done


def run_python_client(case: Case, seconds: int, connections: int) -> tuple[float, int]:
    """What wrk does, slower: keep-alive connections in threads for ``seconds``."""
    counts = [0] * connections
    stop = time.monotonic() + seconds

    def client(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", case.port, timeout=60)
        headers = {"Host": case.host} if case.host else {}
        while time.monotonic() < stop:
            connection.request("GET", case.path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{case.name}: {response.status}")
            counts[slot] += 1

    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(slot,)) for slot in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - start), sum(counts)


def measure(case: Case, master: int, seconds: int, connections: int, client) -> None:
    before = cpu_seconds(master)
    rps, done = client(case, seconds, connections)
    case.rps.append(rps)
    case.cpu_ms.append((cpu_seconds(master) - before) * 1000 / max(done, 1))
    case.load = load()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", type=Path, required=True, help="bakerydemo's working copy")
    parser.add_argument("--bakerydemo-python", type=Path, required=True, help="its venv's python")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=10)
    args = parser.parse_args()
    client = run_wrk if shutil.which("wrk") else run_python_client
    workdir = Path(tempfile.mkdtemp(prefix="bench_vs_bakerydemo_"))
    servers: list[subprocess.Popen] = []
    try:
        env = eportal_env(workdir, args.workers, args.threads)
        print(f"eportal database: {env['DATABASE_URL']}; load average: {load()}", flush=True)
        pages = prepare_eportal(env)
        bakery = Case("bakerydemo home", BAKERYDEMO_PORT, "/")
        no_recycling = ["--max-requests", "0", "--no-control-socket"]
        eportal = start(
            [str(VENV_BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", *no_recycling,
             "--access-logfile", "/dev/null", "eportal.wsgi"],
            env, ROOT, workdir / "eportal-gunicorn.log",
        )  # fmt: skip
        servers.append(eportal)
        gunicorn = args.bakerydemo_python.parent / "gunicorn"
        bakerydemo = start(
            [str(gunicorn), "--bind", f"127.0.0.1:{BAKERYDEMO_PORT}", "--workers", str(args.workers),
             "--threads", str(args.threads), *no_recycling, "bakerydemo.wsgi"],
            bakerydemo_env(), args.bakerydemo, workdir / "bakerydemo-gunicorn.log",
        )  # fmt: skip
        servers.append(bakerydemo)
        wait_until_up(bakery, bakerydemo)
        for page in pages:
            wait_until_up(page, eportal)
        print(
            f"{args.workers} workers × {args.threads} threads each; "
            f"{client.__name__.removeprefix('run_')}, {args.connections} connections, "
            f"{args.seconds:g} s per measurement, {args.rounds} rounds",
            flush=True,
        )
        masters = {BAKERYDEMO_PORT: bakerydemo.pid, EPORTAL_PORT: eportal.pid}
        for case in [bakery, *pages]:
            client(case, 3, args.connections)
        print(f"warmed; load average: {load()}", flush=True)
        ratios: dict[str, list[float]] = {page.name: [] for page in pages}
        for number in range(1, args.rounds + 1):
            for page in pages:
                # A, B, A, B…: bakerydemo's home before each eportal page.
                measure(bakery, masters[BAKERYDEMO_PORT], args.seconds, args.connections, client)
                measure(page, masters[EPORTAL_PORT], args.seconds, args.connections, client)
                ratios[page.name].append(page.rps[-1] / bakery.rps[-1])
                print(
                    f"  round {number}: {bakery.name} {bakery.rps[-1]:7.1f}/s   "
                    f"{page.name} {page.rps[-1]:7.1f}/s   ×{ratios[page.name][-1]:.2f}   "
                    f"load {page.load}",
                    flush=True,
                )
        print(f"\n{'page':34} {'req/s':>8} {'× bakerydemo':>13} {'CPU ms/req':>11}   load average")
        for case in [bakery, *pages]:
            ratio = statistics.median(ratios[case.name]) if case is not bakery else 1.0
            print(
                f"{case.name:34} {statistics.median(case.rps):8.1f} {ratio:13.2f} "
                f"{statistics.median(case.cpu_ms):11.1f}   {case.load}"
            )
        print(f"\ntarget: every eportal page ≥ 8× bakerydemo's home; load average now {load()}")
    finally:
        for server in servers:
            if server.poll() is None:
                server.send_signal(signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        if "BENCH_DATABASE_URL" not in os.environ:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
