"""The audit log holds against someone with access to the database: each row is chained to
the one before with a key the database does not hold, the database refuses UPDATE and
DELETE, and concurrent writers never fork the chain. Tampering with the rows themselves
(triggers lifted, as a database superuser could) is found and the first bad row named.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from processes.access import audit_integrity
from processes.db import audit
from processes.db.audit_actions import BACA_CATATAN, MASUK, UBAH_PENGATURAN
from processes.db.uow import UnitOfWork
from tests.conftest import AUDIT_KEY
from tests.support.audit import entries, triggers_lifted

HEAD_KEY = b"kunci-kepala-rantai-uji"


def write_events(session_factory, count: int, user_id: int = 1) -> None:
    """`count` events, one transaction each, as reads of different persons."""
    for n in range(count):
        with UnitOfWork(session_factory) as uow:
            audit.record(uow.session, BACA_CATATAN, user_id=user_id, target=f"8505{n:04d}",
                         outcome="SEMUA_CATPERS", detail={"ref": str(n)})
            uow.commit()


def check(session):
    session.rollback()
    return audit.verify(session, AUDIT_KEY)


def test_rows_are_chained_in_order_and_verify(session, session_factory):
    write_events(session_factory, 5)
    rows = entries(session)
    assert [r.id for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0].prev_hash == "0" * 64
    assert all(later.prev_hash == earlier.row_hash for earlier, later in pairwise(rows))
    result = check(session)
    assert (result.ok, result.rows, result.head_id) == (True, 5, 5)
    assert result.head_hash == rows[-1].row_hash


def test_the_chain_does_not_verify_with_another_key(session, session_factory):
    write_events(session_factory, 2)
    result = audit.verify(session, b"kunci-lain")
    assert not result.ok and result.broken_id == 1


def test_a_rolled_back_use_case_leaves_no_row_and_no_leftover(session, session_factory):
    with UnitOfWork(session_factory) as uow:
        audit.record(uow.session, MASUK, user_id=1, target="operator")
        uow.rollback()
        audit.record(uow.session, UBAH_PENGATURAN, user_id=1, target="pengaturan_kantor")
        uow.commit()
    assert [e.action for e in entries(session)] == [UBAH_PENGATURAN]


def test_an_unknown_action_cannot_be_recorded(session):
    with pytest.raises(ValueError):
        audit.record(session, "HAPUS_SEMUA", user_id=1)


# -- the database refuses changes ---------------------------------------------------


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET outcome = 'lain' WHERE id = 1",
    "DELETE FROM audit_log WHERE id = 1",
    "DELETE FROM audit_log",
])
def test_update_and_delete_are_refused_by_the_database(session, session_factory, db_engine, statement):
    write_events(session_factory, 2)
    with pytest.raises(DBAPIError, match="hanya dapat ditambah"), db_engine.begin() as conn:
        conn.execute(text(statement))
    assert check(session).ok and len(entries(session)) == 2


def test_truncate_is_refused_on_postgresql(session, session_factory, db_engine):
    if db_engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    write_events(session_factory, 1)
    with pytest.raises(DBAPIError, match="hanya dapat ditambah"), db_engine.begin() as conn:
        conn.execute(text("TRUNCATE audit_log"))
    assert len(entries(session)) == 1


# -- tampering past the triggers is found -------------------------------------------


def test_a_changed_detail_is_found_at_its_row(session, session_factory, db_engine):
    write_events(session_factory, 4)
    with triggers_lifted(db_engine) as conn:
        conn.execute(audit.AuditEntry.__table__.update().where(audit.AuditEntry.id == 3)
                     .values(detail={"ref": "999"}))
    result = check(session)
    assert (result.ok, result.broken_id, result.rows) == (False, 3, 2)
    assert "diubah" in result.reason


def test_a_changed_user_or_time_is_found_too(session, session_factory, db_engine):
    write_events(session_factory, 3)
    with triggers_lifted(db_engine) as conn:
        conn.execute(text("UPDATE audit_log SET user_id = 99 WHERE id = 2"))
    assert check(session).broken_id == 2


def test_a_deleted_row_is_found_at_the_row_after_it(session, session_factory, db_engine):
    write_events(session_factory, 4)
    with triggers_lifted(db_engine) as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 2"))
    result = check(session)
    assert (result.ok, result.broken_id) == (False, 3)
    assert "dihapus" in result.reason


def test_a_deleted_row_with_the_ids_closed_up_is_found(session, session_factory, db_engine):
    write_events(session_factory, 4)
    with triggers_lifted(db_engine) as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 2"))
        # One row at a time, lowest first: PostgreSQL checks the key per row.
        for old_id in (3, 4):
            conn.execute(text("UPDATE audit_log SET id = :new WHERE id = :old"),
                         {"new": old_id - 1, "old": old_id})
    result = check(session)
    assert (result.ok, result.broken_id) == (False, 2)


def test_two_swapped_rows_are_found_at_the_first(session, session_factory, db_engine):
    write_events(session_factory, 4)
    table = audit.AuditEntry.__table__
    contents = [c for c in table.c if c.name != "id"]
    with triggers_lifted(db_engine) as conn:
        two, three = (conn.execute(select(*contents).where(table.c.id == n)).one()._asdict()
                      for n in (2, 3))
        for target_id, values in ((2, three), (3, two)):
            conn.execute(audit.AuditEntry.__table__.update()
                         .where(audit.AuditEntry.id == target_id).values(**values))
    result = check(session)
    assert (result.ok, result.broken_id) == (False, 2)


def test_a_row_forged_without_the_key_is_found(session, session_factory, db_engine):
    write_events(session_factory, 2)
    last = entries(session)[-1]
    with triggers_lifted(db_engine) as conn:
        conn.execute(audit.AuditEntry.__table__.insert().values(
            id=3, at=last.at, user_id=1, action=MASUK, target="kabid", outcome="", detail={},
            address=None, prev_hash=last.row_hash, row_hash="f" * 64))
    assert check(session).broken_id == 3


def test_a_cut_off_tail_is_found_with_the_exported_head(session, session_factory, db_engine):
    write_events(session_factory, 3)
    head = audit_integrity.export_head(session, HEAD_KEY)
    assert head["id"] == 3 and audit_integrity.check_head(session, HEAD_KEY, head) == ""
    with triggers_lifted(db_engine) as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 3"))
    assert check(session).ok  # what is left still chains
    assert "dipotong" in audit_integrity.check_head(session, HEAD_KEY, head)
    forged = {**head, "id": 2, "row_hash": entries(session)[-1].row_hash}
    assert "tidak sah" in audit_integrity.check_head(session, HEAD_KEY, forged)


# -- concurrency --------------------------------------------------------------------


def test_concurrent_writers_keep_one_chain(session, session_factory):
    threads, per_thread = 6, 8

    def writer(n: int) -> None:
        for i in range(per_thread):
            with UnitOfWork(session_factory) as uow:
                # Read first, as a page does, then record two events.
                uow.session.execute(text("SELECT count(*) FROM audit_log")).scalar()
                for what in (BACA_CATATAN, MASUK):
                    audit.record(uow.session, what, user_id=n, target=f"{n}-{i}")
                uow.commit()

    with ThreadPoolExecutor(threads) as pool:
        for done in [pool.submit(writer, n) for n in range(threads)]:
            done.result()  # a writer's error fails the test here
    result = check(session)
    assert result.ok, result
    assert result.rows == threads * per_thread * 2
    # Each transaction's two rows sit together: appends never interleave.
    rows = entries(session)
    assert all(a.target == b.target for a, b in zip(rows[::2], rows[1::2]))
