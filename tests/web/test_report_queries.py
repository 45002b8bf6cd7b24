"""A Laporan reads its records with one query however many changed in the period (no
query per record), and so does the Dasbor it carries: the statements a report takes do
not grow with the records."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import event, select

from processes.accounts.models import User
from processes.reading import report
from tests.support.flows import record_in_proses, submitted_record

YEAR = datetime.now(UTC).year


def statements_of_a_report(session, uow) -> tuple[int, int]:
    kabid = session.scalar(select(User).where(User.username == "kabid"))
    engine = session.get_bind()
    counted: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        counted.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        built = report.build(uow(), kabid, "", report.period_of("tahun", str(YEAR)), "xlsx")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(counted), len(built.records)


def test_a_report_takes_as_many_statements_for_six_records_as_for_two(session, uow):
    submitted_record(session, nomor_identitas="91110101")
    record_in_proses(session, username="op.kapuas", nomor_identitas="91110102")
    few, listed = statements_of_a_report(session, uow)
    assert listed == 2
    for i in range(4):
        record_in_proses(session, username="op.kapuas", nomor_identitas=f"9111020{i}")
    many, listed = statements_of_a_report(session, uow)
    assert (listed, many) == (6, few)
