"""The person page reads each table once for all of a person's records: its SQL statements
do not grow with the records shown (labels, documents, status changes, stages, sanctions)."""

from __future__ import annotations

from sqlalchemy import select

from processes.records.models import Person
from tests.support.flows import record_in_proses
from tests.web.test_completion_statements_http import Statements


def person_page(app, client, auth, session, nomor: str, records: int) -> Statements:
    for _ in range(records):
        record_in_proses(session, nomor_identitas=nomor)
    token = session.scalar(select(Person.token).where(Person.nomor_identitas == nomor))
    auth.login("kasubbid")
    with Statements(app.extensions["ecatpers_engine"]) as seen:
        response = client.get(f"/personel/{token}")
    assert response.status_code == 200
    return seen


def test_the_person_page_takes_as_many_statements_for_three_records_as_for_one(
        app, client, auth, session):
    one = person_page(app, client, auth, session, "93110001", 1)
    three = person_page(app, client, auth, session, "93110002", 3)
    assert len(three.sent) == len(one.sent), three.sent


def test_the_labels_of_all_the_records_are_read_in_one_statement(app, client, auth, session):
    seen = person_page(app, client, auth, session, "93110003", 3)
    assert len([s for s in seen.sent if s.startswith("SELECT") and "FROM reference_item" in s
                and "reference_item.code = " in s]) == 0
    assert len(seen.about("FROM sanction")) == 1
