"""Rows that two requests may create at the same moment: insert-or-get, and counters
(added to, read, and rebuilt whole).

`INSERT ... ON CONFLICT` (both PostgreSQL and SQLite say it) lets the second creator wait
for the first and then find (or add to) its row, instead of failing on the unique key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session


def insert_if_missing(session: Session, model: type, key: list[str], values: dict[str, Any]) -> bool:
    """Insert `values` into `model`'s table unless a row with the same `key` columns exists;
    whether this call inserted it."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(model).values(**values).on_conflict_do_nothing(index_elements=key)
    # RETURNING says whether a row was made (rowcount is not reliable across drivers here).
    inserted = session.execute(statement.returning(*(getattr(model, k) for k in key)))
    return inserted.first() is not None


def put(session: Session, model: type, key: list[str], values: dict[str, Any]) -> None:
    """Insert `values`, or overwrite the row with the same `key` columns: the last writer
    wins, and two writers at once never fail on the unique key."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(model).values(**values)
    session.execute(statement.on_conflict_do_update(
        index_elements=key, set_={k: v for k, v in values.items() if k not in key}))


#: Counters per upsert statement: 7 parameters a row stays under SQLite's oldest limit (999).
UPSERT_ROWS = 100


def add_to_counters(session: Session, model: type, deltas: Mapping[NamedTuple, int]) -> None:
    """Add each delta to the `n` of its counter row (made at 0 when missing), keyed by the
    key tuple's fields, in key order so that two transactions never lock crosswise."""
    connection = session.connection()
    insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    table = model.__table__
    keys = sorted(deltas)
    # One statement per UPSERT_ROWS counters (a record's flush touches about a dozen): the
    # keys are distinct, so no row is hit twice, and VALUES keeps their order for the locks.
    for start in range(0, len(keys), UPSERT_ROWS):
        rows = [{**key._asdict(), "n": deltas[key]} for key in keys[start:start + UPSERT_ROWS]]
        statement = insert(table).values(rows)
        connection.execute(statement.on_conflict_do_update(
            index_elements=list(keys[0]._fields), set_={"n": table.c.n + statement.excluded.n},
        ))


def stored_counts(session: Session, model: type, key_type: type[NamedTuple]) -> Counter:
    """Every non-zero counter of `model`, keyed by `key_type`."""
    rows = session.execute(select(model).where(model.n != 0)).scalars()
    return Counter({key_type(*(getattr(r, f) for f in key_type._fields)): r.n for r in rows})


def replace_counts(session: Session, model: type, counts: Mapping[NamedTuple, int]) -> None:
    """Empty `model` and insert `counts` in one bulk statement (no upsert per counter)."""
    session.execute(delete(model))
    if counts:
        session.connection().execute(
            insert(model.__table__), [key._asdict() | {"n": n} for key, n in counts.items()])
