"""A completion is one pass: a fixed, small number of SQL statements, however many
instances, tasks and reference items the database holds."""

from __future__ import annotations

from sqlalchemy import event

from tests.support.flows import submitted_record, task_of
from tests.support.pages import post_pencatatan

#: The completion's own statements: lock, one joined read (task, may-take, instance,
#: version), the history row, the instance's state, its open-task rows out and in, and
#: the one upsert of the wait histograms the Anev reads (`engine/waits.py`).
COMPLETION_STATEMENTS = 7


class Statements:
    """The SQL statements sent through `engine` inside the block, savepoints left out."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.sent: list[str] = []

    def _seen(self, _conn, _cursor, statement, *_args) -> None:
        if not statement.startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):
            self.sent.append(" ".join(statement.split()))

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)

    def about(self, table: str) -> list[str]:
        return [s for s in self.sent if table in s]


def approve_over_http(app, client, auth, session, nomor_identitas: str) -> Statements:
    record = submitted_record(session, nomor_identitas=nomor_identitas)
    task = task_of(session, "kaurlitpers", record.instance_id)
    auth.login("kaurlitpers")
    with Statements(app.extensions["ecatpers_engine"]) as seen:
        response = client.post(f"/tugas/{task.id}", data={"keputusan": "SETUJU", "catatan": ""})
    assert response.status_code == 302
    return seen


def test_a_kaurlitpers_approval_takes_seven_statements_besides_signing_in(app, client, auth, session):
    seen = approve_over_http(app, client, auth, session, "93010001")
    signed_in = seen.about("FROM app_user")
    assert len(signed_in) == 1
    assert len(seen.sent) - len(signed_in) <= COMPLETION_STATEMENTS, seen.sent


def test_the_task_its_instance_and_version_are_read_once(app, client, auth, session):
    seen = approve_over_http(app, client, auth, session, "93010002")
    reads = [s for s in seen.sent if s.startswith("SELECT")]
    assert len([s for s in reads if "wf_process_version" in s]) == 1
    assert len([s for s in reads if "FROM wf_instance" in s or "JOIN wf_instance" in s]) == 1
    # No second transaction looks for letters to render: this approval issued none.
    assert not seen.about("FROM letter")


def test_the_count_does_not_grow_with_the_open_tasks(app, client, auth, session):
    for n in range(20):
        submitted_record(session, nomor_identitas=f"9302{n:04d}")
    seen = approve_over_http(app, client, auth, session, "93010003")
    assert len(seen.sent) - len(seen.about("FROM app_user")) <= COMPLETION_STATEMENTS


# -- start + submit ---------------------------------------------------------------------
#: A Pencatatan's start + submit over HTTP, sign-in's user row included: the start form
#: looked up by the page and again by the use case (3 + 3), the version, the instance and
#: its first task, the PDF stored, the submission's checks and writes (person, record,
#: submission, document, status change), one upsert per counter table (not one per
#: counter), the audit row, the wait histograms. It was 59 before the counters' upserts
#: were joined and the version stopped being read again by id.
START_SUBMIT_STATEMENTS = 45


def start_over_http(app, client, auth, nomor_identitas: str) -> Statements:
    auth.login("operator")
    with Statements(app.extensions["ecatpers_engine"]) as seen:
        response = post_pencatatan(client, nomor_identitas=nomor_identitas)
    assert response.status_code == 302
    return seen


def test_a_pencatatan_start_and_submit_takes_a_fixed_number_of_statements(app, client, auth):
    seen = start_over_http(app, client, auth, "93020001")
    assert len(seen.sent) <= START_SUBMIT_STATEMENTS, "\n".join(seen.sent)


def test_each_counter_table_takes_one_upsert_and_the_version_is_read_once(app, client, auth):
    seen = start_over_http(app, client, auth, "93020002")
    assert len(seen.about("INSERT INTO dashboard_count")) == 1
    assert len(seen.about("INSERT INTO offence_count")) == 1
    # Read whole by the start, then with the first task in the completion's joined read;
    # never again by id (a row no one holds was read again by each `session.get`).
    again = [s for s in seen.sent if "spec_json" in s and "WHERE wf_process_version.id" in s]
    assert again == []
    assert len([s for s in seen.sent if "wf_process_version.spec_json" in s]) == 2


def test_the_start_count_does_not_grow_with_the_records(app, client, auth, session):
    for n in range(5):
        submitted_record(session, nomor_identitas=f"9303{n:04d}")
    seen = start_over_http(app, client, auth, "93020003")
    assert len(seen.sent) <= START_SUBMIT_STATEMENTS
