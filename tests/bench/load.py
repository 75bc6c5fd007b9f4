"""Load and faults against the stack, measured (not collected by pytest, not in `make test`).

Starts the stack (deploy/stack) unless ``--no-start``, checks that the rate
limits count per ``X-Forwarded-For`` address behind nginx, runs
tests/bench/locustfile.py headless, optionally injects one fault mid-run,
stops the stack and prints: requests, errors (by class and status, inside and
outside the fault's window), p50/p95 of the pages nginx served from its cache
(``X-Cache-Status`` HIT/STALE/UPDATING) and of the requests that reached
gunicorn, and the acknowledged submissions against the rows in the database.
Exits non-zero if an acknowledged question or dossier is missing.

Locust is not a dependency of the project (see tests/bench/locustfile.py)::

    python3 -m venv .venv-bench && .venv-bench/bin/pip install locust py-spy

(py-spy reads, for ``--fault worker-kill``, how many requests the killed
worker was serving: only those may fail.)

Runs (ports away from another engineer's stack; Redis and PostgreSQL of your
own for the faults that stop them)::

    .venv/bin/python tests/bench/load.py                       # 20 users × 30 s
    .venv/bin/python tests/bench/load.py --users 200 --run-time 5m
    .venv/bin/python tests/bench/load.py --users 50 --run-time 90s --fault worker-kill
    .venv/bin/python tests/bench/load.py --users 50 --run-time 90s --fault redis-stop \\
        --own-redis 6390
    .venv/bin/python tests/bench/load.py --users 50 --run-time 90s --fault postgres-restart \\
        --database-url postgres://postgres@127.0.0.1:5443/eportal_load \\
        --pg-cluster 15/eportal_fault

Faults:
  postgres-restart  ``pg_ctlcluster <version> <cluster> restart`` (as the postgres
                    user) of the cluster given by --pg-cluster, which must serve
                    --database-url's port and may not be the shared cluster on 5432;
  worker-kill       SIGKILL to one gunicorn worker (a child of var/stack/gunicorn.pid);
  redis-stop        SHUTDOWN of the Redis server started by --own-redis, started
                    again --fault-duration seconds later.
"""

import argparse
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "bench"
STACK_VAR = ROOT / "var" / "stack"


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def log(message):
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())} load {loadavg()}] {message}", flush=True)


def parse_duration(text: str) -> int:
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", text.strip())
    if not match or not any(match.groups()):
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (30s, 5m, 1m30s)")
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=None, help="users/s (users/10)")
    parser.add_argument("--run-time", type=parse_duration, default=30, help="30s, 5m, …")
    parser.add_argument(
        "--fault", choices=["none", "postgres-restart", "worker-kill", "redis-stop"], default="none"
    )
    parser.add_argument(
        "--fault-at", type=float, default=0.4, help="when, as a fraction of --run-time"
    )
    parser.add_argument(
        "--fault-duration", type=float, default=15, help="redis-stop: seconds it stays down"
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("STACK_PORT", 8180)))
    parser.add_argument(
        "--purge-port", type=int, default=int(os.environ.get("STACK_PURGE_PORT", 8181))
    )
    parser.add_argument("--app-port", type=int, default=int(os.environ.get("STACK_APP_PORT", 8191)))
    parser.add_argument(
        "--database-url",
        default=os.environ.get("STACK_DATABASE_URL"),
        help="STACK_DATABASE_URL (default: the stack's, database STACK_DB on 5432)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("STACK_REDIS_URL"),
        help="STACK_REDIS_URL (default: the stack's; see --own-redis)",
    )
    parser.add_argument(
        "--own-redis",
        type=int,
        metavar="PORT",
        help="start a Redis server of our own on this port (db 6) for the run",
    )
    parser.add_argument(
        "--pg-cluster", help="postgres-restart: VERSION/NAME, e.g. 15/eportal_fault"
    )
    parser.add_argument("--no-start", action="store_true", help="use the running stack")
    parser.add_argument("--keep-stack", action="store_true", help="leave the stack running")
    parser.add_argument(
        "--locust",
        default=str(ROOT / ".venv-bench" / "bin" / "locust")
        if (ROOT / ".venv-bench" / "bin" / "locust").exists()
        else shutil.which("locust") or "locust",
    )
    parser.add_argument("--targets-only", action="store_true", help="write targets.json, stop")
    parser.add_argument(
        "--report-only", action="store_true", help="the figures of the last run's files again"
    )
    args = parser.parse_args(argv)
    if args.spawn_rate is None:
        args.spawn_rate = max(1.0, args.users / 10)
    if args.fault == "postgres-restart":
        if not args.pg_cluster or not args.database_url:
            parser.error(
                "postgres-restart needs --pg-cluster and --database-url (a cluster of your own)"
            )
        port = urlsplit(args.database_url).port or 5432
        if port == 5432:
            parser.error("postgres-restart: never the shared cluster on 5432")
    if args.fault == "redis-stop" and not args.own_redis:
        parser.error("redis-stop needs --own-redis PORT (a Redis server of our own)")
    return args


# --- The stack -------------------------------------------------------------------


def stack_environment(args) -> dict:
    env = dict(os.environ)
    env.update(
        STACK_PORT=str(args.port),
        STACK_PURGE_PORT=str(args.purge_port),
        STACK_APP_PORT=str(args.app_port),
    )
    if args.database_url:
        env["STACK_DATABASE_URL"] = args.database_url
    if args.redis_url:
        env["STACK_REDIS_URL"] = args.redis_url
    return env


def apply_stack_env(env):
    """The stack's settings (deploy/stack env) in this process, for Django."""
    exports = subprocess.run(
        ["bash", "deploy/stack", "env"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in exports.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        os.environ[name] = shlex.split(value)[0] if value else ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings")


def start_redis(port) -> subprocess.Popen:
    ping = subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True)
    if "PONG" in ping.stdout:
        raise SystemExit(f"load: something already answers on Redis port {port}")
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=open(OUT / f"redis-{port}.log", "a"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(50):
        ping = subprocess.run(
            ["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True
        )
        if "PONG" in ping.stdout:
            return process
        time.sleep(0.1)
    raise SystemExit(f"load: Redis on {port} did not start")


# --- Targets ---------------------------------------------------------------------


def write_targets(path: Path):
    import django

    django.setup()
    from django.db import connections

    from eportal.demo.online_services import _PDF, CITIZEN_EMAIL, CITIZEN_NAME
    from eportal.demo.province import DEMO_PASSWORD
    from eportal.legal.models import LegalDocumentIndexPage, LegalDocumentPage
    from eportal.news import queries
    from eportal.portals.models import Portal
    from eportal.procedures.models import ProcedureIndexPage, ProcedurePage
    from eportal.qa.models import QAIndexPage

    main = Portal.objects.get(is_main=True)
    main_host = main.site.hostname

    def where(page):
        _site, root, path = page.get_url_parts()
        return {"host": urlsplit(root).netloc.split(":")[0] or main_host, "path": path}

    def on_main(model):
        page = model.objects.live().descendant_of(main.site.root_page).first()
        return where(page)["path"]

    articles = [where(a) for a in queries.latest_articles(main)[:60]]
    legal = [
        where(p)["path"]
        for p in LegalDocumentPage.objects.live().descendant_of(main.site.root_page)[:60]
    ]
    procedures = [where(p) for p in ProcedurePage.objects.live()[:60]]
    forms = []
    for page in ProcedurePage.objects.live():
        if not page.is_online:
            continue
        target = where(page)
        target["path"] += page.reverse_subpage("submit")
        target["components"] = page.components.count()
        # field_0…: the name, the date of birth, the identity number, the choice.
        target["answers"] = [CITIZEN_NAME, "1990-05-01", "034090001234", "Trực tiếp"]
        forms.append(target)
    qa = QAIndexPage.objects.live().descendant_of(main.site.root_page).first()
    targets = {
        "main_host": main_host,
        "lists": {
            "home": "/",
            "news": "/tin-tuc/",
            "legal_list": on_main(LegalDocumentIndexPage),
            "procedure_list": on_main(ProcedureIndexPage),
        },
        "articles": articles,
        "legal": legal,
        "procedures": procedures,
        "dossier_forms": forms,
        "qa_ask": where(qa)["path"] + qa.reverse_subpage("ask_route"),
        "citizen": {
            "email": CITIZEN_EMAIL,
            "password": DEMO_PASSWORD,
            "sign_in": "/dich-vu-cong/tai-khoan/dang-nhap/",
        },
        "pdf": _PDF.decode("latin-1"),
    }
    path.write_text(json.dumps(targets, ensure_ascii=False, indent=1), encoding="utf-8")
    connections.close_all()
    return targets


# --- The X-Forwarded-For check ------------------------------------------------------


def fetch(port, path, *, host, method="GET", cookies=None, form=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent = {"Host": host} | (headers or {})
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urlencode(form)
        sent |= {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{host}{path}",
            "Origin": f"http://{host}",
        }
    connection.request(method, path, body=body, headers=sent)
    raw = connection.getresponse()
    text = raw.read().decode("utf-8", "replace")
    if cookies is not None:
        for value in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                cookies[name] = morsel.value
    connection.close()
    return raw.status, text


def check_forwarded_for(port, targets, limit):
    """Over the per-address limit from one X-Forwarded-For address: refused (429);
    another address at once: not refused. Empty forms: counted, never saved."""
    host, path = targets["main_host"], targets["qa_ask"]
    statuses = []
    stamp = int(time.time()) % 250
    for address in (f"10.250.{stamp}.1", f"10.250.{stamp}.2"):
        cookies = {}
        xff = {"X-Forwarded-For": address}
        _status, page = fetch(port, path, host=host, cookies=cookies, headers=xff)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        tries = limit + 1 if address.endswith(".1") else 1
        for _ in range(tries):
            status, _body = fetch(
                port,
                path,
                host=host,
                method="POST",
                cookies=cookies,
                form={"csrfmiddlewaretoken": token},
                headers=xff,
            )
        statuses.append(status)
    ok = statuses[0] == 429 and statuses[1] != 429
    log(
        f"X-Forwarded-For: attempt {limit + 1} from one address → {statuses[0]}, "
        f"the first from another → {statuses[1]}: "
        + ("limits count per forwarded address" if ok else "NOT per address")
    )
    return ok


# --- Faults ----------------------------------------------------------------------


class Fault(threading.Thread):
    def __init__(self, args, at: float):
        super().__init__(daemon=True)
        self.args, self.at = args, at
        self.window = None  # (start, end) epoch seconds
        self.notes = []

    def run(self):
        time.sleep(self.at)
        try:
            getattr(self, self.args.fault.replace("-", "_"))()
        except Exception as error:  # reported; the run goes on
            self.notes.append(f"fault failed: {error!r}")
        for note in self.notes:
            log(note)

    def postgres_restart(self):
        version, name = self.args.pg_cluster.split("/")
        command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"]
        if os.geteuid() == 0:
            command = ["su", "postgres", "-c", shlex.join(command)]
        port = str(urlsplit(self.args.database_url).port)
        started = time.time()
        subprocess.run(command, check=True, capture_output=True)
        while subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", port]).returncode:
            time.sleep(0.05)
        self.window = (started, time.time())
        self.notes.append(
            f"postgres-restart: cluster {self.args.pg_cluster} restarted in "
            f"{self.window[1] - started:.2f} s"
        )

    def worker_kill(self):
        master = int((STACK_VAR / "gunicorn.pid").read_text())
        children = workers_of(master)
        # A worker caught serving a request, so that the kill has requests to
        # break: each is stopped (SIGSTOP) while its threads' stacks are read,
        # and killed still stopped, so nothing it serves finishes in between;
        # one that serves nothing goes on (SIGCONT). Up to 15 s of looking.
        victim, in_flight, looked = None, None, 0
        deadline = time.time() + 15
        while victim is None:
            for pid in children:
                looked += 1
                os.kill(pid, signal.SIGSTOP)
                in_flight = requests_in_flight(pid)
                if in_flight or in_flight is None or time.time() > deadline:
                    victim = pid
                    break
                os.kill(pid, signal.SIGCONT)
        nginx_errors = STACK_VAR / "nginx-error.log"
        offset = nginx_errors.stat().st_size if nginx_errors.exists() else 0
        started = time.time()
        os.kill(victim, signal.SIGKILL)
        while True:
            now = workers_of(master)
            if victim not in now and len(now) >= len(children):
                break
            time.sleep(0.05)
        self.window = (started, time.time())
        replacement = sorted(set(now) - set(children))
        time.sleep(1)
        broken = []
        if nginx_errors.exists():
            with nginx_errors.open() as log:
                log.seek(offset)
                broken = [
                    line.split('request: "', 1)[-1].split('"', 1)[0]
                    for line in log
                    if "prematurely closed" in line or "reset by peer" in line
                ]
        self.notes.append(
            f"worker-kill: SIGKILL to worker {victim} of {children} with "
            f"{'?' if in_flight is None else in_flight} request(s) in flight "
            f"(py-spy, {looked} looks); gunicorn's master "
            f"{master} started {replacement} within {self.window[1] - started:.2f} s; "
            f"nginx saw {len(broken)} request(s) cut off by it {broken} (it retries one "
            "that is idempotent on another worker; the client errors are counted below)"
        )

    def redis_stop(self):
        port = str(self.args.own_redis)
        started = time.time()
        subprocess.run(["redis-cli", "-p", port, "shutdown", "nosave"], capture_output=True)
        time.sleep(self.args.fault_duration)
        self.process = start_redis(self.args.own_redis)
        self.window = (started, time.time())
        self.notes.append(
            f"redis-stop: Redis on {port} stopped for {self.window[1] - started:.1f} s, then started"
        )


def requests_in_flight(pid: int) -> int | None:
    """How many of a gunicorn worker's threads are handling a request, from a
    py-spy dump of their stacks (None without py-spy)."""
    spy = shutil.which("py-spy") or shutil.which("py-spy", path=str(ROOT / ".venv-bench" / "bin"))
    if spy is None:
        return None
    dump = subprocess.run(
        [spy, "dump", "--nonblocking", "--pid", str(pid)], capture_output=True, text=True
    )
    if dump.returncode:
        return None
    threads = dump.stdout.split("\nThread ")
    return sum(1 for thread in threads if "handle_request" in thread)


def workers_of(master: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) == master:
                    found.append(int(proc.name))
            except (OSError, IndexError, ValueError):
                pass
    return sorted(found)


class LoadSampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(5):
            self.samples.append(float(loadavg().split()[0]))


# --- Figures ---------------------------------------------------------------------


def percentile(values, fraction):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(fraction * (len(values) - 1)))]


def is_error(record):
    return record["status"] == 0 or record["status"] >= 400 or bool(record["error"])


def report(records, window):
    for r in records:
        r["cached"] = r["cache"] in ("HIT", "STALE", "UPDATING")
    cached = [r for r in records if r["cached"]]
    uncached = [r for r in records if not r["cached"]]
    errors = [r for r in records if is_error(r)]
    print()
    print(f"requests {len(records)}, errors {len(errors)}", end="")
    if records:
        span = max(r["t"] for r in records) - min(r["t"] for r in records)
        print(f", {len(records) / max(span, 1):.1f} requests/s over {span:.0f} s")
    else:
        print()
    for label, group in (("cached (nginx HIT)", cached), ("uncached (gunicorn)", uncached)):
        ms = [r["ms"] for r in group if not is_error(r)]
        print(
            f"  {label:22} {len(group):6}  p50 {percentile(ms, 0.5):8.0f} ms  "
            f"p95 {percentile(ms, 0.95):8.0f} ms  max {max(ms, default=0):8.0f} ms"
        )
    print("  by class (cached/total, p50/p95 ms of the uncached):")
    names = sorted({r["name"] for r in records})
    for name in names:
        group = [r for r in records if r["name"] == name]
        hits = sum(1 for r in group if r["cached"])
        ms = [r["ms"] for r in group if not r["cached"] and not is_error(r)]
        bad = sum(1 for r in group if is_error(r))
        print(
            f"    {name:22} {hits:5}/{len(group):<6} p50 {percentile(ms, 0.5):7.0f}  "
            f"p95 {percentile(ms, 0.95):7.0f}  errors {bad}"
        )
    if errors:
        kinds = {}
        for r in errors:
            key = (r["name"], r["status"], re.sub(r"\d+", "N", r["error"])[:90])
            kinds[key] = kinds.get(key, 0) + 1
        print("  errors:")
        for (name, status, error), count in sorted(kinds.items(), key=lambda kv: -kv[1])[:15]:
            print(f"    {count:5} × {name} {status} {error}")
    if window:
        start, end = window
        inside = [r for r in errors if start - 1 <= r["t"] - r["ms"] / 1000 <= end + 1]
        late = [r for r in errors if r["t"] - r["ms"] / 1000 > end + 1]
        print(
            f"  fault window {end - start:.1f} s: errors {len(inside)} inside (±1 s), "
            f"{len(late)} after it, {len(errors) - len(inside) - len(late)} before it"
        )
        during = [
            r["ms"] for r in uncached if not is_error(r) and start <= r["t"] - r["ms"] / 1000 <= end
        ]
        outside = [
            r["ms"]
            for r in uncached
            if not is_error(r) and not start - 1 <= r["t"] - r["ms"] / 1000 <= end + 1
        ]
        print(
            f"    uncached answered during it {len(during)}: p50 {percentile(during, 0.5):.0f} ms, "
            f"p95 {percentile(during, 0.95):.0f} ms; outside it p50 "
            f"{percentile(outside, 0.5):.0f} ms, p95 {percentile(outside, 0.95):.0f} ms"
        )
        if late:
            last = max(r["t"] for r in late)
            print(f"    the last error {last - end:.1f} s after the window closed")


def check_acks(acks):
    import django

    django.setup()
    from eportal.dossiers.models import Dossier
    from eportal.qa.models import Question

    missing = 0
    for kind, model in (("question", Question), ("dossier", Dossier)):
        codes = {
            a["code"].upper() if kind == "question" else a["code"]
            for a in acks
            if a["kind"] == kind
        }
        found = set(model.objects.filter(code__in=codes).values_list("code", flat=True))
        lost = codes - found
        missing += len(lost)
        print(
            f"  {kind}s acknowledged {len(codes)}, rows found {len(found)}, missing {len(lost)}"
            + (f": {sorted(lost)[:10]}" if lost else "")
        )
    return missing


def read_jsonl(pattern):
    records = []
    for path in OUT.glob(pattern):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def main(argv=None):
    args = arguments(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    if args.report_only:
        apply_stack_env(stack_environment(args))
        window_file = OUT / "fault-window.json"
        window = json.loads(window_file.read_text()) if window_file.exists() else None
        report(read_jsonl("requests-*.jsonl"), window)
        return 1 if check_acks(read_jsonl("acks-*.jsonl")) else 0
    for old in list(OUT.glob("requests-*.jsonl")) + list(OUT.glob("acks-*.jsonl")):
        old.unlink()
    redis = None
    if args.own_redis:
        redis = start_redis(args.own_redis)
        args.redis_url = f"redis://127.0.0.1:{args.own_redis}/6"
    env = stack_environment(args)
    started_stack = False
    sampler = LoadSampler()
    fault = None
    try:
        if not args.no_start:
            log("starting the stack")
            subprocess.run(["bash", "deploy/stack", "start"], cwd=ROOT, env=env, check=True)
            started_stack = True
        apply_stack_env(env)
        targets_path = OUT / "targets.json"
        targets = write_targets(targets_path)
        log(
            f"targets: {len(targets['articles'])} articles, {len(targets['legal'])} legal "
            f"documents, {len(targets['procedures'])} procedures, "
            f"{len(targets['dossier_forms'])} online forms"
        )
        if args.targets_only:
            return 0
        from django.conf import settings

        limit = settings.EPORTAL_ABUSE["IP_LIMIT"]
        xff_ok = check_forwarded_for(args.port, targets, limit)
        command = [
            args.locust,
            "-f",
            str(ROOT / "tests" / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(args.users),
            "--spawn-rate",
            str(args.spawn_rate),
            "--run-time",
            f"{args.run_time}s",
            "--host",
            f"http://127.0.0.1:{args.port}",
            "--only-summary",
            "--stop-timeout",
            "20",
            "--loglevel",
            "WARNING",
        ]
        locust_env = env | {
            "EPORTAL_BENCH_TARGETS": str(targets_path),
            "EPORTAL_BENCH_OUT": str(OUT),
        }
        log(
            f"locust: {args.users} users, {args.spawn_rate:g}/s, {args.run_time} s, fault {args.fault}"
        )
        sampler.start()
        if args.fault != "none":
            fault = Fault(args, args.run_time * args.fault_at)
            fault.start()
        with open(OUT / "locust.log", "w") as locust_log:
            subprocess.run(command, env=locust_env, stdout=locust_log, stderr=subprocess.STDOUT)
        sampler.stop.set()
        if fault is not None:
            fault.join(timeout=60)
        log("locust done")
        records = read_jsonl("requests-*.jsonl")
        (OUT / "fault-window.json").write_text(json.dumps(fault.window if fault else None))
        report(records, fault.window if fault else None)
        print(
            f"  load average: before {sampler.samples[0] if sampler.samples else '?'}, "
            f"max {max(sampler.samples, default=0):.2f}, now {loadavg()} (2 cores, shared)"
        )
        print(f"  X-Forwarded-For per address: {'yes' if xff_ok else 'NO'}")
        missing = check_acks(read_jsonl("acks-*.jsonl"))
        return 1 if missing or not xff_ok else 0
    finally:
        if started_stack and not args.keep_stack:
            subprocess.run(["bash", "deploy/stack", "stop"], cwd=ROOT, env=env)
        for process in (redis, getattr(fault, "process", None)):
            if process is not None and not args.keep_stack:
                process.terminate()
                process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
