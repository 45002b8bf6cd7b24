"""Task-completion throughput on the Pencatatan diagram: our runtime + database vs raw SpiffWorkflow.

A. Through `processes.workflow.RUNTIME` on a fresh, migrated database (a temporary
   SQLite file, and PostgreSQL when `--postgres URL` names a server: a throwaway
   database is created there and dropped afterwards). N instances go through the
   happy path in three stages: the operator starts one and completes its first
   task (with a stored PDF), then Kaurlitpers approves each, then Kasubbid approves
   each. Every completion is its own session and transaction, committed, as a web
   request does. Between the first and second stage the inbox of Kaurlitpers is
   read repeatedly while N tasks are open.

B. SpiffWorkflow alone, in memory, on the same diagram (`bench.raw_spiff`).

Time in A is split by wrapping the runtime's collaborators (`bench.profiling`).

    python -m bench.task_throughput [--instances N] [--postgres URL]
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

import engine
from bench.profiling import A_PARTS, COMMIT, OTHER, Profile, StatementCounter, instrumented
from bench.raw_spiff import RawResult, run_raw
from processes.accounts.models import User
from processes.accounts.users import actor_for
from processes.db.database import make_engine, make_session_factory, throwaway_postgres
from processes.records import documents
from processes.setup.install import prepare
from processes.work.runtime import RUNTIME
from processes.workflow.paths import BPMN_DIR
from tests.support.data import MINIMAL_PDF, pencatatan_data

PROCESS_ID = "pencatatan"
DIAGRAM = BPMN_DIR / "pencatatan.bpmn"
APPROVAL = {"keputusan": "SETUJU"}
INBOX_READS = 200
BENCH_PASSWORD = "bench-only-password"


# -- A: runtime + database ----------------------------------------------------
@dataclass
class DbResult:
    label: str
    completions: int
    seconds: float
    stage_seconds: dict[str, float]
    inbox_reads: int
    inbox_seconds: float
    inbox_rows: int
    stage_statements: dict[str, int]
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.completions / self.seconds

    @property
    def statements(self) -> int:
        return sum(self.stage_statements.values())


def prepare_database(url: str):
    prepare(url, demo_password=BENCH_PASSWORD)
    db = make_engine(url)
    # The flows' writes are audited: a throwaway key, as the database is thrown away too.
    factory = make_session_factory(db, secrets.token_bytes(32))
    with factory() as session:
        actors = {
            name: actor_for(session.scalar(select(User).where(User.username == name)))
            for name in ("operator", "kaurlitpers", "kasubbid")
        }
    return db, factory, actors


def submit(session, operator) -> int:
    first = RUNTIME.start(session, operator, PROCESS_ID, operator.unit_path)
    data = pencatatan_data()
    data["dokumen_file"] = documents.store_pdf(session, MINIMAL_PDF, "lp.pdf", operator.id)
    RUNTIME.complete_task(session, operator, first.id, data)
    return first.instance_id


def approve(session, actor, instance_id: int) -> None:
    (task,) = engine.instance_tasks(session, instance_id)
    RUNTIME.complete_task(session, actor, task.id, dict(APPROVAL))


def in_transaction(factory, profile: Profile, work: Callable[[Any], Any]) -> Any:
    with profile.part(OTHER), factory() as session:
        result = work(session)
        with profile.part(COMMIT):
            session.commit()
    return result


def run_database(label: str, url: str, instances: int) -> DbResult:
    db, factory, actors = prepare_database(url)
    operator, kaur, kasubbid = actors["operator"], actors["kaurlitpers"], actors["kasubbid"]
    try:
        # Warm-up: one whole instance, untimed (SQL compilation caches, restricted code).
        warm = Profile()
        with instrumented(warm):
            first = in_transaction(factory, warm, lambda s: submit(s, operator))
            in_transaction(factory, warm, lambda s: approve(s, kaur, first))
            in_transaction(factory, warm, lambda s: approve(s, kasubbid, first))

        profile = Profile()
        stages: dict[str, float] = {}
        statements: dict[str, int] = {}
        counter = StatementCounter(db)

        def stage(name: str, work: Callable[[Any], Any], items) -> list:
            before, start = counter.count, time.perf_counter()
            results = [in_transaction(factory, profile, lambda s, i=i: work(s, i)) for i in items]
            stages[name] = time.perf_counter() - start
            statements[name] = counter.count - before
            return results

        with instrumented(profile):
            ids = stage("submit", lambda s, _: submit(s, operator), range(instances))
            inbox_rows, inbox_seconds = time_inbox(factory, kaur)
            stage("kaurlitpers", lambda s, i: approve(s, kaur, i), ids)
            stage("kasubbid", lambda s, i: approve(s, kasubbid, i), ids)
        counter.close()

        with factory() as session:
            done = engine.count_instances(session, "complete")
        if done != instances + 1:
            raise SystemExit(f"{label}: {done} instances complete, expected {instances + 1}")
    finally:
        db.dispose()
    return DbResult(
        label=label,
        completions=3 * instances,
        seconds=sum(stages.values()),
        stage_seconds=stages,
        inbox_reads=INBOX_READS,
        inbox_seconds=inbox_seconds,
        inbox_rows=inbox_rows,
        stage_statements=statements,
        parts=dict(profile.totals),
    )


def time_inbox(factory, actor) -> tuple[int, float]:
    """Read `actor`'s inbox INBOX_READS times, each in its own session as a request would."""
    with factory() as session:
        rows = len(engine.inbox(session, actor))
    start = time.perf_counter()
    for _ in range(INBOX_READS):
        with factory() as session:
            engine.inbox(session, actor)
    return rows, time.perf_counter() - start


@contextlib.contextmanager
def sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="ecatpers-bench-") as tmp:
        yield f"sqlite:///{Path(tmp) / 'bench.sqlite'}"


# -- report -------------------------------------------------------------------
def print_report(db_results: list[DbResult], raw: RawResult, instances: int) -> None:
    print(
        f"\nTask-completion throughput, Pencatatan diagram, {instances} instances "
        f"x 3 user tasks = {3 * instances} completions\n"
    )
    print("A/B = A's completions/s over B's; SQL/compl. excludes BEGIN/COMMIT and pool pings.\n")
    header = f"{'run':<34}{'completions/s':>14}{'ms/completion':>15}{'A/B':>8}{'SQL/compl.':>12}"
    print(header)
    print("-" * len(header))
    for r in db_results:
        print(
            f"{'A ' + r.label:<34}{r.rate:>14.1f}{1000 / r.rate:>15.2f}{r.rate / raw.rate:>8.3f}"
            f"{r.statements / r.completions:>12.1f}"
        )
    print(f"{'B raw SpiffWorkflow (in memory)':<34}{raw.rate:>14.1f}{1000 / raw.rate:>15.2f}")

    print(f"\n{'inbox reads (Kaurlitpers)':<34}{'reads/s':>14}{'ms/read':>15}{'rows':>8}")
    for r in db_results:
        per_second = r.inbox_reads / r.inbox_seconds
        print(f"{'A ' + r.label:<34}{per_second:>14.1f}{1000 / per_second:>15.2f}{r.inbox_rows:>8}")

    for r in db_results:
        print(
            f"\nA {r.label}: per stage, ms/completion (SQL statements): "
            + ", ".join(
                f"{stage} {1000 * s / instances:.2f} ({r.stage_statements[stage] / instances:.0f})"
                for stage, s in r.stage_seconds.items()
            )
        )
        print(f"A {r.label}: where a completion's time goes (ms/completion, share)")
        total = sum(r.parts.values())
        for name in A_PARTS:
            seconds = r.parts.get(name, 0.0)
            print(
                f"  {name:<34}{1000 * seconds / r.completions:>8.3f}{100 * seconds / total:>7.1f}%"
            )

    print("\nB: where a completion's time goes (ms/completion, share)")
    total = sum(raw.parts.values())
    for name, seconds in raw.parts.items():
        print(f"  {name:<34}{1000 * seconds / raw.completions:>8.3f}{100 * seconds / total:>7.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.task_throughput", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--instances",
        type=int,
        default=200,
        help="instances per run, 3 user-task completions each (default 200)",
    )
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="also run A on PostgreSQL (a throwaway database is made there)",
    )
    args = parser.parse_args(argv)
    if args.instances < 1:
        parser.error("--instances must be at least 1")

    results = []
    print("A: SQLite ...", file=sys.stderr, flush=True)
    with sqlite_database() as url:
        results.append(run_database("SQLite (file, WAL)", url, args.instances))
    if args.postgres:
        print("A: PostgreSQL ...", file=sys.stderr, flush=True)
        with throwaway_postgres(args.postgres) as url:
            results.append(run_database("PostgreSQL", url, args.instances))
    print("B: raw SpiffWorkflow ...", file=sys.stderr, flush=True)
    raw = run_raw(args.instances, DIAGRAM, PROCESS_ID, APPROVAL)
    print_report(results, raw, args.instances)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
