"""A page from nginx's cache against the same bytes as a static file from the
same nginx, in one run (the stack, deploy/stack).

    .venv/bin/python tests/bench/bench_cache_vs_static.py [--path /tin-tuc/]
        [--rounds 3] [--seconds 10] [--connections 50] [--no-start]

Starts the stack (PostgreSQL database STACK_DB, Redis, nginx, gunicorn, the
worker; ports STACK_PORT and the others of deploy/stack, here 8280–8291 unless
set) unless ``--no-start``, fetches the page until nginx answers it from its
cache (``X-Cache-Status: HIT``), writes the same body under the stack's static
folder, then measures both with wrk (``scripts/ensure-system-packages
--bench``) in interleaved rounds and prints each one's median requests/s, the
median of the per-round ratios (goal: the cached page at ≥ 50 % of the static
file), the load average after each round and how many of the cached page's
requests reached gunicorn (its access log). Stops the stack it started.
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STACK_VAR = ROOT / "var" / "stack"
HOST = "www.thaibinh.gov.vn"
COPY = "bench-cached-copy.html"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def fetch(port: int, path: str, host: str = HOST):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("X-Cache-Status", ""), body


def wrk(url: str, seconds: int, connections: int, host: str) -> float:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", f"Host: {host}", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    if "Non-2xx" in out:
        raise SystemExit(f"{url}: answers other than 2xx\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def gunicorn_requests(path: str) -> int:
    log = STACK_VAR / "gunicorn-access.log"
    if not log.exists():
        return 0
    return sum(1 for line in log.open(errors="replace") if f"GET {path} " in line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", default="/tin-tuc/")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--no-start", action="store_true", help="use the running stack")
    args = parser.parse_args()
    if subprocess.run(["which", "wrk"], capture_output=True).returncode:
        raise SystemExit("wrk is missing: scripts/ensure-system-packages --bench")

    env = dict(os.environ)
    for name, port in (
        ("STACK_PORT", 8280),
        ("STACK_PURGE_PORT", 8281),
        ("STACK_APP_PORT", 8291),
    ):
        env.setdefault(name, str(port))
    port = int(env["STACK_PORT"])
    if not args.no_start:
        subprocess.run(["bash", "deploy/stack", "start"], cwd=ROOT, env=env, check=True)
    copy = STACK_VAR / "static" / COPY
    try:
        for _ in range(20):
            status, cache_status, body = fetch(port, args.path)
            if status != 200:
                raise SystemExit(f"{args.path} answered {status}")
            if cache_status == "HIT":
                break
            time.sleep(0.5)
        else:
            raise SystemExit(f"{args.path} is not served from nginx's cache ({cache_status})")
        copy.write_bytes(body)
        status, _, static_body = fetch(port, f"/static/{COPY}")
        if status != 200 or static_body != body:
            raise SystemExit("the static copy is not served as written")
        print(f"{args.path}: {len(body):,} bytes; load average before: {load()}", flush=True)

        cached_url = f"http://127.0.0.1:{port}{args.path}"
        static_url = f"http://127.0.0.1:{port}/static/{COPY}"
        before = gunicorn_requests(args.path)
        cached, static, ratios = [], [], []
        for number in range(1, args.rounds + 1):
            cached.append(wrk(cached_url, args.seconds, args.connections, HOST))
            static.append(wrk(static_url, args.seconds, args.connections, HOST))
            ratios.append(cached[-1] / static[-1])
            print(
                f"  round {number}: cached {cached[-1]:9.0f}/s   static {static[-1]:9.0f}/s   "
                f"{ratios[-1]:6.1%}   load {load()}",
                flush=True,
            )
        reached = gunicorn_requests(args.path) - before
        print(
            f"\ncached page   {statistics.median(cached):9.0f} requests/s (median of "
            f"{args.rounds})\nstatic file   {statistics.median(static):9.0f} requests/s\n"
            f"ratio         {statistics.median(ratios):9.1%} (goal ≥ 50 %)\n"
            f"requests of the cached page that reached gunicorn: {reached}\n"
            f"load average now: {load()} (wrk and nginx on the same machine)"
        )
    finally:
        copy.unlink(missing_ok=True)
        if not args.no_start:
            subprocess.run(["bash", "deploy/stack", "stop"], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
