"""Running steps at the same moment in threads, and holding a statement until all arrive."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

#: No race test waits longer than this on any one thread.
THREAD_TIMEOUT = 60.0


def race(*steps: Callable[[], Any]) -> list[Any]:
    """Run every step in its own thread, all released together; each one's result or error."""
    start = threading.Barrier(len(steps))
    results: list[Any] = [None] * len(steps)

    def run(i: int, step: Callable[[], Any]) -> None:
        start.wait(THREAD_TIMEOUT)
        try:
            results[i] = step()
        except BaseException as err:  # noqa: BLE001 - the test looks at what each one got
            results[i] = err

    threads = [threading.Thread(target=run, args=(i, s), daemon=True) for i, s in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(THREAD_TIMEOUT)
        assert not thread.is_alive(), "a racing step did not finish in time"
    return results


@contextmanager
def all_arrive_before(db_engine, sql_start: str, parties: int, wait: float = 2.0) -> Iterator[None]:
    """Hold each statement starting with `sql_start` until `parties` threads have reached it
    (or `wait` seconds passed: on SQLite a writer waits for the other's commit instead)."""
    arrived = threading.Barrier(parties)

    def hold(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith(sql_start.upper()):
            try:
                arrived.wait(wait)
            except threading.BrokenBarrierError:
                pass

    event.listen(db_engine, "before_cursor_execute", hold)
    try:
        yield
    finally:
        event.remove(db_engine, "before_cursor_execute", hold)


@contextmanager
def statements_run(db_engine) -> Iterator[list[str]]:
    """The SQL statements run on `db_engine` inside the block, in order."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(db_engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db_engine, "before_cursor_execute", note)
