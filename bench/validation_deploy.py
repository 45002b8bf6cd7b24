"""How long validating and deploying the largest diagram (permohonan_catpers.bpmn) take.

Validation: `processes.setup.validation` rules over the diagram and its decision tables,
best and median of N runs. Deployment: validated upload path on a fresh temporary SQLite
database, each run a changed comment in the XML (so a new version is stored), rolled back.
"""

from __future__ import annotations

import json
import statistics
import time

from bench.task_throughput import sqlite_database
from engine.deploy import decisions_used
from engine.validation import deploy_checked, validate_diagram
from processes.db.database import make_engine, make_session_factory
from processes.setup.install import prepare
from processes.setup.validation import known
from processes.workflow.paths import BPMN_DIR, FORMS_DIR

DIAGRAM = BPMN_DIR / "permohonan_catpers.bpmn"


def _timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    xml = DIAGRAM.read_bytes()
    tables = decisions_used(xml, {p.name: p.read_bytes() for p in BPMN_DIR.glob("*.dmn")})
    forms = {p.name: json.loads(p.read_text("utf-8")) for p in FORMS_DIR.glob("*.json")}
    rules = known(forms)
    best, median = _timed(lambda i: validate_diagram(xml, tables, rules), 20)
    print(f"validasi {DIAGRAM.name}: terbaik {best * 1000:.1f} ms, median {median * 1000:.1f} ms")
    with sqlite_database() as url:
        prepare(url)
        db = make_engine(url)
        factory = make_session_factory(db)

        def deploy(i: int) -> None:
            with factory() as session:
                changed = xml + f"<!-- {i} -->".encode()
                deploy_checked(session, changed, DIAGRAM.name, tables, rules)
                session.rollback()

        best, median = _timed(deploy, 10)
        db.dispose()
    print(f"validasi + pemasangan: terbaik {best * 1000:.1f} ms, median {median * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
