"""Instances over HTTP on the shared two-task model, as production serves them: gunicorn with
two workers on SQLite and PostgreSQL, in one run.

The model (`shared/bench-models/`: `record_approval.bpmn`, lanes Operator and Kaurlitpers,
forms `rekam-ajuan.json` and `rekam-setuju.json`) is deployed on a fresh, migrated database
through the catalogue's validated upload, as a process owner does. Each client is an
operator and a Kaurlitpers of one Polres (so clients never see each other's tasks), signed
in with cookies and the CSRF token as a browser is. One instance is three requests:

    start + submit   POST /ajukan/record_approval (the first task's form)
    inbox read       GET /  as Kaurlitpers (the task's link is read from the page)
    approve          POST /tugas/<id>

Redirects are answers, not followed. Runs: one client sequentially, then four clients at
once; ms/instance is the run's wall time over its instances. Goals (issue 13): <= 9 ms
per instance on SQLite, <= 18 ms on PostgreSQL.

    python -m bench.http_instances [--instances N] [--postgres ADMIN_URL] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

import engine
from bench.gunicorn_server import ROOT, gunicorn
from bench.http_client import Browser, task_ids
from bench.task_throughput import sqlite_database
from processes.accounts.models import Unit, User
from processes.accounts.roles import OPERATOR, PEMILIK_PROSES, SUPERVISOR
from processes.accounts.users import create_user
from processes.db.database import make_engine, make_session_factory, throwaway_postgres
from processes.db.uow import UnitOfWork
from processes.setup.catalogue import deploy_upload
from processes.setup.install import prepare

PROCESS_ID = "record_approval"
MODEL_FILES = ("record_approval.bpmn", "rekam-ajuan.json", "rekam-setuju.json")
PASSWORD = "bench-only-password"
CLIENTS = 4
WARM_UP = 4
CALLS = ("start + submit", "inbox read", "approve")


def model_dir() -> Path:
    """`shared/bench-models` beside the checkout (or above it), or ECATPERS_BENCH_MODELS."""
    if os.environ.get("ECATPERS_BENCH_MODELS"):
        return Path(os.environ["ECATPERS_BENCH_MODELS"])
    for parent in ROOT.parents:
        if (parent / "shared" / "bench-models" / MODEL_FILES[0]).exists():
            return parent / "shared" / "bench-models"
    raise SystemExit("shared/bench-models not found; set ECATPERS_BENCH_MODELS")


# -- the database -------------------------------------------------------------
def prepare_bench_database(url: str, audit_key: bytes, clients: int) -> None:
    """Migrate and set up, add the clients' users and deploy the model as a process owner."""
    prepare(url)
    db = make_engine(url)
    factory = make_session_factory(db, audit_key)
    try:
        with factory() as session:
            polres = list(session.scalars(
                select(Unit.code).where(Unit.jenis == "POLRES").order_by(Unit.code)))[:clients]
            root = session.scalar(select(Unit.code).where(Unit.parent_id.is_(None)))
            create_user(session, "pemilik", "Pemilik Proses", PASSWORD, PEMILIK_PROSES, root)
            for k, unit in enumerate(polres):
                create_user(session, f"op{k}", f"Operator {k}", PASSWORD, OPERATOR, unit)
                create_user(session, f"kaur{k}", f"Kaurlitpers {k}", PASSWORD, SUPERVISOR, unit)
            session.commit()
        with factory() as session:
            owner = session.scalar(select(User).where(User.username == "pemilik"))
        files = {name: (model_dir() / name).read_bytes() for name in MODEL_FILES}
        outcome = deploy_upload(UnitOfWork(factory), owner, files, "bench")
        if not outcome.ok:
            raise SystemExit(f"{outcome.message} {[str(p) for p in outcome.problems]}")
    finally:
        db.dispose()


def completed_instances(url: str) -> int:
    db = make_engine(url)
    try:
        with make_session_factory(db)() as session:
            return engine.count_instances(session, "complete")
    finally:
        db.dispose()


# -- the clients --------------------------------------------------------------
@dataclass
class Timings:
    calls: dict[str, list[float]] = field(default_factory=lambda: {c: [] for c in CALLS})

    def add(self, other: Timings) -> None:
        for name, found in other.calls.items():
            self.calls[name] += found


class Client:
    """An operator and a Kaurlitpers of one unit, each with their own session."""

    def __init__(self, port: int, k: int) -> None:
        self.k, self.count = k, 0
        self.operator, self.approver = Browser("127.0.0.1", port), Browser("127.0.0.1", port)
        self.operator.sign_in(f"op{k}", PASSWORD)
        self.approver.sign_in(f"kaur{k}", PASSWORD)

    def instance(self, timings: Timings) -> None:
        self.count += 1
        began = time.perf_counter()
        started = self.operator.post(f"/ajukan/{PROCESS_ID}", {
            "record_no": f"B/{self.k}/{self.count}", "summary": "Bench record"})
        submitted = time.perf_counter()
        inbox = self.approver.get("/")
        read = time.perf_counter()
        ids = task_ids(inbox.body)
        if started.status != 302 or "/proses/" not in started.location or len(ids) != 1:
            raise RuntimeError(f"client {self.k}: start {started.status} {started.location!r}, "
                               f"inbox {inbox.status} with {len(ids)} tasks")
        approved = self.approver.post(f"/tugas/{ids[0]}", {"decision": "approve", "comment": ""})
        done = time.perf_counter()
        if approved.status != 302 or approved.location != "/":
            raise RuntimeError(f"client {self.k}: approve {approved.status} {approved.location!r}")
        for name, seconds in zip(CALLS, (submitted - began, read - submitted, done - read),
                                 strict=True):
            timings.calls[name].append(seconds)


@dataclass
class Run:
    database: str
    mode: str
    instances: int
    seconds: float
    timings: Timings

    @property
    def ms_per_instance(self) -> float:
        return 1000 * self.seconds / self.instances


def drive(clients: list[Client], per_client: int) -> tuple[float, Timings]:
    """Each client runs `per_client` instances, all clients at once; wall time and timings."""
    found = [Timings() for _ in clients]
    errors: list[BaseException] = []
    gate = threading.Barrier(len(clients) + 1)

    def work(client: Client, timings: Timings) -> None:
        gate.wait()
        try:
            for _ in range(per_client):
                client.instance(timings)
        except Exception as err:  # noqa: BLE001 - reported by the main thread
            errors.append(err)

    threads = [threading.Thread(target=work, args=pair) for pair in zip(clients, found, strict=True)]
    for thread in threads:
        thread.start()
    gate.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    if errors:
        raise errors[0]
    total = Timings()
    for timings in found:
        total.add(timings)
    return seconds, total


def run_database(label: str, url: str, instances: int, workers: int) -> list[Run]:
    audit_key = secrets.token_hex(32).encode()
    prepare_bench_database(url, audit_key, CLIENTS)
    runs = []
    with gunicorn(url, audit_key, workers) as port:
        clients = [Client(port, k) for k in range(CLIENTS)]
        drive(clients, WARM_UP)  # both workers load the spec, forms and SQL caches
        seconds, timings = drive(clients[:1], instances)
        runs.append(Run(label, "sequential, 1 client", instances, seconds, timings))
        per_client = max(1, instances // CLIENTS)
        seconds, timings = drive(clients, per_client)
        runs.append(Run(label, f"{CLIENTS} concurrent clients", per_client * CLIENTS, seconds, timings))
        cookie = max(c.operator.cookie_bytes() for c in clients)
    expected = CLIENTS * WARM_UP + sum(r.instances for r in runs)
    if completed_instances(url) != expected:
        raise SystemExit(f"{label}: {completed_instances(url)} instances complete, expected {expected}")
    print(f"{label}: largest operator cookie {cookie} bytes", file=sys.stderr)
    return runs


# -- report -------------------------------------------------------------------
def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def print_report(runs: list[Run], workers: int) -> None:
    print(f"\nInstances over HTTP, shared two-task model (record_approval), gunicorn {workers} "
          f"sync workers; ms/instance = wall time / instances; per call p50/p95 in ms\n")
    head = f"{'database':<12}{'run':<24}{'n':>5}{'ms/inst':>9}{'inst/s':>8}"
    head += "".join(f"{name:>20}" for name in CALLS)
    print(head)
    print("-" * len(head))
    for r in runs:
        cells = "".join(
            f"{1000 * statistics.median(v):>11.1f} /{1000 * percentile(v, 0.95):>6.1f}"
            for v in r.timings.calls.values())
        print(f"{r.database:<12}{r.mode:<24}{r.instances:>5}{r.ms_per_instance:>9.1f}"
              f"{1000 / r.ms_per_instance:>8.1f}{cells}")
    print("\nGoals (issue 13): <= 9 ms/instance on SQLite, <= 18 ms on PostgreSQL.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.http_instances",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--instances", type=int, default=200, help="per run (default 200)")
    parser.add_argument("--postgres", metavar="ADMIN_URL",
                        help="also on PostgreSQL (a throwaway database is made there)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    print("HTTP: SQLite ...", file=sys.stderr, flush=True)
    with sqlite_database() as url:
        runs = run_database("SQLite", url, args.instances, args.workers)
    if args.postgres:
        print("HTTP: PostgreSQL ...", file=sys.stderr, flush=True)
        with throwaway_postgres(args.postgres) as url:
            runs += run_database("PostgreSQL", url, args.instances, args.workers)
    print_report(runs, args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
