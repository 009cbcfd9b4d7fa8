"""The generated servers under load: each stack's production server, measured with wrk.

    python3 benchmarks/load.py                        # all five stacks (15-25 minutes)
    python3 benchmarks/load.py --stack rails-postgres --duration 5   # one stack, a quick try

Needs wrk (`apt-get install wrk`), matplotlib for the chart (`pip install matplotlib`) and
each stack's toolchain, as the stack tests do (`.ci/provision/*.sh`). It is a benchmark,
not a test: CI does not run it.

For each stack it generates the project and starts its production server (`make migrate
serve`) on a throwaway database through the stack's test driver
(`tests/stacks/<stack>.py: production()`), registers one user, writes 1,000 of their tasks
straight into the database (`Running.insert_tasks`: set-based, not 100,000 HTTP requests)
and loads the server from another process on loopback: wrk, 2 threads, 64 connections,
a bounded duration per endpoint, after a short warm-up of the same request. Then it tops
the user up to 100,000 tasks and measures the list again, then one task, a create, and
`/health` as the local ceiling. A sampler adds up the resident memory of the server's
whole process group (workers included) every 200 ms.

Bounds, judged per stack:
- no error and no 5xx under load (wrk's connect/read/write/timeout errors, and any 5xx);
- the list's p99 at 100,000 tasks at most 1.5x its p99 at 1,000: an index serves the
  owner, the status filter and the sort, and counting does not read every row.

It writes benchmarks/LOAD.md (every figure), benchmarks/load.png (requests/s and p99 per
stack) and the summary table between the load markers of README.md's Speed section.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STACKS = ["django-postgres", "express-mongo", "laravel-mysql", "rails-postgres", "spring-oracle"]
SCALE_BOUND = 1.5  # p99 of the list at 100k tasks / its p99 at 1k
TOO_SLOW = 5.0  # seconds for one request alone: not worth loading with 64 connections
LIST = "/api/v1/tasks?status=todo&sort=-createdAt"
EMAIL, PASSWORD = "load@example.com", "load-test-password"
# Where CI's database is a stand-in, the figure is not the real database's.
STAND_INS = {
    "express-mongo": "FerretDB 1.24 on SQLite stands in for MongoDB: MongoDB's own indexes "
    "and query planner are not measured",
    "spring-oracle": "H2 in Oracle mode stands in for Oracle Database",
    "laravel-mysql": "MariaDB 10.11 stands in for MySQL 8.4; Laravel 8.83 on PHP 8.2 "
    "(Debian) runs the application code",
    "rails-postgres": "Rails 6.1 on Ruby 3.1 (Debian) runs the application code",
}
OUT = REPO / "benchmarks"
README = REPO / "README.md"
MARK_START, MARK_END = "<!-- load:start -->", "<!-- load:end -->"

WRK_SCRIPT = r"""
wrk.method = os.getenv("LOAD_METHOD") or "GET"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("LOAD_TOKEN") or "")
if os.getenv("LOAD_BODY") then
  wrk.body = os.getenv("LOAD_BODY")
  wrk.headers["Content-Type"] = "application/json"
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) n5xx = 0 end
function response(status, headers, body)
  if status >= 500 then n5xx = n5xx + 1 end
end
function done(summary, latency, requests)
  local errors = 0
  for _, t in ipairs(threads) do errors = errors + t:get("n5xx") end
  local e = summary.errors
  io.write(string.format(
    'LOAD {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"status": %d, "timeout": %d, "p50_us": %d, "p99_us": %d, "n5xx": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), errors))
end
"""


@dataclass
class Run:
    """One wrk run against one endpoint."""

    label: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int  # connect + read + write + timeout
    non_2xx: int  # any status >= 400 (wrk's "status" errors)
    n5xx: int


@dataclass
class StackResult:
    stack: str
    runs: dict[str, Run] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    insert_seconds: dict[str, float] = field(default_factory=dict)
    too_slow: dict[str, float] = field(default_factory=dict)  # endpoint -> one request's seconds
    failure: str | None = None

    @property
    def clean(self) -> bool:
        return not self.too_slow and all(r.errors == 0 and r.n5xx == 0 and r.non_2xx == 0 for r in self.runs.values())

    @property
    def scale_ratio(self) -> float | None:
        small, large = self.runs.get("list 1k"), self.runs.get("list 100k")
        return large.p99_ms / small.p99_ms if small and large and small.p99_ms else None


def _no_proxy() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def call(base: str, method: str, path: str, body: dict | None = None,
         token: str | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with _no_proxy().open(request, timeout=300) as response:
        return json.loads(response.read() or b"{}")


def wrk(label: str, url: str, token: str, duration: int, connections: int,
        method: str = "GET", body: str | None = None) -> Run:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    env = {**os.environ, "LOAD_METHOD": method, "LOAD_TOKEN": token}
    if body is not None:
        env["LOAD_BODY"] = body
    try:
        result = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "5s",
             "-s", script.name, url],
            capture_output=True, text=True, env=env, timeout=duration + 60, check=True)
    finally:
        os.unlink(script.name)
    found = re.search(r"^LOAD (\{.*\})$", result.stdout, re.MULTILINE)
    if not found:
        raise RuntimeError(f"wrk printed no result for {label}:\n{result.stdout}{result.stderr}")
    raw = json.loads(found.group(1))
    seconds = raw["duration_us"] / 1e6
    return Run(label=label, requests_per_s=raw["requests"] / seconds,
               p50_ms=raw["p50_us"] / 1000, p99_ms=raw["p99_us"] / 1000,
               errors=raw["connect"] + raw["read"] + raw["write"] + raw["timeout"],
               non_2xx=raw["status"], n5xx=raw["n5xx"])


def group_rss_mb(pgid: int) -> float:
    """Resident memory of every process in the process group (the server and its workers)."""
    total_kb = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            # the fields after the command name (which may contain spaces) start after ')'
            if int(stat.rsplit(")", 1)[1].split()[2]) != pgid:
                continue
            status = (entry / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        total_kb += int(found.group(1)) if found else 0
    return total_kb / 1024


@contextlib.contextmanager
def peak_rss(pgid: int | None) -> Iterator[list[float]]:
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set() and pgid:
            peak[0] = max(peak[0], group_rss_mb(pgid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        stop.set()
        sampler.join()


def driver(stack: str):
    return importlib.import_module(f"tests.stacks.{stack.replace('-', '_')}")


def measure(stack: str, duration: int, connections: int, warmup: int) -> StackResult:
    from tests.harness.server import server_pid

    result = StackResult(stack)
    module = driver(stack)
    module.require_toolchain()
    with tempfile.TemporaryDirectory(prefix=f"load-{stack}-") as work, \
            module.production(Path(work)) as running:
        base = running.base_url
        with peak_rss(server_pid(base)) as peak:
            call(base, "POST", "/api/v1/auth/register",
                 {"email": EMAIL, "password": PASSWORD, "name": "Load"})
            token = call(base, "POST", "/api/v1/auth/login",
                         {"email": EMAIL, "password": PASSWORD})["accessToken"]

            def timed_insert(label: str, count: int) -> None:
                start = time.monotonic()
                running.insert_tasks(EMAIL, count)
                result.insert_seconds[label] = round(time.monotonic() - start, 2)

            def load(label: str, path: str, **kwargs: str) -> None:
                print(f"  {stack}: {label}", file=sys.stderr)
                if warmup:
                    wrk(label, base + path, token, warmup, connections, **kwargs)
                result.runs[label] = wrk(label, base + path, token, duration, connections,
                                         **kwargs)

            timed_insert("1k", 1_000)
            load("list 1k", LIST)
            timed_insert("100k", 99_000)
            start = time.monotonic()
            page = call(base, "GET", LIST, token=token)
            alone = time.monotonic() - start
            if page.get("totalItems", 0) < 33_000:
                raise RuntimeError(f"after inserting 100,000 tasks the list says {page}")
            if alone > TOO_SLOW:
                # 64 connections of requests that each take this long would only pile up
                # behind wrk's timeout: report the single request instead of loading it.
                result.too_slow["list 100k"] = round(alone, 1)
            else:
                load("list 100k", LIST)
            load("get task", f"/api/v1/tasks/{page['items'][0]['id']}")
            load("create task", "/api/v1/tasks", method="POST",
                 body=json.dumps({"title": "Written under load", "status": "doing"}))
            load("health", "/health")
        result.peak_rss_mb = round(peak[0], 1)
    return result


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        cpu = found.group(1) if found else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.platform()}"


def verdicts(r: StackResult) -> tuple[str, str]:
    if r.failure:
        return "not measured", "not measured"
    ratio = r.scale_ratio
    if "list 100k" in r.too_slow:
        scale = f"FAIL ({r.too_slow['list 100k']} s for one request alone)"
    else:
        scale = "—" if ratio is None else (
            f"{'pass' if ratio <= SCALE_BOUND else 'FAIL'} ({ratio:.2f}x)")
    return ("pass" if r.clean else "FAIL"), scale


def cell(r: StackResult, label: str, p99: bool = False) -> str:
    if label in r.too_slow:
        return f"not loaded: {r.too_slow[label]} s per request"
    run = r.runs[label]
    return f"{run.requests_per_s:,.0f}" + (f" ({run.p99_ms:.0f} ms)" if p99 else "")


def summary_table(results: list[StackResult]) -> list[str]:
    lines = [("| stack | list 1k req/s (p99) | list 100k req/s (p99) | get req/s | create req/s "
              "| health req/s | peak RSS | no errors, no 5xx | p99 100k ≤ 1.5× 1k |"),
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        errors, scale = verdicts(r)
        if r.failure:
            lines.append(f"| {r.stack} | {r.failure} | | | | | | {errors} | {scale} |")
            continue

        lines.append(f"| {r.stack} | {cell(r, 'list 1k', True)} | {cell(r, 'list 100k', True)} | "
                     f"{cell(r, 'get task')} | {cell(r, 'create task')} | {cell(r, 'health')} | "
                     f"{r.peak_rss_mb:.0f} MB | {errors} | {scale} |")
    return lines


def notes(results: list[StackResult]) -> list[str]:
    return [f"- {r.stack}: {STAND_INS[r.stack]}." for r in results if r.stack in STAND_INS]


def write_report(results: list[StackResult], args: argparse.Namespace, when: str) -> None:
    head = [(f"Measured {when} on {machine()}, by `python3 benchmarks/load.py` (wrk, 2 threads, "
             f"{args.connections} connections, {args.duration} s per endpoint after a "
             f"{args.warmup} s warm-up; server and wrk share the machine's cores).")]
    detail = ["| stack | endpoint | req/s | p50 | p99 | errors | non-2xx | 5xx |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        for run in r.runs.values():
            detail.append(f"| {r.stack} | {run.label} | {run.requests_per_s:,.0f} | "
                          f"{run.p50_ms:.1f} ms | {run.p99_ms:.1f} ms | {run.errors} | "
                          f"{run.non_2xx} | {run.n5xx} |")
    inserts = [f"- {r.stack}: {', '.join(f'{k} tasks in {v} s' for k, v in r.insert_seconds.items())}"
               for r in results if r.insert_seconds]
    text = "\n".join([
        "# The generated servers under load", "",
        "Generated by `python3 benchmarks/load.py`; do not edit by hand.", "", *head, "",
        *summary_table(results), "", "## Every run", "", *detail, "",
        "## Writing the tasks (straight into the database, not timed against a bound)", "",
        *inserts, "", "## Stand-ins", "", *notes(results), "",
        "Raw figures: `benchmarks/load-results.json`. Chart: `benchmarks/load.png`.", ""])
    (OUT / "LOAD.md").write_text(text)
    (OUT / "load-results.json").write_text(json.dumps(
        {"measured": when, "machine": machine(),
         "results": [{**asdict(r), "runs": {k: asdict(v) for k, v in r.runs.items()}}
                     for r in results]}, indent=2) + "\n")
    if not args.stack:
        readme = README.read_text()
        start = readme.index(MARK_START) + len(MARK_START)
        end = readme.index(MARK_END)
        block = "\n".join([*head, "", *summary_table(results), "", *notes(results),
                           "", ("![Requests per second and p99 latency per stack]"
                                "(benchmarks/load.png)"), "",
                           "Every run: [benchmarks/LOAD.md](benchmarks/LOAD.md)."])
        README.write_text(readme[:start] + "\n" + block + "\n" + readme[end:])


def chart(results: list[StackResult], path: Path, when: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measured = [r for r in results if r.runs]
    labels = ["list 1k", "list 100k", "get task", "create task", "health"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    width = 0.8 / len(labels)
    for i, label in enumerate(labels):
        xs = [j + i * width for j in range(len(measured))]
        # an endpoint too slow to load shows as no bar (its figure is in the table)
        runs = [r.runs.get(label) for r in measured]
        left.bar(xs, [run.requests_per_s if run else 0 for run in runs], width, label=label)
        if label != "health":
            right.bar(xs, [run.p99_ms if run else 0 for run in runs], width, label=label)
    for axis, title in ((left, "requests/s (higher is better)"),
                        (right, "p99 latency, ms (lower is better)")):
        axis.set_xticks([j + 0.4 - width / 2 for j in range(len(measured))])
        axis.set_xticklabels([r.stack for r in measured], rotation=15)
        axis.set_title(title)
        axis.grid(axis="y", alpha=0.3)
    left.legend(fontsize=8)
    fig.suptitle(f"Generated servers under load (wrk, 64 connections), {when}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stack", action="append", choices=STACKS,
                        help="only these stacks (repeatable); README.md is then left alone")
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per endpoint")
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("load: wrk is missing (apt-get install wrk)")
    # The stack drivers keep their template store out of the user's data folder.
    os.environ.setdefault("SCAFFOLDER_HOME", tempfile.mkdtemp(prefix="load-home-"))
    when = f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    results = []
    for stack in args.stack or STACKS:
        print(f"load: {stack}", file=sys.stderr)
        try:
            results.append(measure(stack, args.duration, args.connections, args.warmup))
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
            print(f"load: {stack} not measured: {type(exc).__name__}: {reason}", file=sys.stderr)
            results.append(StackResult(stack, failure=f"not measured: {reason}"))
    write_report(results, args, when)
    if not args.stack:
        chart(results, OUT / "load.png", when)
    print((OUT / "LOAD.md").read_text())


if __name__ == "__main__":
    main()
